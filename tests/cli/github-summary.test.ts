import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { feedxDir } from '../corpus-dir.ts';
import { runDigest } from './run-digest.ts';

const siteConfig = join(import.meta.dirname, '../../site.config.ts');

const cli = (args: string[], cwd: string, env: Record<string, string> = {}) => runDigest(args, cwd, { env });

let dir: string;
let summary: string;
let annotations: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'github-summary-'));
  await mkdir(join(dir, 'content'));
  // fm-youtube-04.txt is the corpus's one bad file (its body is an empty <div>); voa-03.txt saves fm-voa-01.txt's article again.
  for (const name of ['rfi-01.txt', 'bbc-02.txt', 'fm-youtube-04.txt', 'voa-03.txt', 'fm-voa-01.txt']) await copyFile(join(feedxDir, name), join(dir, 'content', name));
  await writeFile(join(dir, 'content', '100%, sure: | <b>\nnot.txt'), '');
  const build = await cli(['build', '--config', siteConfig, '--report', 'report.json'], dir);
  expect(build.code).toBe(0);
  await writeFile(join(dir, 'summary.md'), '## before\n');
  const step = await cli(['github-summary', 'report.json'], dir, { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') });
  expect(step.code).toBe(0);
  summary = await readFile(join(dir, 'summary.md'), 'utf8');
  annotations = step.stdout.trim().split('\n');
}, 120_000);

describe('the job summary', () => {
  test('is appended to $GITHUB_STEP_SUMMARY with the totals and a row a skipped file, with its reason', () => {
    expect(summary.split('\n')).toEqual([
      '## before',
      '### Articles',
      '',
      '3 built, 2 rejected, 1 duplicates, 0 ignored (not article files).',
      '',
      '| skipped file | reason |',
      '| --- | --- |',
      '| "content/100%, sure: \\| \\<b\\>\\\\nnot.txt" | empty file |',
      '| content/fm-youtube-04.txt | body: no text or media left (an empty body, or only the feed footer and boilerplate) |',
      '| content/voa-03.txt | duplicate of content/fm-voa-01.txt (same source URL; the newer one is kept) |',
      '',
    ]);
  });
});

describe('the annotations', () => {
  test('are a ::warning command a skipped file, escaped as workflow commands require', () => {
    expect(annotations).toEqual([
      '::warning file=content/100%25%2C sure%3A | <b>%0Anot.txt,title=skipped content/100%25%2C sure%3A | <b>%0Anot.txt::empty file',
      '::warning file=content/fm-youtube-04.txt,title=skipped content/fm-youtube-04.txt::body: no text or media left (an empty body, or only the feed footer and boilerplate)',
      '::warning file=content/voa-03.txt,title=skipped content/voa-03.txt::duplicate of content/fm-voa-01.txt (same source URL; the newer one is kept)',
    ]);
  });

  test('a reason of several lines stays one command', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad);
    await writeFile(join(bad, 'a.txt'), '<!--abc-->\n[ ](nowhere)\n------\n\n<p>Body.</p>');
    const build = await cli(['build', '--config', siteConfig, '--content', 'bad', '--out', join(dir, 'bad-site'), '--report', 'bad.json'], dir);
    expect(build.code).toBe(0);
    const { stdout } = await cli(['github-summary', 'bad.json'], dir, { GITHUB_STEP_SUMMARY: join(dir, 'bad.md') });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::warning file=bad\/a\.txt,title=skipped bad\/a\.txt::.+%0A.+%0A.+/);
    expect(await readFile(join(dir, 'bad.md'), 'utf8')).toMatch(/^\| bad\/a\.txt \| .+<br>.+<br>.+ \|$/m);
  });
});

test('a build from an empty content folder is one warning saying so', async () => {
  await mkdir(join(dir, 'emptied'));
  await cli(['build', '--config', siteConfig, '--content', 'emptied', '--out', join(dir, 'empty-site'), '--report', 'empty.json'], dir);
  const { stdout } = await cli(['github-summary', 'empty.json'], dir, { GITHUB_STEP_SUMMARY: join(dir, 'empty.md') });
  expect(stdout).toBe('::warning title=no articles::The content folder holds no article files: there are no articles to publish.\n');
  expect(await readFile(join(dir, 'empty.md'), 'utf8')).toContain('**The content folder holds no article files: there are no articles to publish.**');
});

test('outside GitHub Actions the summary goes to standard output; a missing report is one line, exit 2', async () => {
  const { stdout } = await cli(['github-summary', 'report.json'], dir, { GITHUB_STEP_SUMMARY: '' });
  expect(stdout).toMatch(/^### Articles\n/);
  const missing = await cli(['github-summary', 'nope.json'], dir);
  expect(missing).toEqual({ code: 2, stdout: '', stderr: 'digest github-summary: nope.json: no such file\n' });
});
