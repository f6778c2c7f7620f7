import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import type { Article } from '../../lib/schema/article.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import siteConfigInput from '../../site.config.ts';
import { loadCorpusArticles } from './corpus-archive.ts';
import { handMadeArticles, testConfig } from './hand-made-articles.ts';
import { axeViolations, headerRows, scrollsSideways } from './page-checks.ts';
import { listFiles, serveStatic } from './site-files.ts';
import { chromiumLaunchOptions } from '../security/browser-spy.ts';

// Month, year and archive pages of the real corpus in Debian's Chromium, at phone and desktop widths, light and dark.
// DIGEST_SCREENSHOTS=<folder> keeps a screenshot of each, to look at.

const screenshots = process.env.DIGEST_SCREENSHOTS;
const config = siteConfigSchema.parse(siteConfigInput);
const corpus = await loadCorpusArticles(config);
const articles: Article[] = 'articles' in corpus ? corpus.articles : [];

let work: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
/** The busiest month and year of the corpus, and the archive page. */
const samples: [string, string][] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'date-archive-browser-'));
  const outDir = join(work, 'site');
  await buildSite({ archive: { articles }, config, outDir, pathPrefix: '/' });
  const files = await listFiles(outDir);
  const articleCount = (start: string) => files.filter((file) => file.startsWith(start) && /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(file)).length;
  const busiest = (pattern: RegExp) => files.filter((file) => pattern.test(file)).map((file) => file.replace(/index\.html$/, '')).sort((a, b) => articleCount(b) - articleCount(a))[0]!;
  samples.push(['month', `/${busiest(/^\d{4}\/\d\d\/index\.html$/)}`], ['year', `/${busiest(/^\d{4}\/index\.html$/)}`], ['archive', '/years/']);
  server = await serveStatic(outDir, '/');
  browser = await chromium.launch(chromiumLaunchOptions);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf('unavailable' in corpus)('the date archive in Chromium', () => {
  test.each([
    [390, 'light'],
    [390, 'dark'],
    [1280, 'light'],
    [1280, 'dark'],
  ] as const)('at %i px, %s: no axe violation of any impact, no sideways scrolling, the header on one line on a phone', async (width, scheme) => {
    // `bypassCSP` only to inject axe-core: the pages' own policy rightly forbids inline scripts.
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP: true });
    await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    const problems: string[] = [];
    for (const [name, path] of samples) {
      await page.goto(`${server.origin}${path}`);
      if (screenshots) await page.screenshot({ path: join(screenshots, `${name}-${width}-${scheme}.png`) });
      for (const violation of await axeViolations(page)) problems.push(`${name}: axe ${violation.id} ${violation.impact} (${violation.nodes})`);
      if (await scrollsSideways(page)) problems.push(`${name}: scrolls sideways`);
      const rows = await headerRows(page);
      if (width < 400 && rows !== 1) problems.push(`${name}: the header takes ${rows} rows`);
      const search = await page.evaluate(() => [...document.querySelectorAll('.site-search, .nav-search')].filter((node) => getComputedStyle(node).display !== 'none').map((node) => node.className));
      if (config.search && search.length !== 1) problems.push(`${name}: search shows as ${search.join(' + ') || 'nothing'}`);
    }
    await page.close();
    expect(problems).toEqual([]);
  });
});

test('an English header (Home · Sources · Topics · Archive · Search) stays one line at 390 px too', async () => {
  const outDir = join(work, 'english');
  await buildSite({ archive: { articles: handMadeArticles(30) }, config: { ...testConfig, language: 'en', search: true }, outDir, pathPrefix: '/' });
  const english = await serveStatic(outDir, '/');
  const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
  try {
    await page.goto(`${english.origin}/2020/06/`);
    const tops = await page.evaluate(() =>
      [...document.querySelectorAll('.site-title, .site-nav li, .site-search')].filter((node) => getComputedStyle(node).display !== 'none').map((node) => Math.round(node.getBoundingClientRect().top / 8)),
    );
    expect(tops.length).toBe(6);
    expect(new Set(tops).size).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    if (screenshots) await page.screenshot({ path: join(screenshots, 'month-en-390-light.png') });
  } finally {
    await page.close();
    await english.close();
  }
}, 60_000);
