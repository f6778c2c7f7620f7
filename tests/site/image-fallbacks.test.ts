import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadArchive } from '../../lib/archive/load-archive.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import siteConfigInput from '../../site.config.ts';
import { seedDir } from '../corpus-dir.ts';
import { corpusFiles } from '../clean/corpus.ts';
import { loadCorpusArticles } from './corpus-archive.ts';
import { axeViolations } from './page-checks.ts';
import { listFiles, serveStatic } from './site-files.ts';
import { screenshotColours } from './screenshot-colours.ts';
import { chromiumLaunchOptions } from '../security/browser-spy.ts';

// Real pages in Chromium with every remote image failing (as when a host blocks hotlinks or deletes a photo):
// requests leaving 127.0.0.1 are aborted, so nothing reaches the network. The article schema takes only domain
// names for a lead image, so the slow image server is reached as `slowHost`, which Chromium resolves to 127.0.0.1.
const slowHost = 'slow-images.test';
const local = new Set(['127.0.0.1', slowHost]);

const config = siteConfigSchema.parse(siteConfigInput);

let work: string;
let browser: Browser;
let corpusSite: Awaited<ReturnType<typeof serveStatic>>;
let mostImages: string[] = [];
/** An article whose lead image has an empty alt, and one whose lead image says what it shows. */
let silentLead = '';
let describedLead = '';

/** A solid-colour RGB PNG of the given size. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x60)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function openPage(options: { width: number; dark?: boolean; bypassCSP?: boolean }): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: options.width, height: 844 },
    colorScheme: options.dark ? 'dark' : 'light',
    bypassCSP: options.bypassCSP ?? false,
  });
  await page.route('**/*', (route) => (local.has(new URL(route.request().url()).hostname) ? route.continue() : route.abort()));
  return page;
}

/** How many colours an element's screenshot holds (up to 16): 1 means nothing is drawn there but its background. */
async function coloursOf(page: Page, selector: string): Promise<number> {
  return screenshotColours(browser, await page.locator(selector).first().screenshot());
}

/** Waits until every image of the page has loaded or failed. */
async function imagesSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.images].every((image) => image.complete || image.loading === 'lazy'));
}

/** Waits until the first element `selector` matches, an image, has loaded or failed. */
async function imageSettled(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.waitForFunction((wanted) => (document.querySelector(wanted) as HTMLImageElement).complete, selector);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'image-fallbacks-'));
  browser = await chromium.launch({ ...chromiumLaunchOptions, args: [...chromiumLaunchOptions.args, `--host-resolver-rules=MAP ${slowHost} 127.0.0.1`] });
  const corpus = await loadCorpusArticles(config);
  if ('unavailable' in corpus) throw new Error(corpus.unavailable);
  const outDir = join(work, 'corpus-site');
  await buildSite({ archive: { articles: corpus.articles }, config, outDir });
  corpusSite = await serveStatic(outDir);
  const pages = (await listFiles(outDir)).filter((file) => /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(file));
  const counted = await Promise.all(pages.map(async (file) => ({ file, images: ((await readFile(join(outDir, file), 'utf8')).match(/<img\s/g) ?? []).length })));
  mostImages = counted
    .sort((a, b) => b.images - a.images || a.file.localeCompare(b.file))
    .slice(0, 20)
    .map(({ file }) => `/${file.replace(/index\.html$/, '')}`);
  for (const file of pages.sort()) {
    const alt = /class="lead-image" src="[^"]*" alt="([^"]*)"/.exec(await readFile(join(outDir, file), 'utf8'))?.[1];
    if (alt === '') silentLead ||= `/${file.replace(/index\.html$/, '')}`;
    else if (alt !== undefined) describedLead ||= `/${file.replace(/index\.html$/, '')}`;
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await corpusSite?.close();
  await rm(work, { recursive: true, force: true });
});

