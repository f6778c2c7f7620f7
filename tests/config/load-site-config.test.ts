import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
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
    `${file}: colour: unknown key (the keys are title, description, url, language, timeZone, author, perPage, homeArticles, homeSpanDays, feedSize, sources, maxFileBytes, search, keywordTopics)`,
  ]);
});

test('the old homeDays key is refused with the keys that replaced it', async () => {
  const file = await configFile(`export default { title: 'T', url: 'https://example.org', homeDays: 3 };`);
  const result = await loadSiteConfig(file);
  expect(result.ok ? '' : result.reason).toBe(
    `${file}: homeDays: replaced by homeArticles (the digest is the newest days until it holds that many articles) and homeSpanDays (how many days it may reach back)`,
  );
});
