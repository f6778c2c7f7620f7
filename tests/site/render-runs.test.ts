import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSite, defaultTemplatesDir } from '../../lib/site/build-site.ts';
import { singlePageTemplates } from '../../lib/site/single-page-templates.ts';
import { handMadeArticles, testConfig } from './hand-made-articles.ts';
import { listFiles } from './site-files.ts';

const work = await mkdtemp(join(tmpdir(), 'render-runs-'));
afterAll(() => rm(work, { recursive: true, force: true }));

test('the single-page templates are the ones not paginated over the pages to render', async () => {
  expect(await singlePageTemplates(defaultTemplatesDir)).toEqual(['404.njk', 'robots.njk', 'sitemap.njk', 'sources.njk']);
});

test('rendering in many small Eleventy runs writes exactly what one run writes', async () => {
  const articles = handMadeArticles(24);
  const whole = join(work, 'whole');
  const inRuns = join(work, 'in-runs');
  const one = await buildSite({ archive: { articles }, config: testConfig, outDir: whole });
  const many = await buildSite({ archive: { articles }, config: testConfig, outDir: inRuns, pagesPerRun: 7 });

  expect(many).toEqual(one);
  const files = await listFiles(whole);
  expect(await listFiles(inRuns)).toEqual(files);
  expect(files).toContain('404.html');
  expect(files).toContain('assets/style.css');
  for (const file of files) expect(await readFile(join(inRuns, file), 'utf8'), file).toBe(await readFile(join(whole, file), 'utf8'));
});

test('a rebuild of the same site with its output intact does nothing; a missing single page is written again', async () => {
  const articles = handMadeArticles(12);
  const outDir = join(work, 'again');
  const cacheDir = join(work, 'again-cache');
  const first = await buildSite({ archive: { articles }, config: testConfig, outDir, cacheDir });
  const files = await listFiles(outDir);
  const again = await buildSite({ archive: { articles }, config: testConfig, outDir, cacheDir });
  expect(again).toEqual({ pages: first.pages, rendered: 0 });
  expect(await listFiles(outDir)).toEqual(files);

  await rm(join(outDir, 'sitemap.xml'));
  const repaired = await buildSite({ archive: { articles }, config: testConfig, outDir, cacheDir });
  expect(repaired.rendered).toBeGreaterThan(0);
  expect(await listFiles(outDir)).toEqual(files);

  // Any change to what a page shows is a change to the site.
  const retitled = articles.map((article, index) => (index === 3 ? { ...article, data: { ...article.data, title: 'A new title' } } : article));
  const changed = await buildSite({ archive: { articles: retitled }, config: testConfig, outDir, cacheDir });
  expect(changed.rendered).toBeGreaterThan(0);
});
