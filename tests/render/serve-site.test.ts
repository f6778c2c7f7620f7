import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { type AddressInfo, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite } from '../../lib/render/build-site.ts';
import { formatServeEvent, serveSite, type ServeEvent } from '../../lib/render/serve-site.ts';
import type { Result } from '../../lib/result.ts';
import { listFiles } from '../site/site-files.ts';
import { buildSiteModel } from '../../lib/site/site-model.ts';
import { handMadeArticles, testConfig } from '../site/hand-made-articles.ts';

// Each file `<n>.txt` in the content folder stands for hand-made article n; enough to watch files come and go.
const pool = handMadeArticles(12);
const urls = buildSiteModel({ articles: pool, config: testConfig, pathPrefix: '/', mode: 'serve' }).articles.map((view) => view.url);

let contentDir: string;
let outDir: string;
let base: string;
let port: number;
const stop = new AbortController();
const events: ServeEvent[] = [];
let serving: Promise<Result<undefined>>;

function loader(dir: () => string) {
  return async () => {
    const indexes = (await readdir(dir())).map((name) => Number.parseInt(name, 10)).filter((n) => n in pool);
    return {
      articles: pool.filter((_, index) => indexes.includes(index)),
      report: { built: [], duplicates: [], ignored: [], rejected: [] },
      stats: { parsed: indexes.length, cached: 0 },
    };
  };
}
const load = loader(() => contentDir);

