// Screenshots of the whole search page with results, 390 px and 1280 px wide, light and dark, to look at:
// `npx tsx bench/search-screenshots.ts <built site> <path prefix> <query> <folder for the PNGs>`.
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/site/site-files.ts';
import { chromiumLaunchOptions } from '../tests/security/browser-spy.ts';

const [dir, prefix = '/', query = '香港', out = '.'] = process.argv.slice(2);
const server = await serveStatic(dir!, prefix);
const browser = await chromium.launch(chromiumLaunchOptions);
for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [390, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 1000 }, colorScheme });
    await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    await page.goto(`${server.origin}${prefix}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => document.getElementById('search')?.dataset.searched);
    await page.screenshot({ path: `${out}/search-${width}-${colorScheme}.png`, fullPage: true });
    await page.close();
  }
}
await browser.close();
await server.close();
