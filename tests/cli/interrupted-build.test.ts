import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { feedxDir } from '../corpus-dir.ts';

const digest = join(import.meta.dirname, '../../bin/digest.js');
const siteConfig = join(import.meta.dirname, '../../site.config.ts');

function build(cwd: string, content: string) {
  return spawn('node', [digest, 'build', '--config', siteConfig, '--content', content, '--out', '_site'], { cwd, stdio: 'ignore' });
}

const exited = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

test('Ctrl-C during a build leaves the previous site as it was and no half-written one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'interrupt-'));
  const small = join(dir, 'small');
  await mkdir(small);
  await cp(join(feedxDir, 'rfi-01.txt'), join(small, 'rfi-01.txt'));
  expect(await exited(build(dir, small))).toBe(0);
  const before = await readFile(join(dir, '_site/index.html'), 'utf8');

  const child = build(dir, feedxDir);
  // Wait until the new site is being written beside the old one, then interrupt.
  for (let tries = 0; tries < 3000; tries++) {
    if ((await readdir(dir)).some((name) => name.startsWith('._site.building-'))) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill('SIGINT');
  expect(await exited(child)).toBe(130);
  expect((await readdir(dir)).filter((name) => name.startsWith('._site'))).toEqual([]);
  expect(await readFile(join(dir, '_site/index.html'), 'utf8')).toBe(before);
});
