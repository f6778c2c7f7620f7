import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { cleanBody } from '../../../lib/clean/clean-body.ts';
import { rehypeWrapOrphanListItems } from '../../../lib/clean/plugins/rehype-wrap-orphan-list-items.ts';
import { corpusArticle, corpusFiles, feedxDir, readCorpusArticle } from '../corpus.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeWrapOrphanListItems]).html;

describe('rehypeWrapOrphanListItems on corpus articles', () => {
  test.each(['fm-cctv-xwlb-01.txt', 'fm-cctv-xwlb-02.txt', 'fm-cctv-xwlb-03.txt'])('the CCTV headline items of %s end up in one list', (name) => {
    const article = corpusArticle(name);
    const rawItems = article.body.match(/<li[\s>]/g)!.length;
    const tree = fromHtml(cleanBody(article.body, { url: article.url, publishedAt: article.publishedAt }).html, { fragment: true });
    expect(selectAll('ul', tree)).toHaveLength(1);
    expect(selectAll('ul > li', tree)).toHaveLength(rawItems);
    expect(selectAll('li', tree)).toHaveLength(rawItems);
  });

  test('no corpus article keeps a list item outside a list', () => {
    const orphans: string[] = [];
    for (const file of corpusFiles(feedxDir)) {
      const article = readCorpusArticle(file);
      const tree = fromHtml(cleanBody(article.body, { url: article.url, publishedAt: article.publishedAt }).html, { fragment: true });
      const items = selectAll('li', tree).length;
      const listed = selectAll(':is(ul, ol, menu) > li', tree).length;
      if (items !== listed) orphans.push(`${file}: ${items - listed}`);
    }
    expect(orphans).toEqual([]);
  });
});

describe('rehypeWrapOrphanListItems', () => {
  test('wraps each run of items, whitespace between them inside, and leaves real lists alone', () => {
    expect(run('<div>\n<li>a</li> <li>b</li>\n<p>x</p><li>c</li></div><ol><li>d</li></ol>')).toBe(
      '<div>\n<ul><li>a</li> <li>b</li></ul>\n<p>x</p><ul><li>c</li></ul></div><ol><li>d</li></ol>',
    );
  });

  test('items at the top level are wrapped too', () => {
    expect(run('<li>a</li><li>b</li>')).toBe('<ul><li>a</li><li>b</li></ul>');
  });
});
