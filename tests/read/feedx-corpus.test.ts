import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readRawArticle } from '../../lib/read/read-raw-article.ts';
import type { RawArticle } from '../../lib/read/parse-raw-article.ts';
import { feedxDir } from '../corpus-dir.ts';

const corpus = feedxDir;
const files = readdirSync(corpus)
  .filter((name) => name.endsWith('.txt'))
  .sort();

/**
 * Files expected not to parse, with the reason. Every file of the corpus is a real article
 * with a usable title, URL and date, so none is expected to fail today.
 */
const expectedFailures: Record<string, string> = {};

const read = (name: string) => readRawArticle(readFileSync(join(corpus, name)));

function article(name: string): RawArticle {
  const result = read(name);
  if (!result.ok) throw new Error(`${name}: ${result.reason}`);
  return result.value;
}

/** The `<!--…-->` value on the file's own first header line, to check against without retyping it. */
function headerEpoch(name: string): number {
  const comment = /^<!--(\d{13})-->$/m.exec(readFileSync(join(corpus, name), 'utf8'));
  if (!comment?.[1]) throw new Error(`${name} has no epoch comment`);
  return Number(comment[1]);
}

test('the corpus holds the 375 article files its README describes', () => {
  expect(files).toHaveLength(375);
});

describe.each(files)('%s', (name) => {
  const expected = expectedFailures[name];
  if (expected !== undefined) {
    test(`fails: ${expected}`, () => {
      expect(read(name)).toEqual({ ok: false, reason: expected });
    });
    return;
  }
  test('parses to a title, an http(s) URL, a date from 2000–2026 and a body', () => {
    const { title, url, publishedAt, body, tags } = article(name);
    expect(title.trim()).not.toBe('');
    expect(title).not.toMatch(/\n|&(?:quot|amp|lt|gt|#\d+);/);
    expect(new URL(url).protocol).toMatch(/^https?:$/);
    expect(publishedAt.getTime()).toBeGreaterThanOrEqual(Date.UTC(2000, 0, 1));
    expect(publishedAt.getTime()).toBeLessThan(Date.UTC(2027, 0, 1));
    expect(body.trim()).not.toBe('');
    expect(body).not.toMatch(/^(?:<!--|\[|------|日期：)/);
    expect(new Set(tags).size).toBe(tags.length);
  });
});

describe('per-file expectations', () => {
  test('dw-27: a title broken over lines becomes one line', () => {
    const { title, url, publishedAt } = article('dw-27.txt');
    expect(title).toBe('德语媒体：北京的快速回应');
    expect(url).toBe('https://www.dw.com/zh/%E5%BE%B7%E8%AF%AD%E5%AA%92%E4%BD%93%EF%BC%9A%E5%8C%97%E4%BA%AC%E7%9A%84%E5%BF%AB%E9%80%9F%E5%9B%9E%E5%BA%94/a-53985946');
    expect(publishedAt.getTime()).toBe(headerEpoch('dw-27.txt'));
  });

  test('dm-cdt-01: the 日期： line gives the date and leaves the body', () => {
    const { title, publishedAt, body } = article('dm-cdt-01.txt');
    expect(title).toBe('【麻辣总局】一个非常微妙的数字');
    expect(publishedAt.toISOString()).toBe('2020-07-01T02:36:56.000Z');
    expect(body.startsWith('<p>6月30日，新华社最新公布的中共党员总人数')).toBe(true);
  });

  test('cdt-22: a plain cdt file without a comment line reads like dm-cdt', () => {
    expect(article('cdt-22.txt').publishedAt.toISOString()).toBe('2020-06-25T21:37:05.000Z');
  });

  test('fm-iyouport-01: no header, so the front matter gives title, url and date; author and tags kept', () => {
    expect(article('fm-iyouport-01.txt')).toMatchObject({
      title: '继续杀死透明度革命 ——当局如何得知Tor使用者的身份？ - iYouPort',
      url: 'https://www.iyouport.org/%e7%bb%a7%e7%bb%ad%e6%9d%80%e6%ad%bb%e9%80%8f%e6%98%8e%e5%ba%a6%e9%9d%a9%e5%91%bd-%e5%bd%93%e5%b1%80%e5%a6%82%e4%bd%95%e5%be%97%e7%9f%a5tor%e4%bd%bf%e7%94%a8%e8%80%85%e7%9a%84/',
      publishedAt: new Date('2019-09-16T16:04:02Z'),
      author: 'iYouPort',
      tags: ['iYouPort'],
    });
    expect(article('fm-iyouport-01.txt').body.startsWith('<article class="post-4338')).toBe(true);
  });

  test('fm-nsi-04: CRLF front matter with a date-only value', () => {
    expect(article('fm-nsi-04.txt')).toMatchObject({
      title: '三个开放合作运动在香港的实践，来自阮耀启博士的分享',
      url: 'https://www.caa-ins.org/archives/1406',
      publishedAt: new Date('2017-03-01T00:00:00Z'),
      tags: ['网络社会研究所'],
    });
  });

  test('fm-bbc-01: the header wins for the time, the front matter gives author and tags', () => {
    expect(article('fm-bbc-01.txt')).toMatchObject({
      title: 'BBC盘点男性不愿意戴口罩的几大原因',
      url: 'http://www.bbc.com/zhongwen/simp/world-53465846',
      publishedAt: new Date(headerEpoch('fm-bbc-01.txt')),
      author: 'BBC',
      tags: ['BBC'],
    });
  });

  test('fm-yanjing-03: a <!--NaN--> header time falls back to the front matter date', () => {
    const text = readFileSync(join(corpus, 'fm-yanjing-03.txt'), 'utf8');
    const date = /^date: (.+)$/m.exec(text)?.[1];
    expect(text).toContain('<!--NaN-->');
    expect(article('fm-yanjing-03.txt').publishedAt).toEqual(new Date(date ?? ''));
  });

  test('fm-chinafile-01: entities in the front matter author are decoded', () => {
    expect(article('fm-chinafile-01.txt').author).toBe('Muyi Xiao, Yan Cong & more');
  });

  test('reuters-26: entities in the title are decoded', () => {
    expect(article('reuters-26.txt').title).toBe('就美国对香港施加限制 中方"将采取必要反制措施"--中国外交部');
  });

  test('fm-rti-01 and rfi-31: brackets inside the title are kept', () => {
    expect(article('fm-rti-01.txt').title.startsWith('[生活] 李永得專訪')).toBe(true);
    expect(article('rfi-31.txt').title.startsWith('[视频]北京火速通过港版国安法')).toBe(true);
  });

  test('rfi-01: a doubled slash in the URL is kept', () => {
    expect(article('rfi-01.txt').url.startsWith('http://www.rfi.fr//cn/contenu/20200719-')).toBe(true);
  });
});
