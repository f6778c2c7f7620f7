import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { rehypeRemoveFeedFooter } from '../../../lib/clean/plugins/rehype-remove-feed-footer.ts';
import { rehypeRemoveShareBars } from '../../../lib/clean/plugins/rehype-remove-share-bars.ts';
import { corpusArticle, readCorpusArticle } from '../corpus.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeRemoveFeedFooter, rehypeRemoveShareBars]);
const fixture = (name: string) => readCorpusArticle(path.join(import.meta.dirname, '../../fixtures', name));

describe('rehypeRemoveShareBars', () => {
  test('removes a bar of sharer links with its icons, its list and its label', () => {
    const { html, file } = run(
      '<p>正文</p><div><span>分享 :</span><ul><li><a href="https://www.facebook.com/sharer/sharer.php?u=x"><svg></svg></a></li><li><a href="https://twitter.com/intent/tweet?url=x"><img src="https://a.example/t.png"></a></li></ul></div>',
    );
    expect(html).toBe('<p>正文</p>');
    expect(file.messages).toEqual([]);
  });

  test('knows the sharers of every major network, and leaves links to their posts and pages alone', () => {
    const sharers = [
      'https://www.facebook.com/dialog/feed?app_id=1', 'https://x.com/intent/post?text=a', 'https://www.linkedin.com/shareArticle?url=a',
      'https://service.weibo.com/share/share.php?url=a', 'https://www.reddit.com/submit?url=a', 'https://social-plugins.line.me/lineit/share?url=a',
      'https://t.me/share/url?url=a', 'https://connect.qq.com/widget/shareqq/index.html?url=a', 'https://getpocket.com/save?url=a',
    ];
    for (const href of sharers) expect(run(`<p>正文</p><p><a href="${href}">x</a></p>`).html, href).toBe('<p>正文</p>');
    const posts = '<p><a href="https://twitter.com/rfi_cn/status/1">推文</a> <a href="https://www.facebook.com/rfi.cn">脸书</a> <a href="https://t.me/iyouport">频道</a></p>';
    expect(run(posts).html).toBe(posts);
  });

  test('removes a label heading before the bar, and share and like buttons in iframes', () => {
    const { html } = run(
      '<div><p>正文</p><iframe src="https://button.like.co/in/embed/inertia/button?type=wp"></iframe><h3>共享此文章：</h3><ul><li><a href="https://www.caa-ins.org/archives/592?share=facebook">点击以在 Facebook 上共享</a></li></ul></div>',
    );
    expect(html).toBe('<div><p>正文</p></div>');
  });

  test('removes "分享 :" left at the end of the body, but not the word inside the text or a link to a post', () => {
    expect(run('<p>他们分享了照片。</p><p>分享：</p>').html).toBe('<p>他们分享了照片。</p>');
    const kept = '<p>分享：</p><p>他们分享了照片，<a href="https://www.facebook.com/rfi/posts/1">见脸书</a>。</p>';
    expect(run(kept).html).toBe(kept);
  });

  test('leaves no share bar in the real pao-pao.net and caa-ins.org articles, and keeps their text', () => {
    for (const name of ['fm-paopao-01.txt', 'fm-nsi-01.txt']) {
      const { html } = run(corpusArticle(name).body);
      expect(html, name).not.toMatch(/twitter\.com\/share|sharer\.php|\?share=|button\.like\.co|共享此文章|Share this on/);
    }
    expect(run(corpusArticle('fm-nsi-01.txt').body).html).toContain('都市中產居民的需求與小農生產的連結與介面');
  });

  test('leaves no share remnant in the 2022 RFI shapes: a label alone, and a bar of icon links', () => {
    for (const name of ['rfi-2022-share-label.txt', 'rfi-2022-share-bar.txt']) {
      const { html } = run(fixture(name).body);
      expect(html, name).not.toMatch(/分享|sharer|intent\/tweet|whatsapp|mailto/);
      expect(html, name).toMatch(/(不少居民表示，他们担心随时可能再次被封控。|密切接触者正在追踪之中。)<\/p>(<br><hr>)?$/);
    }
  });
});
