import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeText } from '../../lib/read/decode-text.ts';
import { parseRawArticle, type RawArticle } from '../../lib/read/parse-raw-article.ts';
import { seedDir } from '../corpus-dir.ts';

const lines = (...parts: string[]) => parts.join('\n');

function parsed(text: string): RawArticle {
  const result = parseRawArticle(text);
  if (!result.ok) throw new Error(`expected to parse, failed: ${result.reason}`);
  return result.value;
}

function reason(text: string, now?: Date): string {
  const result = parseRawArticle(text, now ? { now } : {});
  if (result.ok) throw new Error(`expected a failure, parsed "${result.value.title}"`);
  return result.reason;
}

const plain = lines('<!--1679044502000-->', '[A title](https://example.com/news/1)', '------', '', '<p>Body</p>');

describe('plain header', () => {
  test('reads epoch milliseconds, the link and the body', () => {
    expect(parsed(plain)).toEqual({
      title: 'A title',
      url: 'https://example.com/news/1',
      publishedAt: new Date(1679044502000),
      body: '<p>Body</p>',
      tags: [],
    });
  });

  test('reads a 10-digit timestamp as epoch seconds', () => {
    expect(parsed(plain.replace('1679044502000', '1679044502')).publishedAt).toEqual(new Date(1679044502000));
  });

  test('tolerates leading blank lines and trailing whitespace', () => {
    const article = parsed(`\n\n  \n${plain}\n\n   \n`);
    expect(article.title).toBe('A title');
    expect(article.body).toBe('<p>Body</p>');
  });

  test('reads CRLF files once decoded', () => {
    const decoded = decodeText(new TextEncoder().encode(plain.replaceAll('\n', '\r\n')));
    expect(decoded.ok && parsed(decoded.value).body).toBe('<p>Body</p>');
  });

  test('keeps a body spread over several lines intact', () => {
    const text = plain.replace('<p>Body</p>', '<p>One</p>\n\n<p>Two</p>\n');
    expect(parsed(text).body).toBe('<p>One</p>\n\n<p>Two</p>');
  });
});

describe('titles', () => {
  test('decodes HTML entities', () => {
    const text = plain.replace('A title', '中方&quot;将采取必要反制措施&quot; &amp; more &#38; &#x4E2D;');
    expect(parsed(text).title).toBe('中方"将采取必要反制措施" & more & 中');
  });

  test('keeps brackets inside the title', () => {
    expect(parsed(plain.replace('A title', '[生活] 台中規模4.1地震 [Eng Sub]')).title).toBe('[生活] 台中規模4.1地震 [Eng Sub]');
  });

  test('joins a title broken over lines, collapsing the whitespace', () => {
    const text = lines('<!--1593446049000-->', '[德语媒体：北京的', '', '  快速回应', '', '](https://www.dw.com/zh/a-53985946)', '------', '', '<div>x</div>');
    expect(parsed(text).title).toBe('德语媒体：北京的 快速回应');
  });

  test('keeps a lone ideographic space between CJK phrases', () => {
    expect(parsed(plain.replace('A title', '寺廟到商店　中共追繳')).title).toBe('寺廟到商店　中共追繳');
  });

  test('fails on an empty title', () => {
    expect(reason(plain.replace('A title', '  &nbsp; '))).toBe('title: must not be empty');
  });
});

describe('URLs', () => {
  test('keeps parentheses inside the URL', () => {
    const text = plain.replace('https://example.com/news/1', 'https://en.wikipedia.org/wiki/Foo_(bar)');
    expect(parsed(text).url).toBe('https://en.wikipedia.org/wiki/Foo_(bar)');
  });

  test('keeps doubled slashes in the path', () => {
    const text = plain.replace('https://example.com/news/1', 'http://www.rfi.fr//cn/contenu/20200719-x');
    expect(parsed(text).url).toBe('http://www.rfi.fr//cn/contenu/20200719-x');
  });

  test.each(['/news/1', 'ftp://example.com/x', 'example.com/news', 'https://', 'javascript:alert(1)'])(
    'fails on %s',
    (url) => {
      expect(reason(plain.replace('https://example.com/news/1', url))).toBe(`url: must be an absolute http(s) URL (got "${url}")`);
    },
  );
});

