import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadArchive } from '../../lib/archive/load-archive.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import { corpusDir } from '../corpus-dir.ts';
import { listFiles } from '../site/site-files.ts';
import siteConfig from '../../site.config.ts';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'search-config-'));
  await cp(join(corpusDir, 'feedx'), join(work, 'content'), { recursive: true });
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test('search is on by default', () => {
  expect(siteConfigSchema.parse({ title: 'x', url: 'https://example.org' }).search).toBe(true);
});

test('search: false makes no search text, no index, no search page and no header form', async () => {
  const config = siteConfigSchema.parse({ ...siteConfig, search: false });
  const cacheDir = join(work, 'cache-off');
  const archive = await loadArchive({ contentDir: join(work, 'content'), config, cacheDir });
  expect(archive.articles.length).toBeGreaterThan(50);
  expect(archive.articles.every((article) => article.search === undefined)).toBe(true);
  const outDir = join(work, 'off');
  await buildSite({ archive, config, outDir, cacheDir });
  const files = await listFiles(outDir);
  expect(files.filter((file) => file.startsWith('search/'))).toEqual([]);
  const home = await readFile(join(outDir, 'index.html'), 'utf8');
  expect(home).not.toContain('site-search');
  expect(home).toContain("form-action &#39;none&#39;");
  await expect(stat(join(cacheDir, 'search'))).rejects.toThrow();
});

test('with search, each parsed article carries its search text from the cache, folded and tokenised', async () => {
  const config = siteConfigSchema.parse(siteConfig);
  const cacheDir = join(work, 'cache-on');
  const first = await loadArchive({ contentDir: join(work, 'content'), config, cacheDir });
  const again = await loadArchive({ contentDir: join(work, 'content'), config, cacheDir });
  expect(again.stats.parsed).toBe(0);
  const byFile = new Map(first.articles.map((article) => [article.data.file, article.search]));
  for (const article of again.articles) {
    expect(article.search).toEqual(byFile.get(article.data.file));
    expect(article.search!.body.length).toBeGreaterThan(0);
    expect(article.search!.text.length).toBeLessThanOrEqual(5000);
  }
  const home = await (async () => {
    const outDir = join(work, 'on');
    await buildSite({ archive: again, config, outDir, cacheDir });
    return readFile(join(outDir, 'index.html'), 'utf8');
  })();
  expect(home).toContain('action="/search/"');
  expect(home).toContain("form-action &#39;self&#39;");
  expect(home).not.toContain('<script');
});
