import { describe, expect, test } from 'vitest';
import { parseDateline, rehypeRemoveDateline } from '../../../lib/clean/plugins/rehype-remove-dateline.ts';
import { corpusArticle, corpusFiles, feedxDir, readCorpusArticle } from '../corpus.ts';
import { runPlugins } from '../run-plugins.ts';

const context = { url: 'https://news.example.com/a', publishedAt: new Date('2020-07-19T10:00:00Z') };
const run = (html: string) => runPlugins(html, [rehypeRemoveDateline], context).html;

describe('rehypeRemoveDateline', () => {
  test.each([
    ['RFI', '<div>19/07/2020 - 16:50</div>'],
    ['BBC', '<div><i>2020年 7月 19日</i></div>'],
    ['VOA', '<div><i>Sun, 19 Jul 2020 05:41:38 GMT</i></div>'],
    ['Reuters', '<div><i>2020-07-20T00:48:43</i></div>'],
    ['DW without author', '<div><i><br>2020-07-19T09:05:48.427Z</i></div>'],
    ['a plain paragraph', '<p>2020-07-20</p>'],
    ['The Economist', '<aside><div><time datetime="2020-07-19T00:00:00Z">Jul 19th 2020</time></div></aside>'],
  ])('drops the %s dateline', (_source, dateline) => {
    expect(run(`${dateline}<p>正文第一段。</p>`)).not.toMatch(/2020|19th/);
  });

  test('keeps the author of a byline and drops its date line', () => {
    expect(run('<div><i>MICHAEL D. SHEAR<br>2020-07-20 17:51:00</i></div><p>正文</p>')).toBe('<div><i>MICHAEL D. SHEAR</i></div><p>正文</p>');
  });

  test('keeps a date that is not the publication date', () => {
    expect(run('<p>1989-06-04</p><p>正文</p>')).toBe('<p>1989-06-04</p><p>正文</p>');
  });

  test('keeps a date that is only part of the text, or far from the top', () => {
    const longLead = `<p>${'长'.repeat(200)}</p>`;
    expect(run('<p>2020-07-19 发布</p>')).toBe('<p>2020-07-19 发布</p>');
    expect(run(`${longLead}<p>2020-07-19</p>`)).toBe(`${longLead}<p>2020-07-19</p>`);
  });

  test('keeps the date of a tweet (a link inside a quote)', () => {
    const tweet = '<blockquote><p>x</p>— a <a href="https://twitter.com/a/status/1">July 19, 2020</a></blockquote>';
    expect(run(tweet)).toBe(tweet);
  });

  test('parses the formats found in the corpus to the calendar day', () => {
    expect(parseDateline('17/03/2023 - 10:11')?.toISOString()).toBe('2023-03-17T00:00:00.000Z');
    expect(parseDateline('2020年 7月 19日')?.toISOString()).toBe('2020-07-19T00:00:00.000Z');
    expect(parseDateline('Mon, 20 Jul 2020 18:57:48 GMT')?.toISOString()).toBe('2020-07-20T00:00:00.000Z');
    expect(parseDateline('作者：吴有水 2020-7-29')).toBeUndefined();
    // Every form above, wrapped in the whitespace and zero-width characters feeds put around it.
    for (const form of ['19/07/2020 – 16:50', '2020年7月19日 08:15:00', 'July 19, 2020', 'Sun, 19 Jul 2020 05:41:38 GMT', '2020.07.19T12:07:18.233+08:00', 'Jul 19th 2020 UTC']) {
      expect(parseDateline(`\u200b\n\u00a0 ${form.replace(/ /g, ' \u3000')} \ufeff`)?.getUTCDate(), form).toBe(19);
    }
  });

  test('leaves no leading dateline in the RFI, BBC, VOA and Reuters corpus files', () => {
    for (const file of corpusFiles(feedxDir).filter((name) => /\/(rfi|bbc|voa|reuters)-\d+\.txt$/.test(name))) {
      const article = readCorpusArticle(file);
      const html = runPlugins(article.body, [rehypeRemoveDateline], article).html;
      expect(html.slice(0, 40), file).not.toMatch(/^<div>(<i>)?(\d{2}\/\d{2}\/\d{4}|\d{4}年|\w{3}, \d{2} \w{3}|\d{4}-\d{2}-\d{2})/);
    }
    expect(runPlugins(corpusArticle('dw-02.txt').body, [rehypeRemoveDateline], corpusArticle('dw-02.txt')).html).toMatch(/^<div><i> 王凡<\/i><\/div>/);
  });
});