describe('times', () => {
  test('names a timestamp that is not a number', () => {
    expect(reason(plain.replace('1679044502000', 'abc'))).toBe('timestamp "abc" is not a number');
  });

  test('fails on a timestamp of the wrong length', () => {
    expect(reason(plain.replace('1679044502000', '16790445'))).toMatch(/^timestamp "16790445" must be 13 digits/);
  });

  test('fails on a time before 1990', () => {
    expect(reason(plain.replace('1679044502000', '0000000001000'))).toBe('timestamp "0000000001000" is 1970-01-01T00:00:01.000Z: dates before 1990-01-01 are not accepted');
  });

  test('fails on a time in the future', () => {
    expect(reason(plain, new Date('2023-03-15T00:00:00Z'))).toMatch(/^timestamp "1679044502000" is 2023-03-17T09:15:02\.000Z: in the future \(dates more than 36 hours after now are not accepted\)$/);
  });

  test('reads the 日期： line when there is no comment line', () => {
    const text = lines('[标题](https://chinadigitaltimes.net/chinese/2020/06/x/)', '------', '日期：Wed, 01 Jul 2020 02:36:56 +0000', '', '<p>一</p>', '<p>二</p>');
    const article = parsed(text);
    expect(article.publishedAt).toEqual(new Date('2020-07-01T02:36:56Z'));
    expect(article.body).toBe('<p>一</p>\n<p>二</p>');
  });

  test('fails on a 日期： line that is not a date', () => {
    const text = lines('[标题](https://example.com/x)', '------', '日期：yesterday', '', '<p>x</p>');
    expect(reason(text)).toBe('date "yesterday" is not an RFC 2822 or ISO 8601 date');
  });

  test('fails when no time is given anywhere', () => {
    expect(reason(lines('[标题](https://example.com/x)', '------', '', '<p>x</p>'))).toMatch(/^publishedAt: missing/);
  });
});

describe('missing or broken header', () => {
  test('names the missing dash line', () => {
    expect(reason(lines('<!--1679044502000-->', '[A title](https://example.com/news/1)', '', '<p>Body</p>'))).toBe(
      'no header: expected a line of dashes after "[title](url)"',
    );
  });

  test('names the missing link', () => {
    expect(reason(lines('<!--1679044502000-->', 'A title https://example.com/news/1', '------', '', '<p>Body</p>'))).toBe(
      'no header: expected "[title](url)" followed by a line of dashes',
    );
  });

  test('fails on a bare HTML body', () => {
    expect(reason('<p>Just a body</p>')).toBe('no header: expected "[title](url)" followed by a line of dashes');
  });

  test('fails on an empty body', () => {
    expect(reason(lines('<!--1679044502000-->', '[A title](https://example.com/news/1)', '------', '', '  ', ''))).toBe('empty body');
  });

  test('reports every field problem at once', () => {
    const text = lines('<!--abc-->', '[](nowhere)', '------', '');
    expect(reason(text).split('\n')).toEqual([
      'title: must not be empty',
      'url: must be an absolute http(s) URL (got "nowhere")',
      'timestamp "abc" is not a number',
      'empty body',
    ]);
  });
});

