import { link, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { outputBytes, pagesWarningBytes, siteSizeWarning } from '../../lib/render/output-size.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

test('a site counts as upload-pages-artifact counts it: every file in full, hard links too, symbolic links not followed', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'output-size-'));
  dirs.push(dir);
  await mkdir(join(dir, '2020', '07', '14'), { recursive: true });
  await writeFile(join(dir, 'index.html'), 'x'.repeat(1000));
  await writeFile(join(dir, '2020', '07', '14', 'index.html'), '汉'.repeat(100));
  await link(join(dir, 'index.html'), join(dir, '2020', 'index.html'));
  await symlink('/etc', join(dir, 'elsewhere'));
  expect(await outputBytes(dir)).toBe(1000 + 300 + 1000);
});

test('past 900 MB a build says how big the site is, that Pages takes at most 1 GB, and where to read what to do', () => {
  expect(siteSizeWarning(pagesWarningBytes, 'out')).toBeUndefined();
  const warning = siteSizeWarning(912_345_678, 'out')!;
  expect(warning).toContain('the site in out is 912 MB');
  expect(warning).toContain('GitHub Pages publishes at most 1 GB');
  expect(warning).toContain('README "Big archives"');
  expect(warning.endsWith('\n')).toBe(true);
});
