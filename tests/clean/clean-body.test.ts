import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { cleanBody } from '../../lib/clean/clean-body.ts';
import { VFile } from 'vfile';
import { cleanProcessor, positionedCleanProcessor } from '../../lib/clean/processor.ts';
import { corpusArticle, corpusFiles, feedxDir, readCorpusArticle, seedDir, type CorpusArticle } from './corpus.ts';

const seed = readCorpusArticle(corpusFiles(seedDir)[0]!);
const context = { url: 'https://news.example.com/a/b.html', publishedAt: new Date('2020-07-19T00:00:00Z') };
const clean = (html: string) => cleanBody(html, context);

describe('cleanBody on the seed article', () => {
  const cleaned = cleanBody(seed.body, { url: seed.url, publishedAt: new Date('2023-03-17T09:15:02Z') });
  const tree = fromHtml(cleaned.html, { fragment: true });

  test('takes out the RFI photo as the lead image', () => {
    expect(new URL(cleaned.image ?? '').hostname).toBe('s.rfi.fr');
    expect(cleaned.image).toMatch(/\.JPG$/);
    expect(selectAll('img', tree)).toHaveLength(0);
  });

  test('summarises with the lead', () => {
    expect(cleaned.summary.startsWith('中国国家主席习近平将在3月20-22日对俄罗斯进行“国是访问”')).toBe(true);
    expect(cleaned.summary.length).toBeLessThanOrEqual(300);
  });

  test('keeps the lead and all nine body paragraphs as paragraphs', () => {
    const paragraphs = selectAll('p', tree);
    expect(paragraphs).toHaveLength(10);
    expect(selectAll('p > strong', tree)).toHaveLength(1);
    expect(cleaned.text).toContain('白宫对此表示乐见其成。');
  });

  test('leaves no span, style, self-promo, feed link, dateline or rule', () => {
    expect(selectAll('span, hr, [style]', tree)).toHaveLength(0);
    expect(cleaned.html).not.toMatch(/data-selfpromo|feedx|获取更多RSS|17\/03\/2023|10:11/);
    expect(cleaned.warnings).toEqual([]);
    expect(cleaned.hasMedia).toBe(true);
  });
});

describe('cleanBody on hostile input', () => {
  test('drops event handlers from images', () => {
    const { html } = clean('<p>a<img src="https://a.example/x.jpg" onerror="alert(1)"></p>');
    expect(html).toBe('<p>a<img src="https://a.example/x.jpg" alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer"></p>');
  });

  test('drops an image whose source is not a URL it may load', () => {
    expect(clean('<p>a<img src=x onerror="alert(1)"><img src="javascript:alert(1)"></p>').html).toBe(
      '<p>a<img src="https://news.example.com/a/x" alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer"></p>',
    );
  });

  test('keeps the text of a javascript: link, not the link', () => {
    expect(clean('<p><a href="javascript:alert(1)">click</a> <a href="JaVaScRiPt:alert(1)">me</a></p>').html).toBe('<p><a>click</a> <a>me</a></p>');
  });

  test('strips scripts and styles with their content', () => {
    const cleaned = clean('<p>a</p><script>alert("x")</script><style>p { color: red }</style><template><p>t</p></template><p>b</p>');
    expect(cleaned.html).toBe('<p>a</p><p>b</p>');
    expect(cleaned.text).not.toMatch(/alert|color|t$/);
  });

  test('strips svg and math with whatever they hide', () => {
    expect(clean('<p>a</p><svg><script>alert(1)</script><text>svg text</text></svg><math><mi>x</mi></math><form><button>Go</button></form>').html).toBe('<p>a</p>');
  });

  test('drops srcset candidates that are not http(s)', () => {
    expect(clean('<p>x</p><p><img src="https://a.example/1.jpg" srcset="javascript:alert(1) 1x, https://a.example/2.jpg 2x"> x</p>').html).toBe(
      '<p>x</p><p><img src="https://a.example/1.jpg" srcset="https://a.example/2.jpg 2x" alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer"> x</p>',
    );
  });

  test('keeps no iframe, only a link to what it showed', () => {
    expect(clean('<p>前文</p><iframe src="https://www.youtube.com/embed/abc123" srcdoc="<script>alert(1)</script>"></iframe>').html).toBe(
      '<p>前文</p><p><a href="https://www.youtube.com/watch?v=abc123" rel="noopener noreferrer nofollow">YouTube video</a></p>',
    );
  });

  test('reports what it removed as warnings with a position', () => {
    expect(clean('<p>a</p><iframe src="data:text/html,x"></iframe>').warnings).toEqual(['1:9-1:49: Removed an `iframe` with no http(s) source']);
  });

  test('never leaves a relative link, so a path prefix cannot capture it', () => {
    const { html } = clean(corpusArticle('reuters-07.txt').body);
    for (const element of selectAll('[href], [src]', fromHtml(html, { fragment: true }))) {
      const url = String(element.properties.href ?? element.properties.src);
      expect(url, url).toMatch(/^(https?:|mailto:)/);
    }
    expect(html).toContain('href="https://news.example.com/investing/currencies/quote?');
  });
});

