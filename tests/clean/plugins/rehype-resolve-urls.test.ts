import { describe, expect, test } from 'vitest';
import { rehypeResolveUrls } from '../../../lib/clean/plugins/rehype-resolve-urls.ts';
import { reasons, runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeResolveUrls]);

describe('rehypeResolveUrls', () => {
  test('resolves root-relative, relative, protocol-relative and fragment links against the article', () => {
    expect(run('<a href="/content/a.html">a</a><a href="b.html">b</a><a href="//cdn.example.org/c">c</a><a href="#note">d</a>').html).toBe(
      '<a href="https://news.example.com/content/a.html">a</a><a href="https://news.example.com/world/2020/b.html">b</a><a href="https://cdn.example.org/c">c</a><a href="https://news.example.com/world/2020/story.html#note">d</a>',
    );
  });

  test('resolves src, poster and each srcset candidate', () => {
    expect(run('<video src="/v.mp4" poster="p.jpg"></video><img src="//img.example.org/1.jpg" srcset="/1.jpg 1x, 2.jpg 2x">').html).toBe(
      '<video src="https://news.example.com/v.mp4" poster="https://news.example.com/world/2020/p.jpg"></video><img src="https://img.example.org/1.jpg" srcset="https://news.example.com/1.jpg 1x, https://news.example.com/world/2020/2.jpg 2x">',
    );
  });

  test('reports and leaves links alone when there is no article URL', () => {
    const { html, file } = runPlugins('<a href="/x">x</a>', [rehypeResolveUrls], { url: 'not a url', publishedAt: new Date() });
    expect(html).toBe('<a href="/x">x</a>');
    expect(reasons(file)).toEqual(['No valid article URL: relative links are left unresolved']);
  });
});
