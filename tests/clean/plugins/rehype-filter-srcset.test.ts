import { describe, expect, test } from 'vitest';
import { rehypeFilterSrcset } from '../../../lib/clean/plugins/rehype-filter-srcset.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeFilterSrcset]).html;

describe('rehypeFilterSrcset', () => {
  test('drops candidates that are not absolute http(s), one by one', () => {
    expect(run('<img src="https://a.example/1.jpg" srcset="https://a.example/1.jpg 1x, javascript:alert(1) 2x, data:image/png;base64,AA 3x">')).toBe(
      '<img src="https://a.example/1.jpg" srcset="https://a.example/1.jpg 1x">',
    );
  });

  test('drops srcset when no candidate is left', () => {
    expect(run('<picture><source srcset="javascript:alert(1)"><img src="https://a.example/1.jpg"></picture>')).toBe('<picture><source><img src="https://a.example/1.jpg"></picture>');
  });
});
