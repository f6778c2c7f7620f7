import { describe, expect, test } from 'vitest';
import { rehypeFeedCaptionsToFigures } from '../../../lib/clean/plugins/rehype-feed-captions-to-figures.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeFeedCaptionsToFigures]).html;

describe('rehypeFeedCaptionsToFigures', () => {
  test('makes the feed’s image + small caption a figure', () => {
    expect(run('<img src="https://a.example/1.jpg" width="100%"><div><small style="color: #999;">特朗普总统周三在椭圆形办公室。</small></div><p>正文</p>')).toBe(
      '<figure><img src="https://a.example/1.jpg" width="100%"><figcaption>特朗普总统周三在椭圆形办公室。</figcaption></figure><p>正文</p>',
    );
  });

  test('leaves an image followed by anything else alone', () => {
    const html = '<img src="https://a.example/1.jpg"><div><small>a</small> b</div>';
    expect(run(html)).toBe(html);
  });
});
