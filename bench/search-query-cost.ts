import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/security/browser-spy.ts';
import { serveStatic } from '../tests/site/site-files.ts';

/** One query on the search page: how long until its results showed, and what it transferred. */
export interface QueryCost {
  query: string;
  /** From the query being run (the typing debounce aside) to the results listed on the page, as the page measures it. */
  ms: number;
  /** The same to their snippets (each a second request, after its record). */
  snippetsMs?: number;
  /** Bytes the query transferred: Pagefind's index files as they are (already compressed), anything else gzipped. */
  bytes: number;
  /** The first query also loads the page's and Pagefind's code once. */
  first: boolean;
  /** The reader's next step after a query: searching older articles. */
  older?: boolean;
  results: string;
}

const pageTimes = () => {
  const root = document.getElementById('search')!;
  return { ms: Number(root.dataset.searchMs), snippetsMs: Number(root.dataset.snippetsMs), status: document.getElementById('search-status')!.textContent ?? '' };
};

/** Serves `dir` at `prefix` on loopback and runs `queries` in turn on its search page in Debian's Chromium. */
export async function measureQueries(dir: string, prefix: string, queries: readonly string[]): Promise<QueryCost[]> {
  const server = await serveStatic(dir, prefix);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    let bytes = 0;
    page.on('response', async (response) => {
      try {
        const body = await response.body();
        const path = new URL(response.url()).pathname;
        bytes += /\.pf_\w+$|\.wasm/.test(path) ? body.length : gzipSync(body).length;
      } catch {
        // A redirect or an aborted request has no body.
      }
    });
    const searched = (query: string) => page.waitForFunction((wanted) => document.getElementById('search')?.dataset.searched === wanted, query, { timeout: 60_000 });
    const costs: QueryCost[] = [];
    for (const [index, query] of queries.entries()) {
      bytes = 0;
      if (index === 0) await page.goto(`${server.origin}${prefix}search/?q=${encodeURIComponent(query)}`);
      else await page.fill('#search-q', query);
      await searched(query);
      // Responses still arriving for the results shown.
      await page.waitForLoadState('networkidle');
      const { ms, snippetsMs, status } = await page.evaluate(pageTimes);
      costs.push({ query, ms, snippetsMs, bytes, first: index === 0, results: status.trim() });
      // A search covers the newest articles that fit in what a query may load: one step further back, as a reader goes.
      if (await page.isVisible('#search-older')) {
        bytes = 0;
        const step = await page.evaluate(() => document.getElementById('search')!.dataset.bundles);
        await page.click('#search-older');
        await page.waitForFunction((before) => document.getElementById('search')?.dataset.bundles !== before, step, { timeout: 60_000 });
        await page.waitForLoadState('networkidle');
        const older = await page.evaluate(pageTimes);
        costs.push({ query, ms: older.ms, snippetsMs: older.snippetsMs, bytes, first: false, older: true, results: older.status.trim() });
      }
    }
    return costs;
  } finally {
    await browser.close();
    await server.close();
  }
}

// `npx tsx bench/search-query-cost.ts <site folder> <prefix> <query>…`: the same, by hand.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [dir, prefix, ...queries] = process.argv.slice(2);
  for (const cost of await measureQueries(dir!, prefix ?? '/', queries)) {
    process.stdout.write(`${cost.query}${cost.older ? ' (older)' : ''}: ${cost.ms} ms (snippets ${cost.snippetsMs} ms), ${(cost.bytes / 1024).toFixed(0)} KB${cost.first ? ' (with the code, once)' : ''}; ${cost.results}\n`);
  }
}
