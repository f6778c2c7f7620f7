import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { rehypeImageLabelsToCaptions } from '../../../lib/clean/plugins/rehype-image-labels-to-captions.ts';
import { corpusArticle, corpusFiles, feedxDir, readCorpusArticle } from '../corpus.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeImageLabelsToCaptions]);
const fixture = (name: string) => readCorpusArticle(path.join(import.meta.dirname, '../../fixtures', name));

describe('rehypeImageLabelsToCaptions', () => {
  test('2020 BBC: drops 图片版权 and Image caption, keeps the caption and the credit in a figcaption', () => {
    const { html, file } = run(
      '<div class="media-landscape has-caption full-width"><span class="image-and-copyright-container"><img src="https://a.example/x.jpg"><br><span class="off-screen">图片版权</span><span class="story-image-copyright">Rachaphon Riansiri/BBC Thai </span></span><figcaption class="media-caption"><span class="off-screen">Image caption</span><span class="media-caption__text">负责的地方官员告诉EK。</span></figcaption></div>',
    );
    expect(html).toBe(
      '<figure><span class="image-and-copyright-container"><img src="https://a.example/x.jpg"></span><figcaption class="media-caption"><span class="media-caption__text">负责的地方官员告诉EK。</span><br><span class="story-image-copyright">Rachaphon Riansiri/BBC Thai </span></figcaption></figure>',
    );
    expect(file.messages).toEqual([]);
  });

  test('a credit with no caption, and a label that holds its credit ("图片版权 BBC News 中文" then the credit again)', () => {
    expect(run('<div><span><img src="https://a.example/x.jpg"><br><span>图片版权</span><span>Reuters</span></span></div>').html).toBe(
      '<figure><span><img src="https://a.example/x.jpg"></span><figcaption><span>Reuters</span></figcaption></figure>',
    );
    expect(run('<div><span><img src="https://a.example/x.jpg"><span>图片版权 BBC News 中文</span><span aria-hidden="true">BBC News 中文</span></span></div>').html).toBe(
      '<figure><span><img src="https://a.example/x.jpg"></span><figcaption>BBC News 中文</figcaption></figure>',
    );
  });

  test('2021–2023 BBC: 图片来源， and 图像加注文字， go, the caption paragraph becomes the figcaption', () => {
    const { html } = run(fixture('bbc-2022-figure-labels.txt').body);
    expect(html).not.toMatch(/图片来源|图像加注文字/);
    expect(html).toMatch(/<figure><div[^>]*><span[^>]*><img [^>]*><\/span><\/div><figcaption[^>]*><span role="text">习近平与夫人彭丽媛在西九龙高铁站受到欢迎。<\/span><br>Getty Images<\/figcaption><\/figure><div dir="ltr"><p dir="ltr">这是习近平/);
  });

  test('leaves a label-like phrase in prose alone', () => {
    const html = '<div><p>图片来源：网络。这篇文章讨论了很多问题，足够长，足够长。</p><p>正文。</p><img src="https://a.example/x.jpg"></div>';
    expect(run(html).html).toBe(html);
  });

  test('leaves no 图片版权 or Image caption label in any BBC corpus article, and keeps every credit and caption', () => {
    const bbc = corpusFiles(feedxDir).filter((file) => /\/(fm-)?bbc-\d+\.txt$/.test(file)).map(readCorpusArticle);
    expect(bbc.length).toBe(27);
    for (const article of bbc) {
      const { html } = run(article.body);
      expect(html, article.file).not.toMatch(/图片版权|Image caption/);
    }
    const { html } = run(corpusArticle('bbc-03.txt').body);
    expect(html).toContain('<br><span class="story-image-copyright">Rachaphon Riansiri/BBC Thai </span></figcaption></figure>');
    expect(html).toContain('EK必须带父母或儿时的朋友作证。</span><br>');
  });
});