async function until(done: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function rebuiltAfter(count: number): Promise<void> {
  await until(() => rebuilds() > count);
}

const rebuilds = () => events.filter((event) => event.type === 'rebuilt').length;
const status = async (path: string) => (await fetch(`${base}${path.slice(1)}`)).status;
const home = async () => (await fetch(base)).text();

/** Sends bytes exactly as written (no client in between to fix them up) and returns the whole answer. */
function rawRequest(bytes: string | Buffer, host = '127.0.0.1', to = port): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port: to }, () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(String(bytes).slice(0, 80))}`)));
  });
}
const rawGet = (target: string) => rawRequest(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
const statusLine = (answer: string) => answer.split('\r\n', 1)[0];

beforeAll(async () => {
  contentDir = await mkdtemp(join(tmpdir(), 'serve-content-'));
  outDir = join(await mkdtemp(join(tmpdir(), 'serve-out-')), '_site');
  for (const n of [1, 2, 3]) await writeFile(join(contentDir, `${n}.txt`), '');
  const cacheDir = await mkdtemp(join(tmpdir(), 'serve-cache-'));
  serving = serveSite({ contentDir, config: testConfig, port: 0, load, outDir, cacheDir, signal: stop.signal, onEvent: (event) => events.push(event) });
  await until(() => events.some((event) => event.type === 'ready'));
  const ready = events.find((event) => event.type === 'ready');
  if (ready?.type !== 'ready') throw new Error(`serve never got ready: ${JSON.stringify(events)}`);
  base = ready.url;
  port = ready.address.port;
});

afterAll(async () => {
  stop.abort();
  expect(await serving).toEqual({ ok: true, value: undefined });
  await rm(contentDir, { recursive: true, force: true });
});

test('listens on 127.0.0.1 only, on the port it was given (0: a free one), and says where', async () => {
  const ready = events.find((event) => event.type === 'ready');
  expect(ready?.type === 'ready' && ready.address.address).toBe('127.0.0.1');
  expect(port).toBeGreaterThan(0);
  expect(base).toBe(`http://127.0.0.1:${port}/`);
  expect(formatServeEvent(ready!).line).toBe(`serving http://127.0.0.1:${port}/`);
  // Another address of this machine's loopback reaches a server bound to every interface, not this one.
  await expect(rawGet('/').then(statusLine)).resolves.toBe('HTTP/1.1 200 OK');
  await expect(rawRequest('GET / HTTP/1.1\r\nConnection: close\r\n\r\n', '127.0.0.2')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
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

test('answers malformed and escaping requests with 400 or 404, serves nothing from outside, and stays up', async () => {
  // A sibling whose name starts like the served folder's: the dev server's own check was a bare string prefix.
  const sibling = join(dirname(outDir), `${basename(outDir)}-private`);
  await mkdir(sibling, { recursive: true });
  await writeFile(join(sibling, 'secret.txt'), 'SECRET');
  const cases: [string, string][] = [
    ['/%', '400'],
    ['/%E0%A4%A', '400'],
    ['/%C0%AE%C0%AE/secret.txt', '400'], // an overlong UTF-8 dot
    ['/%ED%A0%80', '400'], // a UTF-16 surrogate, not a character
    ['/index.html%', '400'],
    ['/..%2fx', '404'],
    [`/..%2f${basename(sibling)}/secret.txt`, '404'],
    [`/%2e%2e/${basename(sibling)}/secret.txt`, '404'],
    ['/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '404'],
    ['/../../../../etc/passwd', '404'],
    ['/a%00b', '404'],
    ['/index.html%00.txt', '404'],
    [`/${'a'.repeat(8000)}`, '404'],
    [`/${'%41'.repeat(2000)}/`, '404'],
    ['http://127.0.0.1/', '404'],
    ['http://evil.example/index.html', '404'],
    ['//', '404'],
    ['//evil.example/index.html', '404'],
    ['*', '404'],
    ['/..\\..\\etc\\passwd', '404'],
    [`/%5c..%5c${basename(sibling)}%5csecret.txt`, '404'],
  ];
  // Not over-eager: a query is not a path, an encoded letter is that letter, and a `.` segment is harmless.
  cases.push(['/?%', '200'], ['/robots.txt?q=%E0%A4%A#%', '200'], ['/%72obots.txt', '200'], ['/./robots.txt', '200']);
  for (const [target, code] of cases) {
    const answer = await rawGet(target);
    expect(statusLine(answer), target).toMatch(new RegExp(`^HTTP/1\\.1 ${code} `));
    expect(answer, target).not.toContain('SECRET');
  }
  // What Node's HTTP parser itself refuses: a NUL or a space in the request line, headers over its limit, not HTTP at all.
  const garbled: [string, string | Buffer][] = [
    ['NUL in the request line', 'GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['space in the path', 'GET /a b/ HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['headers over the limit', `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['a bad Content-Length', 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'],
    ['a TLS greeting', Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03])],
  ];
  for (const [what, bytes] of garbled) expect(statusLine(await rawRequest(bytes)), what).toBe('HTTP/1.1 400 Bad Request');
  expect(statusLine(await rawRequest('CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n'))).toBe('HTTP/1.1 404 Not Found');
  // A range request goes another way through the dev server (its `send`): a bad range, or one on an escaping path.
  expect(statusLine(await rawRequest(`GET /..%2f${basename(sibling)}/secret.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=0-3\r\nConnection: close\r\n\r\n`))).toBe('HTTP/1.1 404 Not Found');
  const ranged = await rawRequest('GET /robots.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=zz\r\nConnection: close\r\n\r\n');
  // An unreadable range is ignored, as RFC 9110 says: the whole file.
  expect(statusLine(ranged)).toBe('HTTP/1.1 200 OK');
  expect(statusLine(await rawRequest('GET /robots.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=0-3\r\nConnection: close\r\n\r\n'))).toBe('HTTP/1.1 206 Partial Content');

  // Still up, and still serving pages.
  expect(statusLine(await rawGet('/'))).toBe('HTTP/1.1 200 OK');
  expect(statusLine(await rawGet(urls[1]!))).toBe('HTTP/1.1 200 OK');
  expect(await status(urls[3]!)).toBe(200);
  await rm(sibling, { recursive: true });
});

test('a symbolic link in the served folder does not serve what it points to outside', async () => {
  const outside = await mkdtemp(join(tmpdir(), 'serve-outside-'));
  await writeFile(join(outside, 'secret.txt'), 'SECRET');
  await symlink(join(outside, 'secret.txt'), join(outDir, 'leak.txt'));
  await symlink(outside, join(outDir, 'leak'));
  await writeFile(join(outside, 'index.html'), '<title>SECRET</title>');
  try {
    for (const target of ['/leak.txt', '/leak/secret.txt', '/leak/', '/leak/index.html']) {
      const answer = await rawGet(target);
      expect(statusLine(answer), target).toBe('HTTP/1.1 404 Not Found');
      expect(answer, target).not.toContain('SECRET');
    }
    // The folder's own URL is still sent on to the slash form (the dev server only looked whether an index
    // exists), which serves nothing.
    const folder = await rawGet('/leak');
    expect(folder).toMatch(/^HTTP\/1\.1 301 [^]*\r\nLocation: \/leak\/\r\n/);
    expect(folder).not.toContain('SECRET');
    expect(statusLine(await rawGet('/'))).toBe('HTTP/1.1 200 OK');
  } finally {
    await rm(join(outDir, 'leak.txt'));
    await rm(join(outDir, 'leak'));
    await rm(outside, { recursive: true });
  }
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

test('content/ removed and created again with other files: says so, keeps serving, and follows the new folder', async () => {
  const lines = () => events.map((event) => formatServeEvent(event).line);
  const label = `${contentDir}/`;
  const seen = events.length;
  await rm(contentDir, { recursive: true });
  await until(() => lines().includes(`${label} was removed: waiting for it`), 10_000);
  // While it is away, the last site stays up.
  expect(await status(urls[1]!), lines().join('\n')).toBe(200);
  expect(await status(urls[2]!), lines().join('\n')).toBe(404);

  await mkdir(contentDir);
  for (const n of [4, 5]) await writeFile(join(contentDir, `${n}.txt`), '');
  const started = Date.now();
  await until(async () => (await status(urls[4]!)) === 200, 10_000);
  expect(await status(urls[4]!), lines().join('\n')).toBe(200);
  expect(Date.now() - started, lines().join('\n')).toBeLessThan(5_000);
  await until(async () => (await status(urls[1]!)) === 404, 5_000);
  expect(await status(urls[1]!), lines().join('\n')).toBe(404);
  expect(await home()).toContain(urls[5]);
  expect(lines().slice(seen).filter((line) => !line.startsWith('rebuilt:'))).toEqual([`${label} was removed: waiting for it`, `${label} is back: watching again`]);
  expect(events.slice(seen).filter((event) => event.type === 'error')).toEqual([]);

  // And it is watched again: a file dropped into the new folder is built (a rebuild still queued from the folder's
  // return may report first, so wait for the page itself).
  await writeFile(join(contentDir, '6.txt'), '');
  await until(async () => (await status(urls[6]!)) === 200, 10_000);
  expect(await status(urls[6]!), lines().join('\n')).toBe(200);
});

test('with no content folder at all it serves the empty site, and builds the folder once it appears', async () => {
  const missing = join(await mkdtemp(join(tmpdir(), 'serve-none-')), 'content');
  const own: ServeEvent[] = [];
  const halt = new AbortController();
  const served = serveSite({ contentDir: missing, config: testConfig, port: 0, load: loader(() => missing), cacheDir: await mkdtemp(join(tmpdir(), 'serve-cache-')), signal: halt.signal, onEvent: (event) => own.push(event) });
  await until(() => own.some((event) => event.type === 'ready'));
  const ready = own.find((event) => event.type === 'ready');
  if (ready?.type !== 'ready') throw new Error(`serve never got ready: ${JSON.stringify(own)}`);
  expect(formatServeEvent(own[0]!).line).toBe(`${missing}/ does not exist: serving an empty site, waiting for it`);
  expect(own[1]).toMatchObject({ type: 'rebuilt', articles: 0 });
  expect((await fetch(ready.url)).status).toBe(200);

  await mkdir(missing);
  await writeFile(join(missing, '7.txt'), '');
  await until(async () => (await fetch(`${ready.url}${urls[7]!.slice(1)}`)).status === 200, 10_000);
  expect((await fetch(`${ready.url}${urls[7]!.slice(1)}`)).status).toBe(200);
  expect(own.map((event) => formatServeEvent(event).line)).toContain(`${missing}/ is back: watching again`);
  expect(own.filter((event) => event.type === 'error')).toEqual([]);
  halt.abort();
  expect(await served).toEqual({ ok: true, value: undefined });
});

test('an address it cannot listen on is an error value, not a hang or a crash', async () => {
  const served = await serveSite({ contentDir, config: testConfig, port: 0, host: '192.0.2.1', load, onEvent: () => {} });
  expect(served.ok).toBe(false);
  expect(!served.ok && served.reason).toMatch(/^cannot listen on 192\.0\.2\.1 port 0: .*EADDRNOTAVAIL/);
});

test('a port in use moves on to the next free one, and the ready line gives the one really used', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const busy = (taken.address() as AddressInfo).port;
  const own: ServeEvent[] = [];
  const halt = new AbortController();
  const served = serveSite({ contentDir, config: testConfig, port: busy, load, signal: halt.signal, onEvent: (event) => own.push(event) });
  try {
    await until(() => own.some((event) => event.type === 'ready' || event.type === 'error'));
    const ready = own.find((event) => event.type === 'ready');
    if (ready?.type !== 'ready') throw new Error(`serve never got ready: ${JSON.stringify(own)}`);
    expect(ready.address.port).toBeGreaterThan(busy);
    expect(ready.address.port).toBeLessThan(busy + 10);
    expect(ready.url).toBe(`http://127.0.0.1:${ready.address.port}/`);
    expect((await fetch(ready.url)).status).toBe(200);
  } finally {
    halt.abort();
    await served;
    await new Promise((resolve) => taken.close(resolve));
  }
});