describe('front matter', () => {
  const frontMatter = lines(
    '---',
    'layout: post',
    'title: "Front matter title"',
    'date: 2020-07-20T02:45:24.000Z',
    'author: Muyi Xiao &#38; more',
    'from: http://www.bbc.com/zhongwen/simp/world-53465846',
    'tags: [ BBC, " news ", BBC ]',
    'categories: [ news, BBC ]',
    '---',
  );

  test('takes title, url and time from the header and author and tags from the front matter', () => {
    const text = lines(frontMatter, '<!--1595213124000-->', '[Header title](https://www.bbc.com/zhongwen/simp/world-1)', '------', '', '<div>', 'x', '</div>');
    expect(parsed(text)).toEqual({
      title: 'Header title',
      url: 'https://www.bbc.com/zhongwen/simp/world-1',
      publishedAt: new Date(1595213124000),
      body: '<div>\nx\n</div>',
      author: 'Muyi Xiao & more',
      tags: ['BBC', 'news'],
    });
  });

  test('falls back to the front matter date when the header has no usable time', () => {
    const text = lines(frontMatter, '<!--NaN-->', '[Header title](https://example.com/a)', '------', '', '<div>x</div>');
    expect(parsed(text).publishedAt).toEqual(new Date('2020-07-20T02:45:24.000Z'));
  });

  test('finds the header after the front matter even with blank lines around the comment', () => {
    const text = lines(frontMatter, '', '<!--1595213124000-->', '', '[Header title](https://example.com/a)', '------', '', '<div>x</div>');
    expect(parsed(text)).toMatchObject({ title: 'Header title', publishedAt: new Date(1595213124000) });
  });

  test('with no header, takes title, date and url (from) from the front matter', () => {
    const text = lines(frontMatter, '', '<article>', ' <p>x</p>', '</article>', '');
    expect(parsed(text)).toEqual({
      title: 'Front matter title',
      url: 'http://www.bbc.com/zhongwen/simp/world-53465846',
      publishedAt: new Date('2020-07-20T02:45:24.000Z'),
      body: '<article>\n <p>x</p>\n</article>',
      author: 'Muyi Xiao & more',
      tags: ['BBC', 'news'],
    });
  });

  test('reads a scalar tag and a date-only value (as UTC midnight)', () => {
    const text = lines('---', 'title: t', 'date: 2017-03-01', 'from: https://www.caa-ins.org/archives/1406', 'tags: 网络社会研究所', '---', '<p>x</p>');
    expect(parsed(text)).toMatchObject({ tags: ['网络社会研究所'], publishedAt: new Date('2017-03-01T00:00:00Z') });
  });

  test('reads an ISO date-time without an offset as UTC', () => {
    const text = lines('---', 'title: t', 'date: 2019-09-16 16:04:02', 'from: https://example.com/a', '---', '<p>x</p>');
    expect(parsed(text).publishedAt).toEqual(new Date('2019-09-16T16:04:02Z'));
  });

  test('names what the front matter lacks when there is no header', () => {
    expect(reason(lines('---', 'title: t', '---', '<p>x</p>')).split('\n')).toEqual([
      'url: missing: no header and no "from" in front matter',
      'publishedAt: missing: no header and no "date" in front matter',
    ]);
  });

  test('fails on front matter that is never closed', () => {
    expect(reason(lines('---', 'title: t', '<p>x</p>'))).toBe('front matter: no closing "---" line');
  });

  test('fails on front matter that is not YAML', () => {
    expect(reason(lines('---', 'title: [unclosed', '---', '<p>x</p>'))).toMatch(/^front matter: /);
  });
});

test('the seed file', () => {
  const bytes = readFileSync(`${seedDir}/000_43afd4c1a7979503.txt`);
  const text = decodeText(bytes);
  const article = parsed(text.ok ? text.value : '');
  expect(article.title).toBe('习近平3月20日访俄与普京讨论深化"战略合作"（克宫）');
  expect(article.publishedAt.toISOString()).toBe('2023-03-17T09:15:02.000Z');
  expect(article.url).toMatch(/^https:\/\/www\.rfi\.fr\/cn\//);
  expect(article.body.startsWith('<div>17/03/2023 - 10:11</div>')).toBe(true);
});
