import { describe, expect, test } from 'vitest';
import { rehypeRemoveTrackingPixels } from '../../../lib/clean/plugins/rehype-remove-tracking-pixels.ts';
import { corpusArticle } from '../corpus.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeRemoveTrackingPixels]).html;

describe('rehypeRemoveTrackingPixels', () => {
  test('removes 1×1 beacons and keeps real images', () => {
    expect(run('<p>a<img src="https://ads.example/p" width="1" height="1"><img src="https://a.example/1.jpg" width="500"><img src="https://a.example/2.jpg"></p>')).toBe(
      '<p>a<img src="https://a.example/1.jpg" width="500"><img src="https://a.example/2.jpg"></p>',
    );
  });

  test('removes the Amazon ad pixel from a CDT article', () => {
    const { body } = corpusArticle('cdt-04.txt');
    expect(body).toContain('amazon-adsystem.com/e/ir');
    expect(run(body)).not.toContain('amazon-adsystem.com/e/ir');
  });
});
