import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { copyFile, cp, mkdir, mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { feedxDir } from '../corpus-dir.ts';
import { listFiles } from '../site/site-files.ts';

// Every file a build leaves in its cache folder, damaged in every way in turn: each rebuild must exit 0, say so in
// one line, and write byte for byte what a build from no cache writes.

const run = promisify(execFile);
const digest = join(import.meta.dirname, '../../bin/digest.js');
const siteConfig = join(import.meta.dirname, '../../site.config.ts');

async function build(cwd: string, out: string, cache: string) {
  const args = [digest, 'build', '--config', siteConfig, '--content', 'content', '--out', out, '--cache', cache];
  try {
    const { stdout, stderr } = await run('node', args, { cwd, maxBuffer: 64 * 2 ** 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const cacheLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('cache: '));

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file))] as const)));
}

/** The files in which two outputs differ (or that only one has): empty when they are byte for byte the same. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((name) => !a.get(name) || !b.get(name) || !a.get(name)!.equals(b.get(name)!));
}

const damages: Record<string, (path: string) => Promise<void>> = {
  'bytes flipped in the middle': async (path) => {
    const bytes = await readFile(path);
    const middle = Math.floor(bytes.length / 2);
    for (let at = middle; at < Math.min(middle + 16, bytes.length); at++) bytes[at]! ^= 0xff;
    await writeFile(path, bytes);
  },
  'a single bit flipped': async (path) => {
    const bytes = await readFile(path);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x04;
    await writeFile(path, bytes);
  },
  truncated: async (path) => truncate(path, Math.floor((await readFile(path)).length / 2)),
  emptied: async (path) => truncate(path, 0),
  deleted: async (path) => rm(path),
};

// A few dozen real files from every source of the corpus, built once with no cache: what every rebuild must equal.
const work = await mkdtemp(join(tmpdir(), 'cache-damage-'));
const names = (await readdir(feedxDir)).filter((name) => name.endsWith('.txt')).filter((_, index) => index % 9 === 0);
await mkdir(join(work, 'content'));
for (const name of names) await copyFile(join(feedxDir, name), join(work, 'content', name));
const clean = await build(work, 'clean', 'clean-cache');
const reference = await snapshot(join(work, 'clean'));
// The cache and output every damaged rebuild starts from.
const first = await build(work, '_site', 'cache');
await cp(join(work, 'cache'), join(work, 'pristine-cache'), { recursive: true });
await cp(join(work, '_site'), join(work, 'pristine-site'), { recursive: true });
const allCacheFiles = await listFiles(join(work, 'pristine-cache'));
// The search index's files are many (Pagefind's chunks and fragments) and all checked the same way: a few stand for them below.
const isSearch = (file: string) => file.startsWith('search/') || file.startsWith('search-page-');
const cacheFiles = allCacheFiles.filter((file) => !isSearch(file));

async function restore(withOutput: boolean): Promise<void> {
  await rm(join(work, 'cache'), { recursive: true, force: true });
  await rm(join(work, '_site'), { recursive: true, force: true });
  await cp(join(work, 'pristine-cache'), join(work, 'cache'), { recursive: true });
  if (withOutput) await cp(join(work, 'pristine-site'), join(work, '_site'), { recursive: true });
}

test('the starting point: a site of a few dozen articles, and its cache of an index, a body store, a render manifest and the search index', () => {
  expect(clean.code).toBe(0);
  expect(first.code).toBe(0);
  expect(names.length).toBeGreaterThan(30);
  expect(reference.size).toBeGreaterThan(60);
  expect(cacheFiles.map((file) => file.replace(/[^/]+\.pack$/, '*.pack').replace(/render-\w+\.json$/, 'render-*.json')).sort()).toEqual([
    'bodies/*.pack',
    'parsed-index.v8',
    'render-*.json',
    'stories.json',
  ]);
  expect(searchSamples).toHaveLength(5);
});

// One bundle's checksums, an index chunk, a fragment, Pagefind's own script, and the search page's script.
const searchSamples = [
  allCacheFiles.find((file) => /^search\/[^/]+\.sums$/.test(file)),
  allCacheFiles.find((file) => /^search\/.*\.pf_index$/.test(file)),
  allCacheFiles.find((file) => /^search\/.*\.pf_fragment$/.test(file)),
  allCacheFiles.find((file) => /^search\/[^/]+\/pagefind\.js$/.test(file)),
  allCacheFiles.find((file) => /^search-page-[^/]+\.js$/.test(file)),
].filter((file) => file !== undefined);

describe.each(searchSamples)('cache/%s', (file) => {
  test.each(['bytes flipped in the middle', 'truncated', 'deleted'])('%s: the search index is made again, said in one line, and the site is what a clean build writes', { timeout: 120_000 }, async (damage) => {
    // No previous output: a build with nothing else to do would not read the search cache at all.
    await restore(false);
    await damages[damage]!(join(work, 'cache', file));
    const damaged = await build(work, '_site', 'cache');
    expect(damaged.code, damaged.stderr).toBe(0);
    const said = cacheLines(damaged.stderr);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(file.startsWith('search/') ? /^cache: cache\/search: 1 bundle damaged, indexed again$/ : /^cache: cache\/search-page-[^/]+\.js: damaged, built again$/);
    expect(differences(await snapshot(join(work, '_site')), reference)).toEqual([]);
    const after = await build(work, '_site', 'cache');
    expect(cacheLines(after.stderr)).toEqual([]);
    expect(differences(await snapshot(join(work, '_site')), reference)).toEqual([]);
  });
});

describe.each(cacheFiles)('cache/%s', (file) => {
  // Without it a build simply has no cache (an index) or no previous output to carry over (a manifest): nothing to say.
  const absenceIsNoCache = (damage: string) => damage === 'deleted' && !file.endsWith('.pack');

  test.each(Object.keys(damages))('%s: the rebuild says so in one line, writes what a clean build writes, and heals the cache', { timeout: 120_000 }, async (damage) => {
    // With the previous output in place (a damaged manifest must not carry stale pages over), then without it
    // (every page rendered, so every body is read).
    for (const withOutput of [true, false]) {
      await restore(withOutput);
      await damages[damage]!(join(work, 'cache', file));
      const damaged = await build(work, '_site', 'cache');
      expect(damaged.code, damaged.stderr).toBe(0);
      const said = cacheLines(damaged.stderr);
      if (absenceIsNoCache(damage)) expect(said).toEqual([]);
      else {
        expect(said).toHaveLength(1);
        expect(said[0]).toMatch(new RegExp(`^cache: cache/${file.replace(/[.]/g, '\\.')}: `));
      }
      expect(damaged.stderr).not.toMatch(/Error|at .*\.ts:\d+/);
      expect(differences(await snapshot(join(work, '_site')), reference)).toEqual([]);

      const after = await build(work, '_site', 'cache');
      expect(after.code).toBe(0);
      expect(cacheLines(after.stderr)).toEqual([]);
      expect(after.stdout).toMatch(/^0 files parsed/m);
      expect(differences(await snapshot(join(work, '_site')), reference)).toEqual([]);
    }
  });
});

const lock = (dir: string, on: boolean) => run('chattr', ['-R', on ? '+i' : '-i', dir]);
// Root writes through permission bits: an immutable folder (ext4's `chattr +i`) is what refuses even root.
const immutable = await mkdtemp(join(tmpdir(), 'immutable-probe-'));
const canLock = await lock(immutable, true).then(
  async () => {
    const refused = await writeFile(join(immutable, 'x'), '').then(() => false, () => true);
    await lock(immutable, false);
    return refused;
  },
  () => false,
);

describe('a cache folder that cannot be written', () => {
  test('a cache path below a file: one line naming it and why, and the same site', async () => {
    await writeFile(join(work, 'a-file'), '');
    const built = await build(work, 'below-a-file', 'a-file/cache');
    expect(built.code, built.stderr).toBe(0);
    expect(cacheLines(built.stderr)).toEqual(['cache: a-file/cache: cannot be written (ENOTDIR: not a directory), the build goes on without saving the cache']);
    expect(differences(await snapshot(join(work, 'below-a-file')), reference)).toEqual([]);
  });

  test.skipIf(!canLock)('a read-only cache is still read: a new file is parsed in memory, one line is said, and the site is the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'read-only-cache-'));
    await cp(join(work, 'content'), join(dir, 'content'), { recursive: true });
    await cp(join(work, 'pristine-cache'), join(dir, 'cache'), { recursive: true });
    const added = (await readdir(feedxDir)).filter((name) => name.endsWith('.txt')).find((name) => !names.includes(name))!;
    await copyFile(join(feedxDir, added), join(dir, 'content', added));
    const withAdded = await build(dir, 'reference', 'reference-cache');
    await lock(join(dir, 'cache'), true);
    try {
      const built = await build(dir, '_site', 'cache');
      expect(built.code, built.stderr).toBe(0);
      expect(cacheLines(built.stderr)).toEqual(['cache: cache: cannot be written (EPERM: operation not permitted), the build goes on without saving the cache']);
      expect(built.stdout).toMatch(new RegExp(`^1 files parsed, ${names.length} from the cache`, 'm'));
      expect(differences(await snapshot(join(dir, '_site')), await snapshot(join(dir, 'reference')))).toEqual([]);
      expect(withAdded.code).toBe(0);
    } finally {
      await lock(join(dir, 'cache'), false);
    }
  });
});

/** `digest serve` started on a free port, stopped with Ctrl-C once it serves. */
async function serveOnce(cwd: string, cache: string) {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  const child = spawn('node', [digest, 'serve', '--config', siteConfig, '--content', 'content', '--cache', cache, '--port', String(port)], { cwd });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    // serve listens for Ctrl-C only once it has said where it serves.
    if (stdout.includes('serving http')) setTimeout(() => child.kill('SIGINT'), 300);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

describe('the serve folder in the cache', () => {
  // A copy that keeps modification times to the nanosecond, as the folder had them (Node's cp keeps milliseconds).
  const copy = (from: string, to: string) => run('cp', ['-a', from, to]);
  let reference: Map<string, Buffer>;
  let page: string;

  test('a serve with a fresh cache writes the reference; a restart with nothing changed writes nothing', async () => {
    const clean = await serveOnce(work, 'serve-clean-cache');
    expect(clean.code, clean.stderr).toBe(0);
    reference = await snapshot(join(work, 'serve-clean-cache/serve-site'));
    page = [...reference.keys()].find((file) => /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(file))!;
    const first = await serveOnce(work, 'serve-cache');
    expect(first.code).toBe(0);
    await copy(join(work, 'serve-cache'), join(work, 'serve-pristine'));
    const again = await serveOnce(work, 'serve-cache');
    expect(again.stdout).toMatch(/\(0 written\)/);
    expect(cacheLines(again.stderr)).toEqual([]);
  });

  test('a cache folder that cannot be written: one line, and the site is served from a temporary folder', async () => {
    await writeFile(join(work, 'a-file'), '');
    const served = await serveOnce(work, 'a-file/cache');
    expect(served.code, served.stderr).toBe(0);
    expect(served.stdout).toMatch(/^serving http/m);
    expect(cacheLines(served.stderr)).toEqual(['cache: a-file/cache: cannot be written (ENOTDIR: not a directory), serving from a temporary folder without saving the cache']);
  });

  const cases = [...Object.keys(damages).map((damage) => ({ damage, file: () => page })), ...['index.html', 'feed.xml', 'assets/style.css'].map((file) => ({ damage: 'bytes flipped in the middle', file: () => file }))];
  test.each(cases)('$damage in a served file: the restart says so in one line, serves what a fresh serve writes, and the next is quiet', async ({ damage, file }) => {
    await rm(join(work, 'serve-cache'), { recursive: true, force: true });
    await copy(join(work, 'serve-pristine'), join(work, 'serve-cache'));
    await damages[damage]!(join(work, 'serve-cache/serve-site', file()));
    const damaged = await serveOnce(work, 'serve-cache');
    expect(damaged.code, damaged.stderr).toBe(0);
    expect(cacheLines(damaged.stderr)).toEqual(['cache: serve-cache/serve-site: 1 file changed or gone since written, rendered again']);
    expect(differences(await snapshot(join(work, 'serve-cache/serve-site')), reference)).toEqual([]);
    const after = await serveOnce(work, 'serve-cache');
    expect(cacheLines(after.stderr)).toEqual([]);
    expect(differences(await snapshot(join(work, 'serve-cache/serve-site')), reference)).toEqual([]);
  });
});
