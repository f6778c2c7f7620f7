import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadArchive } from '../../lib/archive/load-archive.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import { buildSiteModel } from '../../lib/site/site-model.ts';
import { writeSearchIndex, type SearchManifest } from '../../lib/search/write-search-index.ts';
import { searchEntries } from '../../lib/search/search-entry.ts';
import { chromiumLaunchOptions } from '../security/browser-spy.ts';
import { corpusDir } from '../corpus-dir.ts';
import { serveStatic } from '../site/site-files.ts';
import siteConfig from '../../site.config.ts';

// A search loads only the newest bundles that fit in what one query may load, and older ones when the reader asks:
// here the corpus is split into bundles of 40 articles and a query may load almost nothing, so each step is one bundle.
const config = siteConfigSchema.parse(siteConfig);
let work: string;
let browser: Browser;
let site: string;
let manifest: SearchManifest;
let server: Awaited<ReturnType<typeof serveStatic>>;
let oldest: { title: string; url: string; year: string };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'search-older-'));
  const contentDir = join(work, 'content');
  const cacheDir = join(work, 'cache');
  const outDir = join(work, 'site');
  await cp(join(corpusDir, 'seed'), join(contentDir, 'seed'), { recursive: true });
  await cp(join(corpusDir, 'feedx'), join(contentDir, 'feedx'), { recursive: true });
  const archive = await loadArchive({ contentDir, config, cacheDir });
  await buildSite({ archive, config, outDir, cacheDir });
  const model = buildSiteModel({ articles: archive.articles, config, pathPrefix: '/', mode: 'build' });
  await writeSearchIndex({ entries: searchEntries(archive.articles, model.articles), target: outDir, pathPrefix: '/', bundleArticles: 40, queryBytes: 1 });
  manifest = JSON.parse(await readFile(join(outDir, 'search', 'bundles.json'), 'utf8')) as SearchManifest;
  const view = model.articles.reduce((a, b) => (a.datetime < b.datetime ? a : b));
  oldest = { title: view.title, url: view.url, year: view.dayKey.slice(0, 4) };
  server = await serveStatic(outDir);
  site = `${server.origin}/`;
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The page, and how many bundles it has opened (each opening fetches the bundle's entry file). */
async function openSearch(): Promise<{ page: Page; opened: () => number }> {
  const page = await browser.newPage();
  const bundles = new Set<string>();
  page.on('request', (request) => {
    const match = /\/search\/([^/]+)\/pagefind-entry\.json/.exec(new URL(request.url()).pathname);
    if (match) bundles.add(match[1]!);
  });
  return { page, opened: () => bundles.size };
}

const searched = (page: Page) => page.evaluate(() => Number(document.getElementById('search')!.dataset.bundles));
const hrefs = (page: Page) => page.$$eval('.search-result h2 a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));

/** Until the page has shown the search of `bundles` bundles (of the year chosen, if one is). */
async function waitForStep(page: Page, bundles: number, year = ''): Promise<void> {
  await page.waitForFunction(([count, chosen]) => document.getElementById('search')?.dataset.bundles === count && document.getElementById('search')?.dataset.year === chosen, [String(bundles), year], { timeout: 20_000 });
}

/** Lists every result found so far. */
async function showAll(page: Page): Promise<void> {
  while (await page.isVisible('#search-more')) {
    const count = await page.locator('.search-result').count();
    await page.click('#search-more');
    await page.waitForFunction((before) => document.querySelectorAll('.search-result').length > before, count);
  }
}

describe('a search goes back in time step by step', () => {
  test('the archive is in several bundles, each with what it costs a query', () => {
    expect(manifest.bundles.length).toBeGreaterThan(4);
    for (const bundle of manifest.bundles) {
      expect(bundle.bytes.open).toBeGreaterThan(0);
      expect(bundle.bytes.word).toBeGreaterThan(0);
      expect(bundle.bytes.result).toBeGreaterThan(0);
      expect(bundle.from <= bundle.to).toBe(true);
    }
    expect(manifest.codeBytes).toBeGreaterThan(10_000);
    // Newest first.
    expect(manifest.bundles.map((bundle) => bundle.to)).toEqual(manifest.bundles.map((bundle) => bundle.to).sort().reverse());
  });

  test('the first step searches the newest bundle only; each older step one more, until the oldest article is found', async () => {
    const { page, opened } = await openSearch();
    try {
      await page.goto(`${site}search/?q=${encodeURIComponent(oldest.title)}`);
      await waitForStep(page, 1);
      expect(opened()).toBe(1);
      expect(await hrefs(page)).not.toContain(oldest.url);
      // The status names the days searched, and the button the days the next step adds.
      const newest = manifest.bundles[0]!;
      expect(await page.textContent('#search-status')).toContain(`${Number(newest.to.slice(5, 7))}月${Number(newest.to.slice(8, 10))}日`);
      expect(await page.isVisible('#search-older')).toBe(true);
      for (let step = 2; step <= manifest.bundles.length; step++) {
        await page.click('#search-older');
        await waitForStep(page, step);
        expect(opened()).toBe(step);
      }
      expect(await page.isVisible('#search-older')).toBe(false);
      await showAll(page);
      expect(await hrefs(page)).toContain(oldest.url);
      // The whole archive searched: the plain count.
      expect(await page.textContent('#search-status')).toMatch(/^找到 \d+ 篇文章$/);
    } finally {
      await page.close();
    }
  });

  test('results already listed stay where they are when older bundles are searched', async () => {
    const { page } = await openSearch();
    try {
      await page.goto(`${site}search/?q=${encodeURIComponent('美国')}`);
      await waitForStep(page, 1);
      let before = await hrefs(page);
      for (let step = 2; before.length === 0 && step <= manifest.bundles.length; step++) {
        await page.click('#search-older');
        await waitForStep(page, step);
        before = await hrefs(page);
      }
      expect(before.length).toBeGreaterThan(0);
      const step = await searched(page);
      if (step < manifest.bundles.length) {
        await page.click('#search-older');
        await waitForStep(page, step + 1);
        await showAll(page);
        const after = await hrefs(page);
        expect(after.slice(0, before.length)).toEqual(before);
        expect(new Set(after).size).toBe(after.length);
      }
    } finally {
      await page.close();
    }
  });

  test('choosing a year searches that year’s bundles, newest first, even before the search has reached it', async () => {
    const { page } = await openSearch();
    try {
      await page.goto(`${site}search/?q=${encodeURIComponent(oldest.title)}`);
      await waitForStep(page, 1);
      expect(await page.$$eval('#search-year option', (options) => options.map((option) => (option as HTMLOptionElement).value))).toContain(oldest.year);
      await page.selectOption('#search-year', oldest.year);
      const yearBundles = manifest.bundles.filter(({ from, to }) => from.slice(0, 4) <= oldest.year && oldest.year <= to.slice(0, 4));
      for (let step = 1; ; step++) {
        await waitForStep(page, step, oldest.year);
        if (step === yearBundles.length) break;
        await page.click('#search-older');
      }
      await showAll(page);
      expect(await hrefs(page)).toContain(oldest.url);
      for (const meta of await page.$$eval('.search-result time', (times) => times.map((time) => time.getAttribute('datetime')!))) expect(meta.startsWith(oldest.year)).toBe(true);
    } finally {
      await page.close();
    }
  });
});
