import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { cleanBody } from '../../../lib/clean/clean-body.ts';
import { rehypeWordpressCaptionsToFigures } from '../../../lib/clean/plugins/rehype-wordpress-captions-to-figures.ts';
import { corpusArticle } from '../corpus.ts';
import { runPlugins } from '../run-plugins.ts';

describe('rehypeWordpressCaptionsToFigures on a China Digital Times article', () => {
  const article = corpusArticle('cdt-09.txt');
  const captions = article.body.match(/class="wp-caption-text"/g)!.length;
  const tree = fromHtml(cleanBody(article.body, { url: article.url, publishedAt: article.publishedAt }).html, { fragment: true });

  test('every WordPress caption is the figcaption of a figure holding its image', () => {
    expect(captions).toBeGreaterThan(5);
    expect(selectAll('figure:has(img) > figcaption', tree)).toHaveLength(captions);
    const figure = selectAll('figure', tree).find((node) => toString(node).includes('李泽厚少年时的小楷作业'))!;
    expect(selectAll('img', figure)[0]!.properties.alt).toBe('李泽厚少年时的小楷作业');
  });

  test('no image keeps an aria-describedby pointing at an id cleaning took away', () => {
    expect(selectAll('[aria-describedby]', tree)).toHaveLength(0);
  });
});

describe('rehypeWordpressCaptionsToFigures', () => {
  test('a wp-caption div without its caption text is left alone', () => {
    const html = '<div class="wp-caption"><img src="https://a.example/1.jpg"></div>';
    expect(runPlugins(html, [rehypeWordpressCaptionsToFigures]).html).toBe(html);
  });
});
