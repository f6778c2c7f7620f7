import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadArchive } from '../../lib/archive/load-archive.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import { chromiumLaunchOptions } from '../security/browser-spy.ts';
import { corpusDir } from '../corpus-dir.ts';
import { axeViolations } from '../site/page-checks.ts';
import { serveStatic } from '../site/site-files.ts';
import siteConfig from '../../site.config.ts';

const config = siteConfigSchema.parse(siteConfig);

let work: string;
let browser: Browser;
const servers: Awaited<ReturnType<typeof serveStatic>>[] = [];
const sites = new Map<string, string>();
const problems: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'search-page-'));
  const contentDir = join(work, 'content');
  await cp(join(corpusDir, 'seed'), join(contentDir, 'seed'), { recursive: true });
  await cp(join(corpusDir, 'feedx'), join(contentDir, 'feedx'), { recursive: true });
  const archive = await loadArchive({ contentDir, config, cacheDir: join(work, 'cache') });
  for (const prefix of ['/archive/', '/']) {
    const outDir = join(work, prefix === '/' ? 'root' : 'prefixed');
    await buildSite({ archive, config, outDir, pathPrefix: prefix, cacheDir: join(work, 'cache') });
    const server = await serveStatic(outDir, prefix);
    servers.push(server);
    sites.set(prefix, `${server.origin}${prefix}`);
  }
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/**
 * A page where only the local server answers, recording the search page's console errors and page errors,
 * and anything it asks of another host (article pages load their remote images, which are aborted here).
 */
