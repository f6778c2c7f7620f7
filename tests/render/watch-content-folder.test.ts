import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { watchContentFolder, type ContentFolderWatch } from '../../lib/render/watch-content-folder.ts';

let watching: ContentFolderWatch | undefined;
afterEach(() => watching?.close());

async function until(done: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

function record(dir: string, pollMs = 100) {
  const seen: string[] = [];
  watching = watchContentFolder(dir, { onChange: () => seen.push('change'), onRemoved: () => seen.push('removed'), onBack: () => seen.push('back'), pollMs });
  return seen;
}

test('a file written under the folder, at any depth, is a change', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'watch-'));
  await mkdir(join(dir, 'a/b'), { recursive: true });
  const seen = record(dir);
  await writeFile(join(dir, 'a/b/1.txt'), 'x');
  await until(() => seen.includes('change'));
  expect(seen).toContain('change');
  expect(watching?.present()).toBe(true);
});

test('the folder removed, then created again: removed, back, and changes in the new folder are seen', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'watch-')), 'content');
  await mkdir(dir);
  await writeFile(join(dir, '1.txt'), 'x');
  const seen = record(dir);
  await rm(dir, { recursive: true });
  await until(() => seen.includes('removed'));
  expect(seen.filter((event) => event !== 'change')).toEqual(['removed']);
  expect(watching?.present()).toBe(false);

  await mkdir(dir);
  await until(() => seen.includes('back'));
  expect(seen.filter((event) => event !== 'change')).toEqual(['removed', 'back']);
  expect(watching?.present()).toBe(true);
  const before = seen.length;
  await writeFile(join(dir, '2.txt'), 'x');
  await until(() => seen.length > before);
  expect(seen.slice(before)).toContain('change');
});

test('the folder swapped for another between two looks (a new inode): removed and back, then watched', async () => {
  const parent = await mkdtemp(join(tmpdir(), 'watch-'));
  const dir = join(parent, 'content');
  await mkdir(dir);
  await mkdir(join(parent, 'next'));
  // A poll slower than the test: only the swap itself, noticed through the old folder's watch or a later look.
  const seen = record(dir, 300);
  await rename(dir, join(parent, 'old'));
  await rename(join(parent, 'next'), dir);
  await until(() => seen.includes('back'));
  expect(seen.filter((event) => event !== 'change')).toEqual(['removed', 'back']);
  const before = seen.length;
  await writeFile(join(dir, 'new.txt'), 'x');
  await until(() => seen.length > before);
  expect(seen.slice(before)).toContain('change');
});

test('a folder that does not exist yet is waited for', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'watch-')), 'content');
  const seen = record(dir);
  expect(watching?.present()).toBe(false);
  await mkdir(dir);
  await until(() => seen.includes('back'));
  expect(seen).toEqual(['back']);
  expect(watching?.present()).toBe(true);
});
