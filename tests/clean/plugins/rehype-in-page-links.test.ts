import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import rehypeSanitize from 'rehype-sanitize';
import { describe, expect, test } from 'vitest';
import { cleanBody } from '../../../lib/clean/clean-body.ts';
import { rehypeInPageLinks } from '../../../lib/clean/plugins/rehype-in-page-links.ts';
import { rehypeResolveUrls } from '../../../lib/clean/plugins/rehype-resolve-urls.ts';
import { rehypeStripLayoutAttributes } from '../../../lib/clean/plugins/rehype-strip-layout-attributes.ts';
import { sanitizeSchema } from '../../../lib/clean/sanitize-schema.ts';
import { corpusArticle } from '../corpus.ts';
import { exampleContext, runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeResolveUrls, rehypeStripLayoutAttributes, [rehypeSanitize, sanitizeSchema], rehypeInPageLinks]);

describe('rehypeInPageLinks', () => {
  test('points #x at the sanitizer’s user-content-x, and keeps the target’s id', () => {
    const { html, file } = run('<p><a href="#notes">注释</a></p><h2 id="notes" class="x">注释</h2><p id="unlinked">正文</p>');
    expect(html).toBe('<p><a href="#user-content-notes">注释</a></p><h2 id="user-content-notes">注释</h2><p>正文</p>');
    expect(file.messages).toEqual([]);
  });

  test('reaches an anchor by its name, and leaves a link whose target is not in the body leading to the source', () => {
    const { html } = run('<p><a href="#friends">朋友</a> <a href="#gone">别处</a></p><p><a name="friends"></a>朋友们</p>');
    expect(html).toBe(
      `<p><a href="#user-content-friends">朋友</a> <a href="${exampleContext.url}#gone">别处</a></p><p><a name="user-content-friends"></a>朋友们</p>`,
    );
  });

  test('takes a link to the article’s own URL with a fragment as in-page, but not one to another page', () => {
    const { html } = run(`<p><a href="${exampleContext.url}#a">这里</a> <a href="https://news.example.com/other.html#a">别的文章</a></p><p id="a">A</p>`);
    expect(html).toBe('<p><a href="#user-content-a">这里</a> <a href="https://news.example.com/other.html#a">别的文章</a></p><p id="user-content-a">A</p>');
  });

  test('a real BBC article: its embeds\' skip links are gone (rehype-remove-embed-skip-links), and no in-page link is left leading nowhere', () => {
    const article = corpusArticle('bbc-01.txt');
    const { html } = cleanBody(article.body, { url: article.url, publishedAt: article.publishedAt });
    const tree = fromHtml(html, { fragment: true });
    // What a browser does: percent-decode the fragment, look for that id.
    const links = selectAll('a[href^="#"]', tree).map((link) => decodeURIComponent(String(link.properties.href).slice(1)));
    const ids = new Set(selectAll('[id]', tree).map((node) => String(node.properties.id)));
    expect(article.body).toContain('href="#jump-linkhttps://www.youtube.com/watch?v=oGdMBiAgcZs"');
    expect(links.filter((link) => link.includes('jump-link'))).toEqual([]);
    for (const id of links) expect(ids.has(id), id).toBe(true);
  });
});
