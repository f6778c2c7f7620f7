import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../lib/render/build-site.ts';
import { recoverInterruptedSwap } from '../../lib/render/output-swap.ts';
import type { Article } from '../../lib/schema/article.ts';
import { handMadeArticles, testConfig } from '../site/hand-made-articles.ts';
import { listFiles } from '../site/site-files.ts';

/** Every file of a built site with its bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), 'utf8')] as const)));
}

// A process that has exited: what a killed build leaves behind carries such a pid.
const deadPid = spawnSync('true').pid!;
const stamp = (minutesAgo: number) => `${deadPid}-${(Date.now() - minutesAgo * 60_000).toString(36)}`;

const all = handMadeArticles(12);
const older = all.slice(1);
let siteOld: Map<string, string>;
let siteNew: Map<string, string>;

const buildInto = async (outDir: string, articles: Article[], cacheDir?: string) =>
  buildSite({ archive: { articles }, config: testConfig, outDir, ...(cacheDir ? { cacheDir } : {}) });

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'swap-reference-'));
  await buildInto(join(dir, 'old'), older);
  await buildInto(join(dir, 'new'), all);
  siteOld = await snapshot(join(dir, 'old'));
  siteNew = await snapshot(join(dir, 'new'));
  expect(siteNew).not.toEqual(siteOld);
});

/** A folder where a build of `older` was swapped out and a complete build of `all` was about to be swapped in when the process was killed. */
async function killedBetweenRenames(options: { newComplete: boolean }) {
  const dir = await mkdtemp(join(tmpdir(), 'swap-'));
  const out = join(dir, '_site');
  const cacheDir = join(dir, 'cache');
  await buildInto(out, older, cacheDir);
  const when = stamp(1);
  await rename(out, join(dir, `._site.old-${when}`));
  const fresh = join(dir, `._site.building-${when}`);
  await buildInto(join(dir, 'scratch'), all);
  await rename(join(dir, 'scratch'), fresh);
  if (!options.newComplete) await rename(join(fresh, '.digest-output'), join(fresh, 'not-yet'));
  return { dir, out, cacheDir };
}

describe('a swap a kill interrupted', () => {
  test('is finished when the new site is complete', async () => {
    const { dir, out } = await killedBetweenRenames({ newComplete: true });
    await recoverInterruptedSwap(out);
    expect(await snapshot(out)).toEqual(siteNew);
    expect(await readdir(dir)).toEqual(['_site', 'cache']);
  });

  test('is undone when the new site is not complete', async () => {
    const { dir, out } = await killedBetweenRenames({ newComplete: false });
    await recoverInterruptedSwap(out);
    expect(await snapshot(out)).toEqual(siteOld);
    expect(await readdir(dir)).toEqual(['_site', 'cache']);
  });

  test('the next build starts from the recovered site and writes what a full build writes', async () => {
    const { out, cacheDir } = await killedBetweenRenames({ newComplete: true });
    // The cache still describes the old site: a build must not carry the new site's pages over as the old ones.
    await buildInto(out, older, cacheDir);
    expect(await snapshot(out)).toEqual(siteOld);
    const again = await buildInto(out, all, cacheDir);
    expect(await snapshot(out)).toEqual(siteNew);
    expect(again.rendered).toBeLessThan(again.pages);
  });

  test('leftovers beside a whole output are removed, and the output is left as it is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'swap-'));
    const out = join(dir, '_site');
    await buildInto(out, older);
    await buildInto(join(dir, `._site.building-${stamp(2)}`), all);
    await mkdir(join(dir, `._site.old-${stamp(3)}`));
    await mkdir(join(dir, '._site.notes'));
    await recoverInterruptedSwap(out);
    expect(await snapshot(out)).toEqual(siteOld);
    expect((await readdir(dir)).sort()).toEqual(['._site.notes', '_site']);
  });

  test('what a running build is writing is left alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'swap-'));
    const out = join(dir, '_site');
    const running = join(dir, `._site.building-${process.ppid}-${Date.now().toString(36)}`);
    await mkdir(running);
    await writeFile(join(running, 'index.html'), 'half');
    await recoverInterruptedSwap(out);
    expect(await readdir(dir)).toEqual([running.slice(dir.length + 1)]);
  });
});
