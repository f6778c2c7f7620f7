import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite } from '../../lib/site/build-site.ts';
import { serveSite, type ServeEvent } from '../../lib/site/serve-site.ts';
import { listFiles } from './site-files.ts';
import { buildSiteModel } from '../../lib/site/site-model.ts';
import { handMadeArticles, testConfig } from './hand-made-articles.ts';

// Each file `<n>.txt` in the content folder stands for hand-made article n; enough to watch files come and go.
const pool = handMadeArticles(12);
const urls = buildSiteModel({ articles: pool, config: testConfig, pathPrefix: '/', mode: 'serve' }).articles.map((view) => view.url);

let contentDir: string;
let outDir: string;
let base: string;
const stop = new AbortController();
const events: ServeEvent[] = [];
let serving: Promise<void>;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

async function load() {
  const indexes = (await readdir(contentDir)).map((name) => Number.parseInt(name, 10)).filter((n) => n in pool);
  return {
    articles: pool.filter((_, index) => indexes.includes(index)),
    report: { built: [], duplicates: [], ignored: [], rejected: [] },
    stats: { parsed: indexes.length, cached: 0 },
  };
}

async function rebuiltAfter(count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (events.filter((event) => event.type === 'rebuilt').length <= count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

const rebuilds = () => events.filter((event) => event.type === 'rebuilt').length;
const status = async (path: string) => (await fetch(`${base}${path.slice(1)}`)).status;
const home = async () => (await fetch(base)).text();

beforeAll(async () => {
  contentDir = await mkdtemp(join(tmpdir(), 'serve-content-'));
  outDir = join(await mkdtemp(join(tmpdir(), 'serve-out-')), '_site');
  for (const n of [1, 2, 3]) await writeFile(join(contentDir, `${n}.txt`), '');
  const port = await freePort();
  base = `http://127.0.0.1:${port}/`;
  const cacheDir = await mkdtemp(join(tmpdir(), 'serve-cache-'));
  serving = serveSite({ contentDir, config: testConfig, port, load, outDir, cacheDir, signal: stop.signal, onEvent: (event) => events.push(event) });
  const deadline = Date.now() + 30_000;
  while (!events.some((event) => event.type === 'ready') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
});

afterAll(async () => {
  stop.abort();
  await serving;
  await rm(contentDir, { recursive: true, force: true });
});

test('serves the built site with the live-reload script allowed by the page policy', async () => {
  expect(events.filter((event) => event.type === 'error')).toEqual([]);
  expect(await status(urls[1]!)).toBe(200);
  // A plain navigation (fetch() announces itself as a CORS request, which gets no reload script).
  const page = await new Promise<string>((resolve, reject) => {
    get(base, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(body));
    }).on('error', reject);
  });
  expect(page).toContain('/.11ty/reload-client.js');
  expect(page).toContain("script-src &#39;self&#39;");
});

test('a file dropped into content/ shows on the home page and gets its page without a restart', async () => {
  expect(await status(urls[0]!)).toBe(404);
  const before = rebuilds();
  await writeFile(join(contentDir, '0.txt'), '');
  await rebuiltAfter(before);
  expect(await status(urls[0]!)).toBe(200);
  expect(await home()).toContain(urls[0]);
  const rebuilt = events.at(-1);
  // Only the pages the new article touched were written again.
  expect(rebuilt?.type === 'rebuilt' && rebuilt.rendered < rebuilt.pages).toBe(true);
});

test('a deleted file’s page disappears', async () => {
  const before = rebuilds();
  await rm(join(contentDir, '2.txt'));
  await rebuiltAfter(before);
  expect(await status(urls[2]!)).toBe(404);
  expect(await home()).not.toContain(urls[2]);
});

test('after the changes, the served folder holds exactly what a full build of the same articles writes', async () => {
  const full = join(await mkdtemp(join(tmpdir(), 'serve-full-')), '_site');
  await buildSite({ archive: await load(), config: testConfig, outDir: full, mode: 'serve' });
  const files = await listFiles(full);
  expect(await listFiles(outDir)).toEqual(files);
  for (const file of files) expect(await readFile(join(outDir, file), 'utf8'), file).toBe(await readFile(join(full, file), 'utf8'));
});
