import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/site/site-files.ts';
const [dir, prefix, ...queries] = process.argv.slice(2);
const server = await serveStatic(dir!, prefix);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage();
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('pageerror', e.message));
const kinds = new Map<string, number>();
page.on('response', async (r) => { try { const b = await r.body(); const u = new URL(r.url()).pathname; const kind = u.match(/\.(pf_\w+)$/)?.[1] ?? u.split('/').pop()!; const size = /pf_|wasm/.test(u) ? b.length : gzipSync(b).length; kinds.set(kind, (kinds.get(kind) ?? 0) + size); } catch {} });
const report = (label: string) => { const total = [...kinds.values()].reduce((a, b) => a + b, 0); console.log(label, 'KB', (total / 1024).toFixed(0), JSON.stringify(Object.fromEntries([...kinds].map(([k, v]) => [k, Math.round(v / 1024)])))); kinds.clear(); };
const waitFor = (q: string) => page.waitForFunction((q) => document.getElementById('search')?.dataset.searched === q, q, { timeout: 20000 });
const summary = () => page.evaluate(() => ({ status: document.getElementById('search-status')!.textContent, ms: document.getElementById('search')!.dataset.searchMs, first: [...document.querySelectorAll('.search-result h2')].slice(0, 3).map((h) => h.textContent) }));
await page.goto(`${server.origin}${prefix}search/?q=${encodeURIComponent(queries[0]!)}`);
await waitFor(queries[0]!);
console.log(queries[0], JSON.stringify(await summary()));
report('cold page + first query');
for (const q of queries.slice(1)) {
  await page.fill('#search-q', q);
  await waitFor(q);
  console.log(q, JSON.stringify(await summary()));
  report('  next query');
}
await browser.close(); await server.close();
