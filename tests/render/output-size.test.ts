import { link, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import { formatOutputSizes, outputBytes, outputKind, outputKinds, outputSizesByKind, pagesWarningBytes, siteSizeWarning } from '../../lib/render/output-size.ts';
import siteConfigInput from '../../site.config.ts';
import { loadCorpusArticles } from '../site/corpus-archive.ts';
import { handMadeArticles, testConfig } from '../site/hand-made-articles.ts';
import { listFiles } from '../site/site-files.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

test('a site counts as upload-pages-artifact counts it: every file in full, hard links too, symbolic links not followed', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'output-size-'));
  dirs.push(dir);
  await mkdir(join(dir, '2020', '07', '14'), { recursive: true });
  await writeFile(join(dir, 'index.html'), 'x'.repeat(1000));
  await writeFile(join(dir, '2020', '07', '14', 'index.html'), '汉'.repeat(100));
  await link(join(dir, 'index.html'), join(dir, '2020', 'index.html'));
  await symlink('/etc', join(dir, 'elsewhere'));
  expect(await outputBytes(dir)).toBe(1000 + 300 + 1000);
});

test('past 900 MB a build says how big the site is, that Pages takes at most 1 GB, and where to read what to do', () => {
  expect(siteSizeWarning(pagesWarningBytes, 'out')).toBeUndefined();
  const warning = siteSizeWarning(912_345_678, 'out')!;
  expect(warning).toContain('the site in out is 912 MB');
  expect(warning).toContain('GitHub Pages publishes at most 1 GB');
  expect(warning).toContain('README "Big archives"');
  expect(warning.endsWith('\n')).toBe(true);
});

test('each file of a site is of the kind its path says', () => {
  expect(outputKind('2020/07/14/us-china-talks-3f2a9c1b7d0e/index.html')).toBe('article pages');
  expect(outputKind('2020/07/14/index.html')).toBe('day pages');
  expect(outputKind('2020/07/index.html')).toBe('month and year pages');
  expect(outputKind('2020/index.html')).toBe('month and year pages');
  expect(outputKind('years/index.html')).toBe('month and year pages');
  expect(outputKind('sources/bbc/page/3/index.html')).toBe('source listings');
  expect(outputKind('sources/bbc/feed.xml')).toBe('feeds');
  expect(outputKind('topics/美国/index.html')).toBe('topic pages');
  expect(outputKind('index.html')).toBe('home pages');
  expect(outputKind('page/12/index.html')).toBe('home pages');
  expect(outputKind('feed.json')).toBe('feeds');
  expect(outputKind('search/pagefind/pagefind.js')).toBe('search index');
  expect(outputKind('assets/style.css')).toBe('assets');
  expect(outputKind('sitemap.xml')).toBe('other');
});

const config = siteConfigSchema.parse(siteConfigInput);
const corpus = await loadCorpusArticles(config);

describe.skipIf('unavailable' in corpus)('the size of the real corpus site, kind by kind', () => {
  test('every file counts once, in full, under one kind: an article page per article, a day page per day, feeds and the search index', async () => {
    const articles = 'articles' in corpus ? corpus.articles : [];
    const work = await mkdtemp(join(tmpdir(), 'output-size-site-'));
    dirs.push(work);
    const outDir = join(work, 'site');
    await buildSite({ archive: { articles }, config, outDir });
    const sizes = await outputSizesByKind(outDir);
    const files = await listFiles(outDir);
    expect(outputKinds.reduce((sum, kind) => sum + sizes[kind].files, 0)).toBe(files.length);
    expect(outputKinds.reduce((sum, kind) => sum + sizes[kind].bytes, 0)).toBe(await outputBytes(outDir));
    expect(sizes['article pages'].files).toBe(articles.length);
    expect(sizes['day pages'].files).toBe(files.filter((file) => /^\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(file)).length);
    for (const kind of ['day pages', 'month and year pages', 'source listings', 'topic pages', 'home pages', 'feeds', 'search index', 'assets'] as const) {
      expect(sizes[kind].bytes, kind).toBeGreaterThan(0);
    }
    const report = formatOutputSizes(sizes);
    expect(report).toMatch(new RegExp(`^article pages +\\d+ MB +${articles.length} files +[\\d,]+ B each$`, 'm'));
    expect(report.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^total .* ${files.length.toLocaleString('en')} files`));
  }, 180_000);
});

test('a rebuild counts only the files it replaced and wrote, and says the bytes counting every file says', { timeout: 180_000 }, async () => {
  const work = await mkdtemp(join(tmpdir(), 'output-size-rebuild-'));
  dirs.push(work);
  const all = handMadeArticles(150);
  // One article at a time, so that most pages are carried over and only the rest are counted.
  const builds = [all.slice(2), all.slice(1), all, all.filter((_, index) => index !== 100), all];
  for (const search of [false, true]) {
    const outDir = join(work, `site-${search}`);
    const cacheDir = join(work, `cache-${search}`);
    for (const [index, articles] of builds.entries()) {
      const built = await buildSite({ archive: { articles }, config: { ...testConfig, search }, outDir, cacheDir });
      expect(built.bytes, `build ${index + 1}, search ${search}`).toBe(await outputBytes(outDir));
    }
  }
});
