import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadArchive } from '../../lib/archive/load-archive.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import { shardOf } from '../../lib/site/select-shard-years.ts';
import { chromiumLaunchOptions } from '../security/browser-spy.ts';
import { twoYearContent } from '../site/corpus-archive.ts';
import { serveStatic } from '../site/site-files.ts';
import { axeViolations } from '../site/page-checks.ts';

// Two shards of one archive on two origins (two ports of 127.0.0.1), as two Pages sites of different owners would be.
let dir: string;
let browser: Browser;
const servers: Awaited<ReturnType<typeof serveStatic>>[] = [];
let origin2020 = '';
let origin2021 = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-shards-'));
  const contentDir = await twoYearContent(dir, ['rfi-01.txt', 'bbc-01.txt', 'fm-economist-en-01.txt'], ['voa-01.txt', 'dw-01.txt', 'dw-02.txt']);
  const server2020 = await serveStatic(join(dir, 's2020'), '/news-2020/', { anyOrigin: true });
  const server2021 = await serveStatic(join(dir, 's2021'), '/news-2021/', { anyOrigin: true });
  servers.push(server2020, server2021);
  origin2020 = server2020.origin;
  origin2021 = server2021.origin;
  const shards = [
    { years: [2020], url: `${origin2020}/news-2020/` },
    { years: [2021], url: `${origin2021}/news-2021/` },
  ];
  const cacheDir = join(dir, 'cache');
  const whole = await loadArchive({ contentDir, config: siteConfigSchema.parse({ url: 'https://me.github.io' }), cacheDir });
  for (const year of [2020, 2021]) {
    const config = siteConfigSchema.parse({ url: 'https://me.github.io', language: 'zh', timeZone: 'Asia/Shanghai', shards, years: [year] });
    await buildSite({ archive: shardOf(whole, [year], config.timeZone), config, outDir: join(dir, `s${year}`), pathPrefix: `/news-${year}/`, cacheDir });
  }
  browser = await chromium.launch(chromiumLaunchOptions);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('on the 2021 shard’s search page, under its own policy, a search goes on into the 2020 shard’s bundles and finds its article there', async () => {
  const page = await browser.newPage();
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') blocked.push(message.text());
  });
  page.on('pageerror', (error) => blocked.push(error.message));
  await page.goto(`${origin2021}/news-2021/search/?q=overweight`);
  await page.waitForFunction(() => document.getElementById('search')?.dataset.searched === 'overweight');
  // Newest first: this shard's 2021 bundles, then, step by step, the 2020 shard's.
  while (await page.isVisible('#search-older')) {
    const before = await page.evaluate(() => document.getElementById('search')!.dataset.bundles);
    await page.click('#search-older');
    await page.waitForFunction((step) => document.getElementById('search')?.dataset.bundles !== step, before);
  }
  const links = await page.$$eval('.search-result h2 a', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  expect(links).toHaveLength(1);
  expect(links[0]).toMatch(new RegExp(`^${origin2020}/news-2020/2020/07/3[01]/`));
  // Its snippet comes from its own site's bundle.
  expect(await page.textContent('.search-snippet')).toMatch(/overweight/i);
  expect(blocked).toEqual([]);
  await page.close();
}, 60_000);

test('a page whose policy names no other origin (every page but search) cannot fetch from the other shard', async () => {
  const page = await browser.newPage();
  await page.goto(`${origin2021}/news-2021/years/`);
  const outcome = await page.evaluate(async (url) => fetch(url).then(() => 'fetched', () => 'refused'), `${origin2020}/news-2020/search/bundles.json`);
  expect(outcome).toBe('refused');
  await page.close();
});

test('the 2021 shard’s home page and archive list the 2020 shard’s year accessibly, and its link reaches that year page', async () => {
  // axe-core is injected as a script: the pages' policy would refuse it.
  const page = await browser.newPage({ bypassCSP: true });
  for (const path of ['/news-2021/', '/news-2021/years/']) {
    await page.goto(`${origin2021}${path}`);
    expect(await axeViolations(page)).toEqual([]);
    const link = page.locator(`a[href="${origin2020}/news-2020/2020/"]`).first();
    expect(await link.textContent()).toBe('2020年');
  }
  await page.locator(`a[href="${origin2020}/news-2020/2020/"]`).first().click();
  await page.waitForURL(`${origin2020}/news-2020/2020/`);
  expect(await page.locator('h1').textContent()).toContain('2020年');
  await page.close();
}, 60_000);
