import { describe, expect, test } from 'vitest';
import { rehypeStripLayoutAttributes } from '../../../lib/clean/plugins/rehype-strip-layout-attributes.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeStripLayoutAttributes]).html;

describe('rehypeStripLayoutAttributes', () => {
  test('drops style, class, id, data-*, handlers and tracking attributes', () => {
    expect(run('<p id="p1" class="story-body__introduction" style="color:red" data-track="x" onclick="t()" itemprop="text" tabindex="-1">a</p>')).toBe('<p>a</p>');
  });

  test('keeps the id or anchor name an in-page link leads to, and only those', () => {
    expect(run('<p><a href="#n1">1</a></p><p id="n1" class="x">注</p><p id="n2">b</p><a name="n1"></a><a name="n3"></a>')).toBe(
      '<p><a href="#n1">1</a></p><p id="n1">注</p><p>b</p><a name="n1"></a><a></a>',
    );
  });

  test('keeps what carries meaning: lang, dir, title, href, alt, numeric image sizes', () => {
    expect(run('<p lang="zh" dir="ltr"><a href="https://a.example" target="_blank" rel="nofollow" title="t">a</a><img src="https://a.example/1.jpg" alt="x" width="500" height="375"></p>')).toBe(
      '<p lang="zh" dir="ltr"><a href="https://a.example" title="t">a</a><img src="https://a.example/1.jpg" alt="x" width="500" height="375"></p>',
    );
  });

  test('drops layout sizes that are not whole pixels, and sizes on non-media', () => {
    expect(run('<img src="https://a.example/1.jpg" width="100%"><table width="600"><tr><td>a</td></tr></table>')).toBe(
      '<img src="https://a.example/1.jpg"><table><tbody><tr><td>a</td></tr></tbody></table>',
    );
  });
});
