import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { cleanBody } from '../../../lib/clean/clean-body.ts';
import { rehypeImageAlt } from '../../../lib/clean/plugins/rehype-image-alt.ts';
import { corpusArticle, corpusFiles, feedxDir, readCorpusArticle, seedDir } from '../corpus.ts';
import { runPlugins } from '../run-plugins.ts';

function cleanedTree(name: string) {
  const article = corpusArticle(name);
  return fromHtml(cleanBody(article.body, { url: article.url, publishedAt: article.publishedAt }).html, { fragment: true });
}

const altOf = (tree: ReturnType<typeof cleanedTree>, srcPart: string) =>
  selectAll('img', tree).find((image) => String(image.properties.src).includes(srcPart))?.properties.alt;

describe('rehypeImageAlt on corpus articles', () => {
  test('a DW photo with only a feed caption gets the caption as its alt', () => {
    const tree = cleanedTree('dw-02.txt');
    const image = selectAll('figure > img', tree).find((node) => String(node.properties.src).includes('53705130_303.jpg'))!;
    expect(image.properties.alt).toBe('特朗普抨击自己的对手拜登（图），指责拜登藏在地下室里，没能力担任总统');
    expect(select('figcaption', selectAll('figure', tree).find((figure) => figure.children.includes(image))!)).toBeDefined();
  });

  test('the alt a BBC photo came with is kept', () => {
    expect(altOf(cleanedTree('bbc-01.txt'), 'oGdMBiAgcZs')).toBe('Youtube 用户名 BBC News 中文: 佛洛伊德事件：「黑人的命也是命」 美國前總統奧巴馬出來發聲－ BBC News 中文');
  });

  test('an image with neither alt nor caption is marked decorative with an empty alt', () => {
    expect(altOf(cleanedTree('cdt-21.txt'), 'EKmThwFUcAAIYd0.jpeg')).toBe('');
  });

  test('every image of every corpus article has an alt', () => {
    const missing: string[] = [];
    let images = 0;
    for (const file of [...corpusFiles(feedxDir), ...corpusFiles(seedDir)]) {
      const article = readCorpusArticle(file);
      const tree = fromHtml(cleanBody(article.body, { url: article.url, publishedAt: article.publishedAt }).html, { fragment: true });
      for (const image of selectAll('img', tree)) {
        images += 1;
        if (typeof image.properties.alt !== 'string') missing.push(`${file}: ${String(image.properties.src)}`);
      }
    }
    expect(images).toBeGreaterThan(900);
    expect(missing).toEqual([]);
  });
});

describe('rehypeImageAlt', () => {
  test('a long caption is cut at a word, whitespace collapsed', () => {
    const caption = `${'word '.repeat(80)}end`;
    const { html } = runPlugins(`<figure><img src="https://a.example/1.jpg"><figcaption>${caption}</figcaption></figure>`, [[rehypeImageAlt, { maxLength: 40 }]]);
    expect(html).toContain(`alt="${'word '.repeat(7).trim()}…"`);
  });

  test('a blank alt falls back to the caption of the nearest figure', () => {
    const { html } = runPlugins('<figure><p><img src="https://a.example/1.jpg" alt="  "></p><figcaption> A  cat </figcaption></figure>', [rehypeImageAlt]);
    expect(html).toBe('<figure><p><img src="https://a.example/1.jpg" alt="A cat"></p><figcaption> A  cat </figcaption></figure>');
  });
});

describe('rehypeImageAlt on an image that is all its link shows', () => {
  test('a Neist story card image is named for the story it links to', () => {
    const tree = cleanedTree('fm-neist-01.txt');
    const link = selectAll('a', tree).find((node) => String(node.properties.href).endsWith('/the-new-economy-issue-2019'))!;
    expect(selectAll('img', link)[0]!.properties.alt).toBe('nei.st/medium/bloomberg-businessweek/the-new-economy-issue-2019');
  });

  test('the link’s title wins over its address; an image beside link text stays decorative', () => {
    const { html } = runPlugins('<a href="https://a.example/x" title="The story"><img src="https://a.example/1.jpg"></a><a href="https://a.example/y"><img src="https://a.example/2.jpg"> Read</a>', [rehypeImageAlt]);
    expect(html).toBe('<a href="https://a.example/x" title="The story"><img src="https://a.example/1.jpg" alt="The story"></a><a href="https://a.example/y"><img src="https://a.example/2.jpg" alt=""> Read</a>');
  });
});
