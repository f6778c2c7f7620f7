import { lstat, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { buildSite } from '../../lib/render/build-site.ts';
import type { Article } from '../../lib/schema/article.ts';
import { handMadeArticles, testConfig } from '../site/hand-made-articles.ts';
import { listFiles } from '../site/site-files.ts';

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), 'utf8')] as const)));
}

async function fullBuild(articles: Article[]): Promise<Map<string, string>> {
  const out = join(await mkdtemp(join(tmpdir(), 'spare-full-')), '_site');
  await buildSite({ archive: { articles }, config: testConfig, outDir: out });
  return snapshot(out);
}

const all = handMadeArticles(150);
const [, second, ...rest] = all;
const withSecond = [second!, ...rest];

let dir: string;
let out: string;
let cacheDir: string;
const build = (articles: Article[]) => buildSite({ archive: { articles }, config: testConfig, outDir: out, cacheDir });
/** The spare the last build kept in the cache (see spare-output.ts). */
const spare = async () => {
  const name = (await readdir(cacheDir)).find((entry) => /^spare-output-[0-9a-f]+$/.test(entry));
  return name ? join(cacheDir, name) : undefined;
};
/** A page the next build takes over unchanged: the oldest article's. */
const unchangedPage = async () => (await listFiles(out)).filter((file) => /^\d{4}\/\d\d\/\d\d\/.+\/index\.html$/.test(file)).sort()[0]!;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spare-'));
  out = join(dir, '_site');
  cacheDir = join(dir, 'cache');
  await build(rest);
  // The first rebuild carries every page over into a new folder; the output it replaced is kept as the spare.
  await build(withSecond);
});

describe('the output a build replaced, kept as the next build’s starting point', () => {
  test('is the folder the next build puts right and publishes: what a full build writes', { timeout: 60_000 }, async () => {
    const kept = await spare();
    expect(kept).toBeDefined();
    const folder = (await lstat(kept!)).ino;
    await build(all);
    expect((await lstat(out)).ino).toBe(folder);
    expect(await snapshot(out)).toEqual(await fullBuild(all));
    const removed = all.filter((_, index) => index !== 20);
    await build(removed);
    expect(await snapshot(out)).toEqual(await fullBuild(removed));
  });

  test('the published output is not written into while the next one is made from the spare', { timeout: 60_000 }, async () => {
    const before = await snapshot(out);
    await build(all);
    // What was published is now the spare, byte for byte as it was.
    expect(await snapshot((await spare())!)).toEqual(before);
  });

  test('a file of the spare damaged in the cache is never published', { timeout: 60_000 }, async () => {
    const page = await unchangedPage();
    const damaged = join((await spare())!, page);
    await rm(damaged);
    await writeFile(damaged, '<p>damaged</p>');
    await build(all);
    expect(await readFile(join(out, page), 'utf8')).not.toContain('damaged');
    expect(await snapshot(out)).toEqual(await fullBuild(all));
  });

  test('a spare without its description is not used, and the build writes what a full build writes', { timeout: 60_000 }, async () => {
    const kept = (await spare())!;
    await rm(`${kept}.json`);
    const folder = (await lstat(kept)).ino;
    await build(all);
    expect((await lstat(out)).ino).not.toBe(folder);
    expect(await snapshot(out)).toEqual(await fullBuild(all));
  });

  test('a build that changes nothing leaves the spare for the next one', { timeout: 60_000 }, async () => {
    const folder = (await lstat((await spare())!)).ino;
    await build(withSecond);
    await build(all);
    expect((await lstat(out)).ino).toBe(folder);
    expect(await snapshot(out)).toEqual(await fullBuild(all));
  });

  test('a page removed from the published output by hand, and from the site, is not brought back from the spare', { timeout: 60_000 }, async () => {
    await build(all);
    const folder = (await lstat((await spare())!)).ino;
    const gone = all[20]!;
    const page = (await listFiles(out)).find((file) => file.includes(gone.data.id.slice(0, 12)) && file.endsWith('/index.html'))!;
    expect(page).toBeDefined();
    await rm(join(out, page));
    const without = all.filter((article) => article !== gone);
    await build(without);
    // Made from the spare, which held the page.
    expect((await lstat(out)).ino).toBe(folder);
    expect(await listFiles(out)).not.toContain(page);
    expect(await snapshot(out)).toEqual(await fullBuild(without));
  });

  test('with the published output deleted, the spare is not used and the build writes what a full build writes', { timeout: 60_000 }, async () => {
    const folder = (await lstat((await spare())!)).ino;
    await rm(out, { recursive: true });
    await build(all);
    expect((await lstat(out)).ino).not.toBe(folder);
    expect(await snapshot(out)).toEqual(await fullBuild(all));
  });
});