async function openPage(width = 1280, bypassCSP = false): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP });
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  const onSearchPage = () => new URL(page.url()).pathname.endsWith('/search/');
  page.on('console', (message) => {
    if (message.type() === 'error' && onSearchPage()) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('request', (request) => {
    if (new URL(request.url()).hostname !== '127.0.0.1' && onSearchPage()) problems.push(`requested ${request.url()}`);
  });
  return page;
}

async function searchFor(page: Page, query: string): Promise<void> {
  await page.fill('#search-q', query);
  await page.waitForFunction((typed) => document.getElementById('search')?.dataset.searched === typed, query, { timeout: 20_000 });
}

const results = (page: Page) =>
  page.$$eval('.search-result', (items) =>
    items.map((item) => ({
      title: item.querySelector('h2')!.textContent!,
      href: item.querySelector('a')!.getAttribute('href')!,
      titleMarks: [...item.querySelectorAll('h2 mark')].map((mark) => mark.textContent),
      snippetMarks: [...item.querySelectorAll('.search-snippet mark')].map((mark) => mark.textContent),
      meta: item.querySelector('.search-result-meta')!.textContent!,
    })),
  );

describe.each(['/archive/', '/'])('search on the corpus site at %s', (prefix) => {
  test('the header form leads to the search page, which shows the results for q on load', async () => {
    const page = await openPage();
    await page.goto(sites.get(prefix)!);
    expect(await page.getAttribute('form.site-search', 'action')).toBe(`${prefix}search/`);
    await page.fill('#site-search-q', '普京');
    await page.press('#site-search-q', 'Enter');
    await page.waitForFunction(() => document.getElementById('search')?.dataset.searched === '普京', undefined, { timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe(`${prefix}search/`);
    const found = await results(page);
    expect(found.length).toBeGreaterThan(5);
    expect(found.every((result) => result.href.startsWith(`${prefix}20`))).toBe(true);
    expect(found.some((result) => result.titleMarks.includes('普京'))).toBe(true);
    await page.close();
  });

  test('a Chinese query finds its article in either script, and the marks follow the article’s script', async () => {
    const page = await openPage();
    await page.goto(`${sites.get(prefix)!}search/`);
    await searchFor(page, '讨论深化');
    const simplified = await results(page);
    expect(simplified[0]!.title).toContain('讨论深化');
    expect(simplified[0]!.titleMarks).toContain('讨论深化');
    await searchFor(page, '討論深化');
    expect((await results(page)).map((result) => result.href)).toEqual(simplified.map((result) => result.href));
    expect(new URL(page.url()).searchParams.get('q')).toBe('討論深化');
    // A traditional article found by a simplified query, highlighted in its own characters.
    await searchFor(page, '选区');
    const traditional = await results(page);
    expect(traditional.length).toBeGreaterThan(0);
    // 給社區的一封信 is written in traditional characters: a simplified query marks them as written.
    await searchFor(page, '给社区的一封信');
    const letter = await results(page);
    expect(letter[0]!.title).toContain('給社區的一封信');
    expect(letter[0]!.titleMarks).toContain('給社區的一封信');
    await page.close();
  });

  test('香港国安法 and an English phrase find articles; a source filter narrows them, with counts', async () => {
    const page = await openPage();
    await page.goto(`${sites.get(prefix)!}search/?q=${encodeURIComponent('香港国安法')}`);
    await page.waitForFunction(() => document.getElementById('search')?.dataset.searched === '香港国安法', undefined, { timeout: 20_000 });
    expect(Number(/\d+/.exec((await page.textContent('#search-status'))!)![0])).toBeGreaterThan(10);
    await searchFor(page, '"hong kong"');
    const english = await results(page);
    expect(english.length).toBeGreaterThan(0);
    expect(english.flatMap((result) => [...result.titleMarks, ...result.snippetMarks]).some((mark) => /^hong kong$/i.test(mark!))).toBe(true);
    await searchFor(page, '香港');
    const total = Number(/\d+/.exec((await page.textContent('#search-status'))!)![0]);
    const options = await page.$$eval('#search-source option', (items) => items.map((item) => ({ value: (item as HTMLOptionElement).value, label: item.textContent! })));
    const counted = options.filter((option) => option.value).map((option) => ({ ...option, count: Number(/\((\d+)\)$/.exec(option.label)![1]) }));
    expect(counted.reduce((sum, option) => sum + option.count, 0)).toBe(total);
    const source = counted.filter((option) => option.count < total).sort((a, b) => b.count - a.count)[0]!;
    await page.selectOption('#search-source', source.value);
    await page.waitForFunction((expected) => /\d+/.exec(document.getElementById('search-status')!.textContent!)?.[0] === String(expected), source.count);
    const filtered = await results(page);
    expect(filtered.length).toBe(Math.min(source.count, 10));
    expect(filtered.every((result) => result.meta.startsWith(source.value))).toBe(true);
    await page.close();
  });

  test('a query with no results says so and suggests fewer words', async () => {
    const page = await openPage();
    await page.goto(`${sites.get(prefix)!}search/`);
    await searchFor(page, '普京 zzzqqqxxx');
    expect(await page.textContent('#search-status')).toContain('没有找到');
    expect(await page.$$eval('#search-suggestions a', (links) => links.map((link) => link.textContent))).toContain('只搜 普京');
    await page.close();
  });
});

describe('the search page', () => {
  test('is the only page that runs script: an article page has none and forbids it', async () => {
    const page = await openPage();
    await page.goto(`${sites.get('/archive/')!}search/?q=${encodeURIComponent('普京')}`);
    const firstResult = await page.waitForSelector('.search-result a', { timeout: 20_000 });
    await firstResult.click();
    await page.waitForLoadState('load');
    expect(await page.$$('script')).toHaveLength(0);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).not.toContain('script-src');
    expect(policy).toContain("form-action 'self'");
    await page.close();
  });

  test('is axe clean with results, and its controls have labels', async () => {
    const page = await openPage(390, true);
    await page.goto(`${sites.get('/archive/')!}search/?q=${encodeURIComponent('香港')}`);
    await page.waitForFunction(() => document.getElementById('search')?.dataset.searched === '香港', undefined, { timeout: 20_000 });
    const violations = (await axeViolations(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('loads more results on request', async () => {
    const page = await openPage();
    await page.goto(`${sites.get('/')!}search/?q=${encodeURIComponent('香港')}`);
    await page.waitForFunction(() => document.getElementById('search')?.dataset.searched === '香港', undefined, { timeout: 20_000 });
    expect(await page.$$('.search-result')).toHaveLength(10);
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
    await searchFor(page, '香港');
    await page.close();
  });

  test('printed no console errors and requested nothing from elsewhere', () => {
    expect(problems).toEqual([]);
  });
});
