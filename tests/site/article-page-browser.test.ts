import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import type { Article } from '../../lib/schema/article.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import siteConfigInput from '../../site.config.ts';
import { loadCorpusArticles } from './corpus-archive.ts';
import { axeViolations, scrollsSideways } from './page-checks.ts';
import { listFiles, serveStatic } from './site-files.ts';
import { chromiumLaunchOptions } from '../security/browser-spy.ts';

// Article pages of the real corpus in Debian's Chromium, at phone and desktop widths, light and dark.
// DIGEST_SCREENSHOTS=<folder> keeps a screenshot of each, to look at.

// 1×1 transparent PNG standing in for every remote image, so no request leaves the machine.
const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const screenshots = process.env.DIGEST_SCREENSHOTS;

// Each shows something this page must get right: body headings (BBC, iYouPort, National Geographic, NSI), an English
// title over a Chinese body (VOA), traditional script (Bitter Winter, RTI), a site-name suffix (RFI), a byline,
// caption and promo before the lead (NYT), an English article (The Economist).
const sample = ['bbc-01.txt', 'voa-24.txt', 'fm-handong-01.txt', 'fm-rti-02.txt', 'rfi-01.txt', 'fm-iyouport-03.txt', 'fm-neist-02.txt', 'fm-nsi-05.txt', 'nytimes-01.txt', 'fm-economist-en-01.txt'];

const config = siteConfigSchema.parse(siteConfigInput);
const corpus = await loadCorpusArticles(config);
const articles: Article[] = 'articles' in corpus ? corpus.articles : [];

let work: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
/** Site path of each sampled corpus file's page. */
const pathOf = new Map<string, string>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'article-browser-'));
  const outDir = join(work, 'site');
  await buildSite({ archive: { articles }, config, outDir, pathPrefix: '/' });
  const titles = new Map(articles.map((article) => [article.data.title, article.data.file.split('/').at(-1)!]));
  for (const file of await listFiles(outDir)) {
    if (!/^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(file)) continue;
    const title = /<h1 class="article-title"[^>]*>([^<]*)<\/h1>/.exec(await readFile(join(outDir, file), 'utf8'))?.[1];
    const name = title === undefined ? undefined : titles.get(title.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
    if (name && sample.includes(name)) pathOf.set(name, `/${file.replace(/index\.html$/, '')}`);
  }
  server = await serveStatic(outDir, '/');
  browser = await chromium.launch(chromiumLaunchOptions);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function openPage(width: number, colorScheme: 'light' | 'dark'): Promise<Page> {
  // `bypassCSP` only to inject axe-core: the pages' own policy rightly forbids inline scripts.
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme, bypassCSP: true });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    return route.request().resourceType() === 'image' ? route.fulfill({ body: pixel, contentType: 'image/png' }) : route.abort();
  });
  return page;
}

describe.skipIf('unavailable' in corpus)('corpus article pages in Chromium', () => {
  test('every sampled corpus file has its page', () => {
    expect([...pathOf.keys()].sort()).toEqual([...sample].sort());
  });

  test.each([
    ['phone', 375, 'light'],
    ['phone', 375, 'dark'],
    ['desktop', 1280, 'light'],
    ['desktop', 1280, 'dark'],
  ] as const)('at %s width (%i px), %s: no axe violation of any impact, no sideways scrolling, fonts by language', async (_, width, scheme) => {
    const page = await openPage(width, scheme);
    const problems: string[] = [];
    for (const name of sample) {
      await page.goto(`${server.origin}${pathOf.get(name)}`);
      if (screenshots) await page.screenshot({ path: join(screenshots, `${name.replace('.txt', '')}-${width}-${scheme}.png`) });
      for (const violation of await axeViolations(page)) problems.push(`${name}: axe ${violation.id} ${violation.impact} (${violation.nodes})`);
      if (await scrollsSideways(page)) problems.push(`${name}: scrolls sideways`);
      const look = await page.evaluate(() => {
        const title = document.querySelector('h1')!;
        const date = document.querySelector('.article-meta .date')!;
        return { lang: title.closest('[lang]')!.getAttribute('lang'), font: getComputedStyle(title).fontFamily.split(',')[0], dateWraps: getComputedStyle(date).whiteSpace !== 'nowrap' };
      });
      if (look.lang?.startsWith('zh') && !/PingFang/.test(look.font!)) problems.push(`${name}: Chinese title in ${look.font}`);
      if (look.lang === 'en' && /PingFang|YaHei|Noto Sans CJK/.test(look.font!)) problems.push(`${name}: English title in ${look.font}`);
      if (look.dateWraps) problems.push(`${name}: the date may break inside`);
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);
});

if ('unavailable' in corpus) test.skip(`corpus build: loadArchive not available yet (${corpus.unavailable})`, () => {});
