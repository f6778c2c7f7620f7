import { describe, expect, test } from 'vitest';
import { rehypeLazyImages } from '../../../lib/clean/plugins/rehype-lazy-images.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeLazyImages]).html;

describe('rehypeLazyImages', () => {
  test.each([
    ['data-src', '<img src="data:image/gif;base64,R0l" data-src="https://a.example/1.jpg">'],
    ['data-lazy-src', '<img src="/placeholder.gif" data-lazy-src="https://a.example/1.jpg">'],
    ['data-original', '<img data-original="https://a.example/1.jpg">'],
  ])('takes the real src from %s', (_name, html) => {
    expect(run(html)).toBe('<img src="https://a.example/1.jpg">');
  });

  test('takes the real srcset from data-srcset, on img and source', () => {
    expect(run('<picture><source data-srcset="https://a.example/1.webp 1x"><img src="https://a.example/1.jpg" data-srcset="https://a.example/2.jpg 2x"></picture>')).toBe(
      '<picture><source srcset="https://a.example/1.webp 1x"><img src="https://a.example/1.jpg" srcset="https://a.example/2.jpg 2x"></picture>',
    );
  });

  test('drops a placeholder image with no real source', () => {
    expect(run('<p>a<img src="data:image/gif;base64,R0l">b<img></p>')).toBe('<p>ab</p>');
  });
});
