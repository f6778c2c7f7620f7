import { describe, expect, test } from 'vitest';
import { rehypeRemoveEmbedSkipLinks } from '../../../lib/clean/plugins/rehype-remove-embed-skip-links.ts';
import { cleanBody } from '../../../lib/clean/clean-body.ts';
import { corpusArticle } from '../corpus.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeRemoveEmbedSkipLinks]).html;

describe('rehypeRemoveEmbedSkipLinks', () => {
  test('removes the skip link, the end marker and the third-party notice around an embed, and keeps the embed', () => {
    const html =
      '<div class="embed-region"><a class="off-screen jump-link" href="#jump-linkx">跳过 Twitter 帖子  用户名 @jack</a>' +
      '<blockquote class="twitter-tweet"><p>Tough day</p></blockquote>' +
      '<div class="media-with-caption__caption embed-youtube-warning">告知：第三方内容可能包含广告</div>' +
      '<p class="off-screen" id="jump-linkx" tabindex="-1">结尾 Twitter 帖子  用户名 @jack</p></div>';
    expect(run(html)).toBe('<div class="embed-region"><blockquote class="twitter-tweet"><p>Tough day</p></blockquote></div>');
  });

  test('keeps other off-screen text (BBC image labels are made captions elsewhere)', () => {
    expect(run('<p><span class="off-screen">图片版权</span>Getty Images</p>')).toBe('<p><span class="off-screen">图片版权</span>Getty Images</p>');
  });

  test('leaves no skip link, end marker or notice in the BBC articles that embed posts', () => {
    for (const name of ['bbc-01.txt', 'bbc-05.txt', 'bbc-11.txt', 'bbc-25.txt', 'fm-bbc-01.txt']) {
      const { body, url, publishedAt } = corpusArticle(name);
      expect(body, name).toMatch(/跳过 \S+ 帖子/);
      const { html } = cleanBody(body, { url, publishedAt });
      expect(html, name).not.toMatch(/跳过 \S+ 帖子|结尾 \S+ 帖子|第三方内容可能包含广告/);
    }
  });
});