describe('corpus articles with their remote images failing', () => {
  test('the 20 articles with the most images have no axe violation of any impact', async () => {
    expect(mostImages).toHaveLength(20);
    const page = await openPage({ width: 1280, bypassCSP: true });
    const problems: string[] = [];
    for (const path of mostImages) {
      await page.goto(`${corpusSite.origin}${path}`);
      await imagesSettled(page);
      for (const violation of await axeViolations(page)) problems.push(`${path}: ${violation.id} (${violation.impact}, ${violation.nodes})`);
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);

  test.each([
    ['light', false],
    ['dark', true],
  ])('a failed lead image and failed thumbnails leave no frame or icon (%s, phone)', async (_, dark) => {
    const page = await openPage({ width: 390, dark, bypassCSP: true });
    await page.goto(`${corpusSite.origin}${silentLead}`);
    await imageSettled(page, '.lead-image');
    expect(await page.locator('.lead-image').evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(0);
    expect(await coloursOf(page, '.lead-image')).toBe(1);

    // One with an alt shows that text, and nothing else: with the text made transparent, the box is empty.
    await page.goto(`${corpusSite.origin}${describedLead}`);
    await imageSettled(page, '.lead-image');
    expect(await coloursOf(page, '.lead-image')).toBeGreaterThan(1);
    await page.addStyleTag({ content: '.lead-image::after { color: transparent !important; }' });
    expect(await coloursOf(page, '.lead-image')).toBe(1);

    await page.goto(`${corpusSite.origin}/`);
    await imageSettled(page, '.entry-thumb');
    expect(await page.locator('.entry-thumb').count()).toBeGreaterThan(0);
    expect(await coloursOf(page, '.entry-thumb')).toBe(1);
    await page.close();
  });

  test('without the fallback style the same failed lead image draws the browser’s broken-image frame', async () => {
    const page = await openPage({ width: 390, bypassCSP: true });
    await page.goto(`${corpusSite.origin}${silentLead}`);
    await imageSettled(page, '.lead-image');
    await page.addStyleTag({ content: '.lead-image::after { content: none !important; }' });
    expect(await coloursOf(page, '.lead-image')).toBeGreaterThan(1);
    await page.close();
  });

  test('figures sit flush on a phone and captions are smaller and muted', async () => {
    const page = await openPage({ width: 390 });
    let found = false;
    for (const candidate of mostImages) {
      await page.goto(`${corpusSite.origin}${candidate}`);
      if ((await page.locator('.article-body figure figcaption').count()) === 0) continue;
      const styles = await page.evaluate(() => {
        const figure = document.querySelector('.article-body figure')!;
        const caption = figure.querySelector('figcaption')!;
        const body = document.querySelector('.article-body')!;
        const style = (element: Element) => getComputedStyle(element);
        return {
          figureLeft: style(figure).marginLeft,
          figureRight: style(figure).marginRight,
          captionSize: parseFloat(style(caption).fontSize),
          bodySize: parseFloat(style(body).fontSize),
          captionColour: style(caption).color,
          bodyColour: style(body).color,
        };
      });
      expect(styles.figureLeft).toBe('0px');
      expect(styles.figureRight).toBe('0px');
      expect(styles.captionSize).toBeLessThan(styles.bodySize);
      expect(styles.captionColour).not.toBe(styles.bodyColour);
      found = true;
      break;
    }
    expect(found).toBe(true);
    await page.close();
  });
});

describe('a lead image that loads slowly on a phone', () => {
  let imageServer: Server;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  const delayMs = 1500;
  const image = png(800, 600);

  beforeAll(async () => {
    imageServer = createServer((_request, response) => {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
        response.end(image);
      }, delayMs);
    });
    const imageOrigin = (await listen(imageServer)).replace('127.0.0.1', slowHost);
    // The seed article (a real RFI file), its lead photo moved to the slow local server.
    const raw = await readFile(corpusFiles(seedDir)[0]!, 'utf8');
    const moved = raw.replace(/<img src="https:\/\/s\.rfi\.fr\/[^"]+"/, `<img src="${imageOrigin}/lead.png"`);
    expect(moved).not.toBe(raw);
    const content = join(work, 'slow-content');
    await mkdir(content, { recursive: true });
    await writeFile(join(content, 'rfi.txt'), moved);
    const archive = await loadArchive({ contentDir: content, config });
    expect(archive.articles[0]?.data.image).toBe(`${imageOrigin}/lead.png`);
    await buildSite({ archive, config, outDir: join(work, 'slow-site') });
    site = await serveStatic(join(work, 'slow-site'));
  }, 60_000);

  afterAll(async () => {
    await site?.close();
    await new Promise((resolve) => imageServer?.close(resolve));
  });

  /** Cumulative layout shift of the article page from navigation until its lead image has loaded. */
  async function layoutShift(extraStyle?: string): Promise<number> {
    const page = await openPage({ width: 390, bypassCSP: extraStyle !== undefined });
    await page.addInitScript(() => {
      const shifts = { total: 0 };
      (window as unknown as { shifts: typeof shifts }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) shifts.total += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const home = await readFile(join(work, 'slow-site', 'index.html'), 'utf8');
    const articlePath = /href="(\/\d{4}\/\d\d\/\d\d\/[^"]+\/)"/.exec(home)![1]!;
    const started = Date.now();
    await page.goto(`${site.origin}${articlePath}`, { waitUntil: 'domcontentloaded' });
    if (extraStyle !== undefined) await page.addStyleTag({ content: extraStyle });
    await page.waitForFunction(() => (document.querySelector('.lead-image') as HTMLImageElement).naturalWidth > 0, undefined, { timeout: 10_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(delayMs - 100);
    await page.waitForTimeout(300);
    const total = await page.evaluate(() => (window as unknown as { shifts: { total: number } }).shifts.total);
    await page.close();
    return total;
  }

  test('reserves its space: cumulative layout shift stays under 0.1 at 390 px', async () => {
    expect(await layoutShift()).toBeLessThan(0.1);
  });

  test('the measurement sees the shift an unreserved lead image makes', async () => {
    expect(await layoutShift('.lead-image-frame { aspect-ratio: auto !important; } .lead-image { height: auto !important; }')).toBeGreaterThan(0.1);
  });
});
