import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSiteConfig } from '../../lib/config/load-site-config.ts';

async function configFile(body: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'config-'));
  const file = join(dir, 'site.config.ts');
  await writeFile(file, body);
  return file;
}

test("the project's own site.config.ts is valid", async () => {
  const result = await loadSiteConfig(join(import.meta.dirname, '../../site.config.ts'));
  expect(result.ok).toBe(true);
});

test('every problem is named on its own line, with the file and the field', async () => {
  const file = await configFile(`export default { title: '', url: 'example.org', timeZone: 'Mars/Olympus', perPage: 0 };`);
  const result = await loadSiteConfig(file);
  expect(result.ok).toBe(false);
  const lines = result.ok ? [] : result.reason.split('\n');
  expect(lines).toHaveLength(4);
  for (const line of lines) expect(line.startsWith(`${file}: `)).toBe(true);
  expect(lines.some((line) => line.includes('title:'))).toBe(true);
  expect(lines.some((line) => line.includes('url: must be an absolute http(s) URL'))).toBe(true);
  expect(lines.some((line) => line.includes('timeZone: must be an IANA time zone'))).toBe(true);
  expect(lines.some((line) => line.includes('perPage:'))).toBe(true);
});

test('a missing url, the one required field, says what it must be', async () => {
  const result = await loadSiteConfig(await configFile(`export default { title: 'T' };`));
  expect(result.ok ? '' : result.reason).toMatch(/: url: must be an absolute http\(s\) URL/);
});

test('without a title or description the config is valid: the site takes its interface language’s defaults', async () => {
  const result = await loadSiteConfig(await configFile(`export default { url: 'https://example.org', language: 'zh' };`));
  expect(result.ok && result.value.title).toBeUndefined();
});

test('a command-line site URL overrides the file', async () => {
  const result = await loadSiteConfig(await configFile(`export default { title: 'T', url: 'https://example.org' };`), { url: 'https://me.github.io' });
  expect(result.ok && result.value.url).toBe('https://me.github.io');
});

test('a config that cannot be loaded says so, on one line', async () => {
  const file = await configFile(`export default {`);
  const result = await loadSiteConfig(file);
  expect(result.ok ? '' : result.reason).toMatch(new RegExp(`^${file}: cannot load: [^\\n]+$`));
});

test('a config file that is not there is named, with the reason', async () => {
  expect(await loadSiteConfig('no-such.config.ts')).toEqual({ ok: false, reason: 'no-such.config.ts: no such file' });
});

test('an unknown key is refused with the known key nearest to it, ignoring case', async () => {
  const result = await loadSiteConfig(await configFile(`export default { title: 'T', url: 'https://example.org', perpage: 10 };`));
  expect(result.ok ? '' : result.reason).toMatch(/site\.config\.ts: perpage: unknown key; did you mean perPage\?$/);
});

test('every unknown key is a line of its own, beside the other problems', async () => {
  const file = await configFile(`export default { title: 'T', url: 'https://example.org', homeArticles: 0, timezone: 'UTC', titel: 'x', feedsize: 3, colour: 'red' };`);
  const result = await loadSiteConfig(file);
  expect(result.ok ? [] : result.reason.split('\n')).toEqual([
    `${file}: homeArticles: Too small: expected number to be >=1`,
    `${file}: timezone: unknown key; did you mean timeZone?`,
    `${file}: titel: unknown key; did you mean title?`,
    `${file}: feedsize: unknown key; did you mean feedSize?`,
    `${file}: colour: unknown key (the keys are title, description, url, language, timeZone, author, perPage, homeArticles, homeSpanDays, feedSize, sources, maxFileBytes, search, searchQueryKB, keywordTopics, shards, years)`,
  ]);
});

test('the old homeDays key is refused with the keys that replaced it', async () => {
  const file = await configFile(`export default { title: 'T', url: 'https://example.org', homeDays: 3 };`);
  const result = await loadSiteConfig(file);
  expect(result.ok ? '' : result.reason).toBe(
    `${file}: homeDays: replaced by homeArticles (the digest is the newest days until it holds that many articles) and homeSpanDays (how many days it may reach back)`,
  );
});

describe('shards: the sites an archive is split over by year', () => {
  test('absent, there are none and the build is the whole archive', async () => {
    const result = await loadSiteConfig(await configFile(`export default { url: 'https://example.org' };`));
    expect(result.ok && { shards: result.value.shards, years: result.value.years }).toEqual({ shards: [], years: undefined });
  });

  test('each with its years and an absolute URL or a root-relative path ending in /; this build’s years', async () => {
    const body = `export default { url: 'https://me.github.io', years: [2021], shards: [{ years: [2020, 2019], url: 'https://me.github.io/news-2020/' }, { years: [2021], url: '/news-2021/' }] };`;
    const result = await loadSiteConfig(await configFile(body));
    expect(result.ok && result.value.shards).toEqual([
      { years: [2020, 2019], url: 'https://me.github.io/news-2020/' },
      { years: [2021], url: '/news-2021/' },
    ]);
    expect(result.ok && result.value.years).toEqual([2021]);
  });

  test('a year in two shards, a URL without its closing slash or neither absolute nor root-relative: a line each', async () => {
    const body = `export default { url: 'https://me.github.io', years: [], shards: [
      { years: [2020, 2021], url: 'https://me.github.io/news-2020' },
      { years: [2021], url: 'news-2021/' },
      { years: [], url: '//elsewhere.example/news/' },
      { years: [1900], url: 'ftp://me.example/news/' },
    ] };`;
    const file = await configFile(body);
    const result = await loadSiteConfig(file);
    expect(result.ok ? [] : result.reason.split('\n')).toEqual([
      `${file}: shards.0.url: must end with "/"`,
      `${file}: shards.1.url: must be an absolute http(s) URL such as "https://me.github.io/news-2020/" or a path such as "/news-2020/"`,
      `${file}: shards.2.years: must name at least one year`,
      `${file}: shards.2.url: must be an absolute http(s) URL such as "https://me.github.io/news-2020/" or a path such as "/news-2020/"`,
      `${file}: shards.3.years.0: must be a year from 1990`,
      `${file}: shards.3.url: must be an absolute http(s) URL such as "https://me.github.io/news-2020/" or a path such as "/news-2020/"`,
      `${file}: shards.1.years.0: 2021 is already in shards.0: a year belongs to one shard`,
      `${file}: years: must name at least one year`,
    ]);
  });

  test('the command line’s years override the file’s', async () => {
    const result = await loadSiteConfig(await configFile(`export default { url: 'https://example.org', years: [2020] };`), { years: [2021, 2022] });
    expect(result.ok && result.value.years).toEqual([2021, 2022]);
  });
});
