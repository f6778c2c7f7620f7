import { describe, expect, test } from 'vitest';
import { rehypeRemoveFeedFooter } from '../../../lib/clean/plugins/rehype-remove-feed-footer.ts';
import { corpusArticle } from '../corpus.ts';
import { reasons, runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeRemoveFeedFooter]);

describe('rehypeRemoveFeedFooter', () => {
  test.each(['xyz', 'best', 'co', 'site'])('removes the footer whose second domain is feedx.%s', (tld) => {
    const html = `<p>正文</p><div>获取更多RSS：<br><a href="https://feedx.net" style="color:orange" target="_blank">https://feedx.net</a> <br><a href="https://feedx.${tld}">https://feedx.${tld}</a><br></div>`;
    const { html: out, file } = run(html);
    expect(out).toBe('<p>正文</p>');
    expect(file.messages).toEqual([]);
  });

  test('removes the self-promo placeholders', () => {
    expect(run('<div><p>a</p><div data-selfpromo-newsletter></div><div class="o-self-promo" data-selfpromo-app=""></div></div>').html).toBe('<div><p>a</p></div>');
  });

  test('removes a footer block whose label is split over inline elements', () => {
    expect(run('<p>获悉</p><div><span>获取</span><b>更多RSS</b>：<br><a href="https://feedx.net">https://feedx.net</a></div>').html).toBe('<p>获悉</p>');
  });

  test('removes a footer label and links that sit loose in a wrapper', () => {
    expect(run('<div><p>a</p>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a></div>').html).toBe('<div><p>a</p></div>');
  });

  test('keeps a block that mentions the label but links elsewhere, and reports stray feed links', () => {
    const { html, file } = run('<div>获取更多RSS的方法见<a href="https://example.org/help">帮助</a></div><p>see <a href="https://www.feedx.site/x">here</a></p>');
    expect(html).toBe('<div>获取更多RSS的方法见<a href="https://example.org/help">帮助</a></div><p>see </p>');
    expect(reasons(file)).toEqual(['Removed a stray link to the feed service']);
  });

  test('leaves no feedx link in a real corpus article with the footer', () => {
    const { html } = run(corpusArticle('bbc-02.txt').body);
    expect(html).not.toContain('feedx');
    expect(html).not.toContain('获取更多RSS');
    expect(html).toContain('三浦春马');
  });
});
