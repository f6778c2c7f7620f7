import { chmod, copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { digestAsUnprivileged, isRoot, unprivileged, unprivilegedWorkDir } from '../as-unprivileged-user.ts';
import { feedxDir } from '../corpus-dir.ts';

// As root, chmod 000 does not stop reading: these run the CLI as an unprivileged user (nobody, when we are root).
// Only a non-root run with no way to switch users could skip, and a non-root user is unprivileged already.
const canRun = !isRoot || unprivileged !== undefined;

let work: string;
beforeAll(async () => {
  if (!canRun) return;
  work = await unprivilegedWorkDir();
  const content = join(work, 'content');
  await mkdir(join(content, 'locked'), { recursive: true });
  await mkdir(join(content, 'open'));
  await copyFile(join(feedxDir, 'rfi-01.txt'), join(content, 'rfi-01.txt'));
  await copyFile(join(feedxDir, 'dw-27.txt'), join(content, 'open/dw-27.txt'));
  await copyFile(join(feedxDir, 'bbc-02.txt'), join(content, 'secret.txt'));
  await copyFile(join(feedxDir, 'bbc-03.txt'), join(content, 'locked/bbc-03.txt'));
  await chmod(join(content, 'secret.txt'), 0o000);
  await chmod(join(content, 'locked'), 0o000);
  await writeFile(join(work, 'site.config.mjs'), `export default { title: 'T', url: 'https://example.org' };\n`);
});

// The folder may be outside the test run's TMPDIR (see unprivilegedWorkDir), so it is removed here.
afterAll(async () => {
  if (!work) return;
  await chmod(join(work, 'content/locked'), 0o755);
  await rm(work, { recursive: true, force: true });
});

describe.skipIf(!canRun)('a file or folder the user cannot read', () => {
  test('digest check rejects each with "permission denied" and checks the rest', async () => {
    const { code, stdout, stderr } = await digestAsUnprivileged(['check', '--content', 'content'], work);
    expect(stderr).not.toMatch(/EACCES|at .*\.ts:\d+/);
    expect(stdout.split('\n')).toEqual(
      expect.arrayContaining(['content/locked: permission denied', 'content/secret.txt: permission denied', '2 ok, 2 with errors, 0 duplicates, 0 ignored (not article files)']),
    );
    expect(code).toBe(1);
  });

  test('digest build builds the others and reports both, on a cold and a warm cache', async () => {
    for (const run of ['cold', 'warm']) {
      const { code, stdout, stderr } = await digestAsUnprivileged(['build', '--content', 'content', '--config', 'site.config.mjs', '--report', `report-${run}.json`], work);
      expect(stderr).not.toMatch(/EACCES/);
      expect(code).toBe(0);
      expect(stdout).toContain('skipped content/locked: permission denied');
      expect(stdout).toContain('skipped content/secret.txt: permission denied');
      const report = JSON.parse(await readFile(join(work, `report-${run}.json`), 'utf8')) as { built: string[]; rejected: { file: string; reason: string }[] };
      expect(report.built).toEqual(['content/open/dw-27.txt', 'content/rfi-01.txt']);
      expect(report.rejected).toEqual([
        { file: 'content/locked', reason: 'permission denied' },
        { file: 'content/secret.txt', reason: 'permission denied' },
      ]);
    }
    expect(await readdir(join(work, '_site'))).toContain('index.html');
  });

  test('a content folder that cannot be read at all is one line and exit 2', async () => {
    const { code, stdout, stderr } = await digestAsUnprivileged(['check', '--content', 'content/locked'], work);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'digest: content folder "content/locked" cannot be read: permission denied\n' });
  });
});
