import { describe, expect, test } from 'vitest';
import { rehypeRemovePostFooter } from '../../../lib/clean/plugins/rehype-remove-post-footer.ts';
import { corpusArticle, corpusFiles, feedxDir, readCorpusArticle } from '../corpus.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeRemovePostFooter]);

const footer =
  `<hr /><p><small>&copy; NMSLESE for <a href="https://chinadigitaltimes.net/chinese">中国数字时代</a>, get_post_time('Y'). |<a href="https://chinadigitaltimes.net/chinese/2020/06/x/">Permalink</a> |<a href="https://chinadigitaltimes.net/chinese/2020/06/x/#comments">No comment</a> |Add to<a href="http://del.icio.us/post?url=https://chinadigitaltimes.net/chinese/2020/06/x/&amp;title=x">del.icio.us</a><br/>` +
  `Post tags: <a href="https://chinadigitaltimes.net/chinese/tag/a/" rel="tag">共产党</a>, <a href="https://chinadigitaltimes.net/chinese/tag/b/" rel="tag">统计数据</a><br/></small></p>` +
  `<p><small>Feed enhanced by <a href='http://planetozh.com/blog/my-projects/wordpress-plugin-better-feed-rss/'>Better Feed</a> from  <a href='http://planetozh.com/blog/'>Ozh</a></small></p>`;

describe('rehypeRemovePostFooter', () => {
  test('removes the copyright line, the tags line, the feed credit and the rule above them, and keeps the tags', () => {
    const { html, file } = run(`<p>正文</p>${footer}`);
    expect(html).toBe('<p>正文</p>');
    expect(file.data.tags).toEqual(['共产党', '统计数据']);
    expect(file.messages).toEqual([]);
  });

  test('keeps a paragraph that mentions the credit among other text, and an article that talks about copyright', () => {
    const html = '<p>Feed enhanced by Better Feed from Ozh, <a href="https://example.org/">一个插件</a></p><p>© 2020 我们在 <a href="https://example.org/">这里</a> 谈论版权</p>';
    const { html: out, file } = run(html);
    expect(out).toBe(html);
    expect(file.data.tags).toBeUndefined();
  });

  test('takes the footer and its tags out of a real 中国数字时代 article', () => {
    const { html, file } = run(corpusArticle('dm-cdt-01.txt').body);
    expect(html).not.toMatch(/get_post_time|Permalink|del\.icio\.us|Post tags|Feed enhanced|planetozh|NMSLESE/);
    expect(html).toContain('以下图片来自共产党员网');
    expect(html.trimEnd()).toMatch(/<\/blockquote>$/);
    expect(file.data.tags).toEqual(['共产党', '共产党员', '加速主义', '统计数据']);
  });

  test('leaves no footer in any corpus file that has it, and takes the tags of all but the one whose list is empty', () => {
    const withFooter = corpusFiles(feedxDir).map(readCorpusArticle).filter((article) => article.body.includes('Better Feed'));
    expect(withFooter.length).toBe(40);
    for (const article of withFooter) {
      const { html, file } = run(article.body);
      expect(html, article.file).not.toMatch(/get_post_time|Feed enhanced by|planetozh|\|Permalink/);
      if (article.file.endsWith('/cdt-26.txt')) expect(article.body).toContain('Post tags: <br/>');
      else expect(file.data.tags?.length, article.file).toBeGreaterThan(0);
    }
  });
});
