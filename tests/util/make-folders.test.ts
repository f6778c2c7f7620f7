import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { makeFolders, makeFoldersSync } from '../../lib/util/make-folders.ts';

test('makes a folder and its missing parents, and is content with folders that exist', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'make-folders-'));
  await makeFolders(join(dir, 'a/b/c'));
  makeFoldersSync(join(dir, 'a/b/d/e'));
  await makeFolders(join(dir, 'a/b/c'));
  expect((await stat(join(dir, 'a/b/c'))).isDirectory()).toBe(true);
  expect((await stat(join(dir, 'a/b/d/e'))).isDirectory()).toBe(true);
});

// Node's own recursive mkdir spins forever there.
test('where no folder can be made (under /proc) it fails at once instead of looping', async () => {
  const started = performance.now();
  await expect(makeFolders('/proc/x/y')).rejects.toMatchObject({ code: 'ENOENT' });
  expect(() => makeFoldersSync('/proc/x/y')).toThrow(/ENOENT/);
  expect(performance.now() - started).toBeLessThan(2000);
});
