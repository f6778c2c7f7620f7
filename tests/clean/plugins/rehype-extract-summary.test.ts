import { describe, expect, test } from 'vitest';
import { rehypeExtractSummary } from '../../../lib/clean/plugins/rehype-extract-summary.ts';
import { runPlugins } from '../run-plugins.ts';

const summaryOf = (html: string) => runPlugins(html, [rehypeExtractSummary]).file.data.summary;

describe('rehypeExtractSummary', () => {
  test('takes the marked-up lead paragraph, and leaves it in the body', () => {
    const html = '<p>作者：桌子先生</p><p>第一段正文，足够长，足够长，足够长，足够长，足够长。</p><p class="story-body__introduction">年仅30岁的日本当红男星三浦春马周六被发现在家中去世。</p>';
    const { html: out, file } = runPlugins(html, [rehypeExtractSummary]);
    expect(file.data.summary).toBe('年仅30岁的日本当红男星三浦春马周六被发现在家中去世。');
    expect(out).toBe(html);
  });

  test('lead selectors of any kind: classes on an outer element, combinators, attributes', () => {
    const lead = '导语：这是一段足够长的导语，足够长，足够长，足够长。';
    const body = `<p>第一段正文，足够长，足够长，足够长，足够长，足够长。</p><div class="intro-box" data-role="lead"><p>${lead}</p></div>`;
    const withSelectors = (leadSelectors: string) => runPlugins(body, [[rehypeExtractSummary, { leadSelectors }]]).file.data.summary;
    expect(withSelectors('.intro-box')).toBe(lead);
    expect(withSelectors('p.lead, div.intro-box')).toBe(lead);
    expect(withSelectors('.intro-box > p')).toBe(lead);
    expect(withSelectors('[data-role="lead"] p')).toBe(lead);
    expect(withSelectors('p:not(.nothing)')).toBe('第一段正文，足够长，足够长，足够长，足够长，足够长。');
    expect(withSelectors('p.lead, .story-lead')).toBe('第一段正文，足够长，足够长，足够长，足够长，足够长。');
  });

  test('takes the first paragraph with real text, skipping bylines, labels, asides and quotes', () => {
    expect(
      summaryOf('<blockquote><p>一条推文的内容，也有足够长的文字在这里出现。</p></blockquote><p>作者：桌子先生</p><p>以下为中国数字时代摘自网友评论的一些内容如下所示的：</p><p><i>（欢迎点击此处订阅NYT简报，我们将在每个工作日发送最新内容至您的邮箱。）</i></p><p>  华盛顿——《纽约时报》调查发现，\n 特朗普总统和他的高级助手们…</p>'),
    ).toBe('华盛顿——《纽约时报》调查发现， 特朗普总统和他的高级助手们…');
  });

  test('skips paragraphs anywhere inside figures, tables, lists, asides, navigation, headers and footers', () => {
    const inside = (open: string, close: string) => `${open}<p>这一段不是正文的开头，文字也足够长，足够长，足够长。</p>${close}`;
    const shown = [
      inside('<figure><div>', '</div></figure>'),
      inside('<table><tr><td>', '</td></tr></table>'),
      inside('<ul><li><div>', '</div></li></ul>'),
      ...['aside', 'nav', 'header', 'footer'].map((tag) => inside(`<${tag}><section>`, `</section></${tag}>`)),
    ].join('');
    expect(summaryOf(`${shown}<p>正文的第一段在这里，文字足够长，足够长，足够长，足够长，足够长。</p>`)).toBe('正文的第一段在这里，文字足够长，足够长，足够长，足够长，足够长。');
  });

  test('with no paragraph of real text, takes the first one long enough', () => {
    expect(summaryOf('<p>短</p><p>以下为中国数字时代摘自网友评论的一些内容如下所示：</p><p>（这是第二段括号里的文字，也足够长，足够长。）</p>')).toBe(
      '以下为中国数字时代摘自网友评论的一些内容如下所示：',
    );
  });

  test('falls back to the start of the body when there is no paragraph', () => {
    expect(summaryOf('<div>只有一行字</div>')).toBe('只有一行字');
  });

  test('cuts a long lead to about 300 characters at a word boundary, with an ellipsis', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const summary = summaryOf(`<p>${words}</p>`) ?? '';
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(summary.endsWith('…')).toBe(true);
    expect(words.startsWith(summary.slice(0, -1))).toBe(true);
    expect(summary.slice(0, -1)).toMatch(/word\d+$/);
  });

  test('is prose: a paragraph that is only a link is passed over, raw URLs and rule lines are left out', () => {
    const html =
      '<p>https://www.youtube.com/watch?v=NmXN_VKoHPU</p><p>小罗的频道：https://www.youtube.com/@Lil-Luo/videos我的小红书，脸书上也更新视频了https://bit.ly/41JvFcx====================罗宾频道快速搜索</p>';
    expect(summaryOf(html)).toBe('小罗的频道： 我的小红书，脸书上也更新视频了 罗宾频道快速搜索');
  });

  test('leaves out a bare domain with a path, as tweets write their pictures', () => {
    expect(summaryOf('<p>伏拉夫模式 • 开启 pic.twitter.com/ttL7CPnHOV — 维尼大帝 (@realEmperorPooh) June 2, 2020</p>')).toBe('伏拉夫模式 • 开启 — 维尼大帝 (@realEmperorPooh) June 2, 2020');
  });

  test('passes over a paragraph that is one link: an embed named "YouTube video: …" is not the opening', () => {
    const html = '<p><a href="https://www.youtube.com/watch?v=erSKPPIZrLA">YouTube video: 【辱包】大国民「人力VOCALOID」</a></p><p>乳透社·小反旗：本作品为小池塘转正作，作品含有10处隐喻。</p>';
    expect(summaryOf(html)).toBe('乳透社·小反旗：本作品为小池塘转正作，作品含有10处隐喻。');
  });

  test('keeps text that only looks like a rule or a link: "——" dashes, "……" ellipses, a domain in prose', () => {
    const html = '<p>他说——这是真的……网站 example.org 上写着，他们还会继续报道，一直报道下去。</p>';
    expect(summaryOf(html)).toBe('他说——这是真的……网站 example.org 上写着，他们还会继续报道，一直报道下去。');
  });
});
