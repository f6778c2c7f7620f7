import { describe, expect, test } from 'vitest';
import { rehypeStripLayoutAttributes } from '../../../lib/clean/plugins/rehype-strip-layout-attributes.ts';
import { rehypeUnwrapSoup } from '../../../lib/clean/plugins/rehype-unwrap-soup.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeUnwrapSoup]).html;

describe('rehypeUnwrapSoup', () => {
  test('unwraps nested attribute-less spans', () => {
    expect(run('<p><span><span><span>据法新社消息</span></span></span>，克宫</p>')).toBe('<p>据法新社消息，克宫</p>');
  });

  test('keeps a span that carries a language', () => {
    expect(run('<p>a <span lang="en">word</span></p>')).toBe('<p>a <span lang="en">word</span></p>');
  });

  test('unwraps nested divs and divs that only group blocks', () => {
    expect(run('<div><div><div><p>a</p></div><p>b</p>\n</div></div><div><h2>c</h2></div>')).toBe('<p>a</p><p>b</p>\n<h2>c</h2>');
  });

  test('keeps a div that holds text of its own', () => {
    expect(run('<div><div>说明文字<br>第二行</div></div>')).toBe('<div>说明文字<br>第二行</div>');
  });

  test('unwraps the page-builder soup once layout attributes are stripped', () => {
    const html = '<div class="story-body__inner" property="articleBody"><div id="bbccom_mpu_3" class="bbccom_slot"><p>x</p></div></div>';
    expect(runPlugins(html, [rehypeStripLayoutAttributes, rehypeUnwrapSoup]).html).toBe('<p>x</p>');
  });
});
