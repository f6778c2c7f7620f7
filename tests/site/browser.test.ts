import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../lib/render/build-site.ts';
import { handMadeArticles, testConfig } from './hand-made-articles.ts';
import { axeViolations } from './page-checks.ts';
import { serveStatic } from './site-files.ts';
import { screenshotColours } from './screenshot-colours.ts';
import { chromiumLaunchOptions } from '../security/browser-spy.ts';

const prefix = '/archive/';
// 1×1 transparent PNG standing in for every remote image, so no request leaves the machine.
const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let work: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let site: string;
const consoleErrors: string[] = [];

/** `bypassCSP` only to inject axe-core: the pages' own policy rightly forbids inline scripts. */
async function openPage(width: number, bypassCSP = false): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    return route.request().resourceType() === 'image' ? route.fulfill({ body: pixel, contentType: 'image/png' }) : route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

/** Whether a screenshot has more than one colour: something was drawn. */
async function drawsSomething(page: Page): Promise<boolean> {
  return (await screenshotColours(browser, await page.screenshot({ fullPage: false }), 97)) > 1;
}

async function seriousViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id} (${violation.nodes})`);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'site-browser-'));
  await buildSite({ archive: { articles: handMadeArticles(30) }, config: testConfig, outDir: join(work, 'site'), pathPrefix: prefix });
  server = await serveStatic(join(work, 'site'), prefix);
  site = `${server.origin}${prefix}`;
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

describe('in a real browser, under a path prefix', () => {
  test('home → article → older → newer → its day → its source, with no console errors', async () => {
    const page = await openPage(1280);
    await page.goto(site);
    await page.locator('.day .entry-title a').first().click();
    await page.waitForLoadState('load');
    const articleUrl = page.url();
    expect(articleUrl).toMatch(/\/archive\/\d{4}\/\d\d\/\d\d\/[^/]+\/$/);
    await expect(page.locator('article h1').textContent()).resolves.toBeTruthy();

    await page.locator('.prev-next .older a').click();
    await page.waitForLoadState('load');
    expect(page.url()).not.toBe(articleUrl);
    await page.locator('.prev-next .newer a').click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(articleUrl);

    await page.locator('.article-nav .up a').click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(articleUrl.replace(/[^/]+\/$/, ''));
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();

    await page.goto(articleUrl);
    await page.locator('.breadcrumb .article-source').click();
    await page.waitForLoadState('load');
    expect(decodeURI(page.url())).toMatch(/\/archive\/sources\/[^/]+\/$/);
    expect(await page.locator('.entry').count()).toBeGreaterThan(0);

    expect(consoleErrors).toEqual([]);

    // Deep inside the site, the 404 page still finds its stylesheet and links home under the prefix.
    const response = await page.goto(`${site}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('PingFang');
    await page.locator('main a').first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(site);
    await page.close();
  });

  test.each([
    ['phone', 375],
    ['desktop', 1280],
  ])('draws the home page and an article at %s width without horizontal scrolling', async (_, width) => {
    const page = await openPage(width);
    for (const path of ['', '2020/06/30/']) {
      await page.goto(`${site}${path}`);
      expect(await drawsSomething(page)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    await page.close();
  });

  test('sample pages pass html-validate and have no serious or critical axe violations', async () => {
    const page = await openPage(1280, true);
    await page.goto(site);
    const samples = [
      '',
      new URL(await page.locator('.day .entry-title a').first().evaluate((link) => (link as HTMLAnchorElement).href)).pathname.slice(prefix.length),
      '2020/06/30/',
      '2020/06/',
      '2020/',
      'sources/',
      'page/2/',
      'sources/bbc/',
      'sources/bbc/page/1/',
      '404.html',
    ];
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-trailing-whitespace': 'off', 'long-title': 'off' } });
    const problems: string[] = [];
    for (const path of samples) {
      const response = await page.goto(`${site}${path}`);
      const report = await validator.validateString(await response!.text());
      for (const result of report.results) for (const message of result.messages) problems.push(`${path}: ${message.ruleId} ${message.message}`);
      for (const violation of await seriousViolations(page)) problems.push(`${path}: axe ${violation}`);
    }
    await page.close();
    expect(problems).toEqual([]);
  });
});