describe('cleanBody leaves no boilerplate', () => {
  const cleanArticle = (article: CorpusArticle) => cleanBody(article.body, { url: article.url, publishedAt: article.publishedAt });
  const fixture = (name: string) => readCorpusArticle(path.join(import.meta.dirname, '../fixtures', name));

  test('unwraps every span that carries nothing, the pao-pao.net bylines’ too', () => {
    for (const name of ['fm-paopao-01.txt', 'fm-paopao-02.txt', 'fm-paopao-03.txt']) {
      const tree = fromHtml(cleanArticle(corpusArticle(name)).html, { fragment: true });
      expect(selectAll('span', tree).filter((span) => Object.keys(span.properties).length === 0), name).toEqual([]);
    }
  });

  test('the 2022 RFI shapes end with their last paragraph: no "分享 :", no share link, no feed footer', () => {
    for (const name of ['rfi-2022-share-label.txt', 'rfi-2022-share-bar.txt']) {
      const { html, warnings } = cleanArticle(fixture(name));
      expect(html, name).not.toMatch(/分享|sharer|intent\/tweet|whatsapp|mailto|feedx|<svg|<hr/);
      expect(html, name).toMatch(/(不少居民表示，他们担心随时可能再次被封控。|密切接触者正在追踪之中。)<\/p>$/);
      expect(warnings, name).toEqual([]);
    }
  });

  test('the 2022 BBC shape: the photo keeps its caption and credit in a figure, without the labels', () => {
    const { html } = cleanArticle(fixture('bbc-2022-figure-labels.txt'));
    expect(html).not.toMatch(/图片来源|图像加注文字|<span/);
    expect(html).toContain('<figcaption>习近平与夫人彭丽媛在西九龙高铁站受到欢迎。<br>Getty Images</figcaption></figure>');
  });

  test('a 中国数字时代 article keeps its text and loses the site footer; its tags come out', () => {
    const cleaned = cleanArticle(corpusArticle('cdt-22.txt'));
    expect(cleaned.html).not.toMatch(/get_post_time|Permalink|del\.icio\.us|Post tags|Feed enhanced|<hr/);
    expect(cleaned.html).toMatch(/李如一说。<\/p>$/);
    expect(cleaned.tags).toEqual(['墙', '微信', '数字监控', '数字移民', '翻墙', '言论审查', '言论自由', '逃离微信']);
  });

  test('no corpus body keeps a footer, a share link, an image label or a raw player URL as a link text', () => {
    for (const file of corpusFiles(feedxDir)) {
      const { html } = cleanArticle(readCorpusArticle(file));
      expect(html, file).not.toMatch(/get_post_time|Feed enhanced by|sharer\.php|twitter\.com\/share|\?share=|button\.like\.co|图片版权|Image caption|>https:\/\/w\.soundcloud\.com\/player/);
    }
  });
});

describe('parsing without source positions', () => {
  const run = (processor: typeof cleanProcessor, article: CorpusArticle) => {
    const file = new VFile({ value: article.body, data: { cleanContext: { url: article.url, publishedAt: article.publishedAt } } });
    processor.processSync(file);
    return { html: String(file.value), data: file.data, messages: file.messages.map((message) => message.reason) };
  };

  test('cleans every corpus body exactly as rehype-parse with positions does', () => {
    for (const file of [...corpusFiles(feedxDir), ...corpusFiles(seedDir)]) {
      const article = readCorpusArticle(file);
      expect(run(cleanProcessor, article), file).toEqual(run(positionedCleanProcessor, article));
    }
  });
});
