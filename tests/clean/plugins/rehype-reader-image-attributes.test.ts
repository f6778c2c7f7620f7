import { describe, expect, test } from 'vitest';
import { rehypeReaderImageAttributes } from '../../../lib/clean/plugins/rehype-reader-image-attributes.ts';
import { runPlugins } from '../run-plugins.ts';

describe('rehypeReaderImageAttributes', () => {
  test('makes images lazy, async and referrer-free', () => {
    expect(runPlugins('<img src="https://a.example/1.jpg" alt="x">', [rehypeReaderImageAttributes]).html).toBe(
      '<img src="https://a.example/1.jpg" alt="x" loading="lazy" decoding="async" referrerpolicy="no-referrer">',
    );
  });
});
