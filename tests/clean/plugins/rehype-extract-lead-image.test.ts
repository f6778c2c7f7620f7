import { describe, expect, test } from 'vitest';
import { cleanBody } from '../../../lib/clean/clean-body.ts';
import { rehypeExtractLeadImage } from '../../../lib/clean/plugins/rehype-extract-lead-image.ts';
import { corpusArticle } from '../corpus.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => {
  const { html: out, file } = runPlugins(html, [rehypeExtractLeadImage]);
  return { html: out, image: file.data.leadImage };
};

describe('rehypeExtractLeadImage', () => {
  test('takes out the first image before any text', () => {
    expect(run('<img src="https://s.rfi.fr/a.JPG"><p><strong>导语</strong></p><p><img src="https://s.rfi.fr/b.jpg"></p>')).toEqual({
      html: '<p><strong>导语</strong></p><p><img src="https://s.rfi.fr/b.jpg"></p>',
      image: 'https://s.rfi.fr/a.JPG',
    });
  });

  test('removes the wrappers it leaves empty, keeps a caption and a credit', () => {
    expect(run('<div><div><a href="https://a.example/"><img src="https://a.example/1.jpg"></a></div></div><p>正文</p>').html).toBe('<p>正文</p>');
    expect(run('<div><img src="https://a.example/1.jpg"><br>图片版权Reuters</div><p>正文</p>').html).toBe('<div><br>图片版权Reuters</div><p>正文</p>');
    expect(run('<figure><img src="https://a.example/1.jpg"><figcaption>说明</figcaption></figure><p>正文</p>').html).toBe('<figure><figcaption>说明</figcaption></figure><p>正文</p>');
  });

  test('keeps weserv proxy URLs as they are', () => {
    expect(run('<img src="https://images.weserv.nl/?url=api.dw.com/image/1_303.jpg"><p>x</p>').image).toBe('https://images.weserv.nl/?url=api.dw.com/image/1_303.jpg');
  });

  test('looks past a short byline but not past the first paragraph', () => {
    expect(run('<div><i>MICHAEL D. SHEAR</i></div><img src="https://a.example/1.jpg"><p>x</p>').image).toBe('https://a.example/1.jpg');
    expect(run('<p>正文在先</p><img src="https://a.example/1.jpg">').image).toBeUndefined();
  });

  test('takes no relative, data: or icon-sized image', () => {
    expect(run('<img src="/a.jpg"><img src="data:image/png;base64,AA"><img src="https://a.example/icon.png" width="64"><p>x</p>')).toEqual({
      html: '<img src="/a.jpg"><img src="data:image/png;base64,AA"><img src="https://a.example/icon.png" width="64"><p>x</p>',
      image: undefined,
    });
  });
});

describe('the lead image’s alt, on corpus articles', () => {
  const cleaned = (name: string) => {
    const article = corpusArticle(name);
    return cleanBody(article.body, { url: article.url, publishedAt: article.publishedAt });
  };

  test('a DW lead photo is described by its feed caption', () => {
    const { image, imageAlt } = cleaned('dw-02.txt');
    expect(image).toContain('53792834_303.jpg');
    expect(imageAlt).toMatch(/^美国大选将于今年11月举行，特朗普是否会再次胜选？/);
  });

  test('a BBC lead photo keeps the alt it came with', () => {
    expect(cleaned('bbc-01.txt').imageAlt).toBe('Federal officers face protesters in Oregon on 18 July');
  });

  test('a lead photo nothing describes has an empty alt', () => {
    const { image, imageAlt } = cleaned('cdt-07.txt');
    expect(image).toBeDefined();
    expect(imageAlt).toBe('');
  });
});
