import { describe, expect, test } from 'vitest';
import { rehypeRemoveEmptyElements } from '../../../lib/clean/plugins/rehype-remove-empty-elements.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeRemoveEmptyElements]).html;

describe('rehypeRemoveEmptyElements', () => {
  test('keeps an empty element that is an in-page link’s target', () => {
    expect(runPlugins('<p><a href="#user-content-x">x</a></p><a name="user-content-x"></a><span id="user-content-y"></span><p> </p>', [rehypeRemoveEmptyElements]).html).toBe(
      '<p><a href="#user-content-x">x</a></p><a name="user-content-x"></a><span id="user-content-y"></span>',
    );
  });

  test('removes elements with no text and no media', () => {
    expect(run('<p>\u00a0</p><div><div> <br> </div></div><a href="https://a.example/x"></a><p>a</p><p>\u200b</p>')).toBe('<p>a</p>');
  });

  test('keeps media, void elements and table cells', () => {
    expect(run('<div><img src="https://a.example/1.jpg"></div><hr><table><tr><td></td><td>a</td></tr></table>')).toBe(
      '<div><img src="https://a.example/1.jpg"></div><hr><table><tbody><tr><td></td><td>a</td></tr></tbody></table>',
    );
  });

  test('removes an image the sanitizer left without a source', () => {
    expect(run('<p>a<img alt="x"></p>')).toBe('<p>a</p>');
  });
});
