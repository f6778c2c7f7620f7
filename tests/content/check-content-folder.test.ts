import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkContentFolder } from '../../lib/content/check-content-folder.ts';

const reason = async (dir: string) => {
  const result = await checkContentFolder(dir);
  return result.ok ? 'ok' : result.reason;
};

test('a folder is fine, even an empty one', async () => {
  expect(await reason(await mkdtemp(join(tmpdir(), 'content-')))).toBe('ok');
});

test('names a missing folder, a file in its place, and a path through a file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'content-'));
  await writeFile(join(dir, 'a.txt'), 'x');
  expect(await reason(join(dir, 'nope'))).toBe(`content folder "${join(dir, 'nope')}" does not exist`);
  expect(await reason(join(dir, 'a.txt'))).toBe(`content folder "${join(dir, 'a.txt')}" is not a folder`);
  expect(await reason(join(dir, 'a.txt/b'))).toBe(`content folder "${join(dir, 'a.txt/b')}" cannot be read: a part of its path is a file`);
});
