import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { makeFolders, makeFoldersForSync, makeFoldersSync } from '../../lib/util/make-folders.ts';

test('makes a folder and its missing parents, and is content with folders that exist', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'make-folders-'));
  await makeFolders(join(dir, 'a/b/c'));
  makeFoldersSync(join(dir, 'a/b/d/e'));
  await makeFolders(join(dir, 'a/b/c'));
  expect((await stat(join(dir, 'a/b/c'))).isDirectory()).toBe(true);
  expect((await stat(join(dir, 'a/b/d/e'))).isDirectory()).toBe(true);
});

test('makes the folders a list of files is in, under a root it makes too, and is content with those that exist', async () => {
  const root = join(await mkdtemp(join(tmpdir(), 'make-folders-')), 'site');
  const files = ['index.html', '2016/02/14/a/index.html', '2016/02/14/b/index.html', '2016/03/index.html', 'search/x/index/en_1.pf_index'];
  makeFoldersForSync(root, files);
  makeFoldersForSync(root, files);
  for (const folder of ['', '2016/02/14/a', '2016/02/14/b', '2016/03', 'search/x/index']) expect((await stat(join(root, folder))).isDirectory(), folder).toBe(true);
});

// Node's own recursive mkdir spins forever there.
test('where no folder can be made (under /proc) it fails at once instead of looping', async () => {
  const started = performance.now();
  await expect(makeFolders('/proc/x/y')).rejects.toMatchObject({ code: 'ENOENT' });
  expect(() => makeFoldersSync('/proc/x/y')).toThrow(/ENOENT/);
  expect(performance.now() - started).toBeLessThan(2000);
});
