import { execFile } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '../..');

test("the README's `npm run build` builds the shipped content", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'npm-build-'));
  const { stdout } = await run('npm', ['run', '--silent', 'build', '--', '--out', join(dir, '_site'), '--cache', join(dir, 'cache')], { cwd: repo });
  expect(stdout).toMatch(/\d+ articles built, 0 rejected/);
  expect(await readdir(join(dir, '_site'))).toEqual(expect.arrayContaining(['index.html', 'feed.xml', 'sitemap.xml', '404.html']));
});

test('`npm run check` passes on the shipped content', async () => {
  const { stdout } = await run('npm', ['run', '--silent', 'check'], { cwd: repo });
  expect(stdout).toMatch(/\d+ ok, 0 with errors/);
});
