import { copyFile, mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { feedxDir } from '../corpus-dir.ts';
import { runDigest } from './run-digest.ts';

const siteConfig = join(import.meta.dirname, '../../site.config.ts');

const cli = (args: string[], cwd: string) => runDigest(args, cwd);

/** Every file of the published site with its modification time: any write would show. */
async function snapshot(site: string): Promise<string[]> {
  const files = (await readdir(site, { recursive: true })).sort();
  return Promise.all(files.map(async (file) => `${file} ${(await stat(join(site, file))).mtimeMs}`));
}

let dir: string;
let published: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'build-command-'));
  await mkdir(join(dir, 'content'));
  await mkdir(join(dir, 'emptied'));
  await mkdir(join(dir, 'odd names'));
  for (const name of ['rfi-01.txt', 'bbc-02.txt']) await copyFile(join(feedxDir, name), join(dir, 'content', name));
  await copyFile(join(feedxDir, 'rfi-01.txt'), join(dir, 'odd names', 'two\nlines.txt'));
  await copyFile(join(feedxDir, 'rfi-01.txt'), join(dir, 'odd names', 'saved\tagain.txt'));
  await writeFile(join(dir, 'odd names', 'empty\nskipped ok.txt'), '');
  const first = await cli(['build', '--config', siteConfig], dir);
  expect(first.code).toBe(0);
  published = await snapshot(join(dir, '_site'));
  expect(published.length).toBeGreaterThan(5);
}, 120_000);

describe('a missing content folder, or nowhere to write the report', () => {
  test.each([
    ['build, a mistyped folder', ['build', '--config', siteConfig, '--content', 'contnet'], 'digest: content folder "contnet" does not exist\n'],
    ['build, a file for a folder', ['build', '--config', siteConfig, '--content', 'content/rfi-01.txt'], 'digest: content folder "content/rfi-01.txt" is not a folder\n'],
    ['build, a report into a missing folder', ['build', '--config', siteConfig, '--report', 'reports/report.json'], 'digest: cannot write the report "reports/report.json": its folder does not exist\n'],
    ['check, a mistyped folder', ['check', '--content', 'contnet'], 'digest: content folder "contnet" does not exist\n'],
  ])('%s: one line naming it, exit 2, the published site untouched', async (_, args, message) => {
    const { code, stdout, stderr } = await cli(args, dir);
    expect(stderr).toBe(message);
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(await snapshot(join(dir, '_site'))).toEqual(published);
  });
});

describe('an empty content folder', () => {
  test('--strict refuses to replace the site with an empty one: exit 1, the site untouched', async () => {
    const { code, stderr } = await cli(['build', '--config', siteConfig, '--content', 'emptied', '--strict'], dir);
    expect(stderr).toBe('not built: --strict and content folder "emptied" holds no article files (.txt, .md, .html); _site is left as it was\n');
    expect(code).toBe(1);
    expect(await snapshot(join(dir, '_site'))).toEqual(published);
  });

  test('digest check says so', async () => {
    const { code, stdout, stderr } = await cli(['check', '--content', 'emptied'], dir);
    expect(stderr).toBe('digest: content folder "emptied" holds no article files (.txt, .md, .html)\n');
    expect(stdout).toContain('0 ok, 0 with errors');
    expect(code).toBe(0);
  });

  test('without --strict the build says plainly that the site is now empty', async () => {
    const out = await mkdtemp(join(tmpdir(), 'empty-site-'));
    const { code, stderr, stdout } = await cli(['build', '--config', siteConfig, '--content', 'emptied', '--out', out], dir);
    expect(stderr).toContain('digest: content folder "emptied" holds no article files (.txt, .md, .html): building an empty site\n');
    expect(stdout).toContain('0 articles built, 0 rejected, 0 duplicates, 0 ignored (0 files)');
    expect(code).toBe(0);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('<html');
  });
});

describe('a file name holding a newline or a tab', () => {
  test('is quoted in the build report, so every line is one file', async () => {
    const out = await mkdtemp(join(tmpdir(), 'odd-names-'));
    const { code, stdout } = await cli(['build', '--config', siteConfig, '--content', 'odd names', '--out', out], dir);
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((line) => line.startsWith('skipped'))).toEqual([
      'skipped "odd names/empty\\nskipped ok.txt": empty file',
      'skipped "odd names/two\\nlines.txt": duplicate of "odd names/saved\\tagain.txt" (same source URL; the newer one is kept)',
    ]);
  });

  test('is quoted by digest check', async () => {
    const { stdout } = await cli(['check', '--content', 'odd names'], dir);
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      '"odd names/empty\\nskipped ok.txt": empty file',
      '"odd names/two\\nlines.txt": duplicate of "odd names/saved\\tagain.txt" (same source URL)',
    ]);
  });
});
