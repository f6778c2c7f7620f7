import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildArticle } from '../../lib/article/build-article.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { corpusDir } from '../corpus-dir.ts';

const corpus = corpusDir;
const config = siteConfigSchema.parse({ title: 'Test', url: 'https://example.org', sources: { 'rfi.fr': 'RFI' } });
const build = (file: string, text: string | Uint8Array) =>
  buildArticle({ file, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text }, config);

describe('the seed article', () => {
  const seedName = readdirSync(join(corpus, 'seed'))[0]!;
  const result = build(seedName, readFileSync(join(corpus, 'seed', seedName)));
  if (!result.ok) throw new Error(result.reason);
  const { data, html } = result.value;

  test('has the frontmatter the user expects', () => {
    expect(data.title).toBe('习近平3月20日访俄与普京讨论深化"战略合作"（克宫）');
    expect(data.publishedAt.toISOString()).toBe('2023-03-17T09:15:02.000Z');
    expect(data.image).toMatch(/^https:\/\/s\.rfi\.fr\/.*\.JPG$/);
    expect(data.summary.startsWith('中国国家主席习近平将在3月20-22日对俄罗斯进行“国是访问”')).toBe(true);
    expect(data.lang).toBe('zh-Hans');
    expect(data.source).toBe('RFI');
    expect(data.host).toBe('rfi.fr');
    expect(data.file).toBe(seedName);
    expect(data.id).toMatch(/^[0-9a-f]{12}$/);
    expect(data.readingMinutes).toBeGreaterThanOrEqual(1);
  });

  test('keeps the lead and nine body paragraphs, and none of the clutter', () => {
    expect(html.match(/<p>/g)).toHaveLength(10);
    for (const clutter of ['<span', 'style=', 'data-selfpromo', 'feedx', '17/03/2023', '<hr']) expect(html).not.toContain(clutter);
  });
});

describe('every file of the shared corpus', () => {
  const names = readdirSync(join(corpus, 'feedx')).filter((name) => name.endsWith('.txt'));
  const results = names.map((name) => ({ name, result: build(name, readFileSync(join(corpus, 'feedx', name))) }));

  test('is there to read', () => {
    expect(names).toHaveLength(375);
  });

  test('becomes a valid article, or is rejected for a reason a person would agree with', () => {
    const failures = results.filter(({ result }) => !result.ok).map(({ name, result }) => `${name}: ${result.ok ? '' : result.reason}`);
    // A YouTube entry whose description is empty: `<div>\n\n</div>` is all there is.
    expect(failures).toEqual(['fm-youtube-04.txt: body: no text or media left (an empty body, or only the feed footer and boilerplate)']);
  });

  test('gets a distinct id for each distinct source URL', () => {
    const urls = new Map<string, string>();
    for (const { result } of results) if (result.ok) urls.set(result.value.data.id, result.value.data.url);
    const distinctUrls = new Set(results.flatMap(({ result }) => (result.ok ? [result.value.data.url] : [])));
    expect(urls.size).toBe(distinctUrls.size);
  });

  test('detects Chinese (with its script) for the Chinese sources and English for The Economist', () => {
    const lang = (name: string) => results.find((entry) => entry.name === name)?.result;
    const rfi = lang('rfi-01.txt');
    const economist = lang('fm-economist-en-01.txt');
    expect(rfi?.ok && rfi.value.data.lang).toBe('zh-Hans');
    expect(economist?.ok && economist.value.data.lang).toBe('en');
  });
});

describe('a 中国数字时代 article with the site footer', () => {
  const result = build('dm-cdt-01.txt', readFileSync(join(corpus, 'feedx', 'dm-cdt-01.txt')));
  if (!result.ok) throw new Error(result.reason);
  const { data, html } = result.value;

  test('takes its post tags into tags and the footer out of the body', () => {
    expect(data.tags).toEqual(['共产党', '共产党员', '加速主义', '统计数据']);
    expect(html).not.toMatch(/Post tags|get_post_time|Feed enhanced/);
  });

  test('summarises with its text, not the footer', () => {
    expect(data.summary).not.toMatch(/Feed enhanced|Better Feed|get_post_time/);
    expect(data.summary.length).toBeGreaterThan(25);
  });
});

describe('summaries on the whole corpus', () => {
  const names = readdirSync(join(corpus, 'feedx')).filter((name) => name.endsWith('.txt'));
  const summaries = names.flatMap((name) => {
    const result = build(name, readFileSync(join(corpus, 'feedx', name)));
    return result.ok ? [{ name, summary: result.value.data.summary }] : [];
  });

  test('are prose: no raw URLs, no rule lines, no feed credit', () => {
    const junk = summaries.filter(({ summary }) => /https?:\/\/|www\.|[a-z]\.[a-z]{2,}\/\S|={4,}|－{4,}|Feed enhanced by/u.test(summary));
    expect(junk.map(({ name, summary }) => `${name}: ${summary}`)).toEqual([]);
  });
});

describe('a file that cannot be an article', () => {
  test('is rejected when over the size limit, naming the limit', () => {
    const small = siteConfigSchema.parse({ title: 'T', url: 'https://example.org', maxFileBytes: 1024 });
    const result = buildArticle({ file: 'big.txt', bytes: new Uint8Array(4096).fill(65) }, small);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/over the 0\.0 MB limit|over the .* limit \(maxFileBytes/);
  });

  test('is rejected when nothing is left of the body but the feed footer', () => {
    const text = '<!--1595213124000-->\n[标题](https://example.org/a)\n------\n\n<br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a></div>';
    const result = build('footer-only.txt', text);
    expect(result).toEqual({ ok: false, reason: 'body: no text or media left (an empty body, or only the feed footer and boilerplate)' });
  });

  test('is rejected with the header reader’s reason when it has no header', () => {
    const result = build('no-header.txt', '<p>just some html</p>');
    expect(result.ok).toBe(false);
  });
});
