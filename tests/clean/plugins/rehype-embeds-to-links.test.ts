import { describe, expect, test } from 'vitest';
import { rehypeEmbedsToLinks } from '../../../lib/clean/plugins/rehype-embeds-to-links.ts';
import { rehypeResolveUrls } from '../../../lib/clean/plugins/rehype-resolve-urls.ts';
import { corpusArticle } from '../corpus.ts';
import { reasons, runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeEmbedsToLinks]);

describe('rehypeEmbedsToLinks', () => {
  test('turns a YouTube player into a link to its watch page, named for what it is and titled like the player', () => {
    expect(run('<p><iframe title="隔空嫖娼" src="https://www.youtube.com/embed/rcUdcGuod-k?feature=oembed"></iframe></p>').html).toBe(
      '<p><a href="https://www.youtube.com/watch?v=rcUdcGuod-k">YouTube video: 隔空嫖娼</a></p>',
    );
  });

  test('on a Chinese site, names them in Chinese: "YouTube 视频：<title>", "SoundCloud 音频", "<host> 上的视频"', () => {
    const zh = (html: string) => runPlugins(html, [rehypeEmbedsToLinks], { url: 'https://news.example.com/a', publishedAt: new Date('2020-07-19T10:00:00Z'), language: 'zh' }).html;
    expect(zh('<p><iframe title="隔空嫖娼" src="https://www.youtube.com/embed/rcUdcGuod-k"></iframe></p>')).toBe('<p><a href="https://www.youtube.com/watch?v=rcUdcGuod-k">YouTube 视频：隔空嫖娼</a></p>');
    expect(zh('<p><iframe src="https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/1"></iframe></p>')).toMatch(/>SoundCloud 音频<\/a>/);
    expect(zh('<p><iframe src="https://media.example.org/video/1"></iframe></p>')).toMatch(/>media\.example\.org 上的视频<\/a>/);
    expect(zh('<div><iframe src="https://www.youtube.com/embed/videoseries?list=PL0H0"></iframe></div>')).toMatch(/>YouTube 播放列表<\/a>/);
  });

  test('turns a playlist player into its playlist page, in a paragraph when it stood between blocks', () => {
    expect(run('<div><iframe src="https://www.youtube.com/embed/videoseries?list=PL0H0"></iframe></div>').html).toBe(
      '<div><p><a href="https://www.youtube.com/playlist?list=PL0H0">YouTube playlist</a></p></div>',
    );
  });

  test('links other iframes, objects and embeds to their source, named by their host, never by their raw URL', () => {
    expect(run('<p><iframe src="https://player.vimeo.com/video/385926487"></iframe><iframe src="https://example.org/embed/1"></iframe><object data="https://example.org/f.swf"></object><iframe src="https://example.org/files/a.pdf"></iframe><iframe title="《某篇文章》—中国数字时代" src="https://chinadigitaltimes.net/chinese/2020/07/x/embed/"></iframe></p>').html).toBe(
      '<p><a href="https://vimeo.com/385926487">Vimeo video</a><a href="https://example.org/embed/1">Embedded page on example.org</a><a href="https://example.org/f.swf">Embedded page on example.org</a><a href="https://example.org/files/a.pdf">PDF document on example.org</a><a href="https://chinadigitaltimes.net/chinese/2020/07/x/embed/">《某篇文章》—中国数字时代</a></p>',
    );
  });

  test('names the untitled players of real corpus articles for what they show: SoundCloud, YouTube through Embedly, Acast, a VOA video', () => {
    const linkOf = (name: string, host: string) => {
      const article = corpusArticle(name);
      // Some players are protocol-relative (`//embed.acast.com/…`): resolved first, as the pipeline does.
      const { html } = runPlugins(article.body, [rehypeResolveUrls, rehypeEmbedsToLinks], { url: article.url, publishedAt: article.publishedAt });
      const link = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].find(([, href]) => new URL(href!.replace(/&#x26;/g, '&')).hostname.endsWith(host));
      return link?.[2];
    };
    expect(linkOf('fm-chinafile-02.txt', 'soundcloud.com')).toBe('SoundCloud audio');
    expect(linkOf('fm-medium-04.txt', 'youtube.com')).toBe('YouTube video');
    expect(linkOf('fm-economist-en-04.txt', 'acast.com')).toBe('Acast podcast');
    expect(linkOf('voa-01.txt', 'voacantonese.com')).toBe('Video on voacantonese.com');
    expect(linkOf('rfa-04.txt', 'facebook.com')).toBe('Facebook video');
  });

  test('reports and removes an embed with no http(s) source', () => {
    const { html, file } = run('<p>a<iframe src="javascript:alert(1)"></iframe></p>');
    expect(html).toBe('<p>a</p>');
    expect(reasons(file)).toEqual(['Removed an `iframe` with no http(s) source']);
  });

  test('keeps a tweet as a quote with its text and drops the widget script', () => {
    const { html } = run(corpusArticle('cdt-01.txt').body);
    expect(html).toContain('<blockquote class="twitter-tweet"');
    expect(html).toContain('不正确的记忆（3）');
    expect(html).not.toContain('<script');
  });

  test('keeps video and audio with http(s) sources, always with controls', () => {
    expect(run('<video src="https://a.example/v.mp4" autoplay muted></video><audio><source src="javascript:x"><source src="https://a.example/a.mp3"></audio>').html).toBe(
      '<video src="https://a.example/v.mp4" controls></video><audio controls><source src="https://a.example/a.mp3"></audio>',
    );
  });

  test('reports and removes a video with nothing playable', () => {
    const { html, file } = run('<p>a</p><video src="data:video/mp4;base64,AAAA"></video>');
    expect(html).toBe('<p>a</p>');
    expect(reasons(file)).toEqual(['Removed a `video` with no http(s) source']);
  });
});
