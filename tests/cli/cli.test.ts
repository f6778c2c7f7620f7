import { copyFile, mkdtemp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { feedxDir } from '../corpus-dir.ts';
import { runDigest } from './run-digest.ts';

const feedx = feedxDir;

const cli = (args: string[], cwd: string) => runDigest(args, cwd);

describe('digest parse', () => {
  test('parses hundreds of files in one call, one JSON object a line', async () => {
    const files = (await readdir(feedx)).filter((name) => name.endsWith('.txt')).map((name) => join(feedx, name));
    const { code, stdout } = await cli(['parse', '--json', ...files], tmpdir());
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; data?: { title: string; publishedAt: string }; html?: string; error?: string });
    expect(lines).toHaveLength(files.length);
    expect(lines.map((line) => line.file)).toEqual(files);
    for (const line of lines) {
      if (line.error) continue;
      expect(line.data?.title).toBeTruthy();
      expect(line.data?.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(line.html).toBeTruthy();
    }
    expect(code).toBe(lines.some((line) => line.error) ? 1 : 0);
  });

  test('prints frontmatter and HTML for a person, and an error naming a missing file', async () => {
    const { code, stdout, stderr } = await cli(['parse', join(feedx, 'rfi-01.txt'), 'missing.txt'], tmpdir());
    expect(stdout).toContain('title:');
    expect(stdout).toContain('<p>');
    expect(stderr).toBe('missing.txt: no such file\n');
    expect(code).toBe(1);
  });
});

describe('digest check', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'check-'));
    await mkdir(join(dir, 'content/sub dir'), { recursive: true });
    await copyFile(join(feedx, 'rfi-01.txt'), join(dir, 'content/rfi-01.txt'));
    await copyFile(join(feedx, 'bbc-02.txt'), join(dir, 'content/sub dir/bbc 02.txt'));
    await writeFile(join(dir, 'content/empty.txt'), '');
    await writeFile(join(dir, 'content/bad-url.txt'), '<!--1595213124000-->\n[A title](ftp://example.org/a)\n------\n\n<p>Body text.</p>');
    await writeFile(join(dir, 'content/README.md'), '# my articles\n');
    await writeFile(join(dir, 'content/photo.jpg'), new Uint8Array([0xff, 0xd8, 0xff]));
  });

  test('reports every file as ok, an error with its reason, or ignored', async () => {
    const { code, stdout } = await cli(['check', '--json'], dir);
    const report = JSON.parse(stdout) as { ok: string[]; errors: { file: string; message: string }[]; ignored: string[] };
    expect(code).toBe(1);
    expect(report.ok).toEqual(['content/rfi-01.txt', 'content/sub dir/bbc 02.txt']);
    expect(report.errors.map((error) => error.file)).toEqual(['content/bad-url.txt', 'content/empty.txt']);
    expect(report.errors[0]?.message).toMatch(/url/);
    expect(report.errors[1]?.message).toMatch(/empty/);
    expect(report.ignored).toEqual(['content/README.md', 'content/photo.jpg']);
  });

  test('reads as one line a problem, each naming the file', async () => {
    const { code, stdout } = await cli(['check'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^content\/bad-url\.txt: .*url/m);
    expect(stdout).toMatch(/^content\/empty\.txt: .*empty/m);
    expect(stdout).toContain('2 ok, 2 with errors, 0 duplicates, 2 ignored');
  });

  test('lists every problem of a file, one line each', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'bad-'));
    await writeFile(join(bad, 'a.txt'), '<!--abc-->\n[ ](nowhere)\n------\n\n<p>Body.</p>');
    const { code, stdout } = await cli(['check', '--content', bad], tmpdir());
    const lines = stdout.split('\n').filter((line) => line.startsWith(`${bad}/a.txt: `));
    expect(code).toBe(1);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.some((line) => line.includes('title:'))).toBe(true);
    expect(lines.some((line) => line.includes('url:'))).toBe(true);
    expect(lines.some((line) => line.includes('"abc" is not a number'))).toBe(true);
  });

  test('passes a folder of good files', async () => {
    const good = await mkdtemp(join(tmpdir(), 'good-'));
    await copyFile(join(feedx, 'dw-27.txt'), join(good, 'dw-27.txt'));
    const { code, stdout } = await cli(['check', '--content', good], tmpdir());
    expect(stdout).toContain('1 ok, 0 with errors');
    expect(code).toBe(0);
  });
});
