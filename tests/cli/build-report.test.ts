import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import { feedxDir } from '../corpus-dir.ts';

const run = promisify(execFile);
const digest = join(import.meta.dirname, '../../bin/digest.js');
const siteConfig = join(import.meta.dirname, '../../site.config.ts');
const feedx = feedxDir;

const article = (title: string, url: string, body = '<p>正文内容，足够长的一段文字。</p>', time = '1595213124000') =>
  `<!--${time}-->\n[${title}](${url})\n------\n\n${body}`;

interface Report {
  built: string[];
  duplicates: { file: string; of: string }[];
  ignored: string[];
  rejected: { file: string; reason: string }[];
}

let dir: string;
let report: Report;
let stdout: string;
let code = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-'));
  const content = join(dir, 'content');
  await mkdir(join(content, '新闻 2020'), { recursive: true });
  const files: Record<string, string | Uint8Array> = {
    'empty.txt': '',
    'binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]),
    'no-header.txt': '<p>Only a body, no title or link.</p>',
    'nan-time.txt': article('A title', 'https://example.org/nan', undefined, 'abc'),
    'seconds.txt': article('Seconds', 'https://example.org/seconds', undefined, '1595213124'),
    'no-dashes.txt': '<!--1595213124000-->\n[No dashes](https://example.org/no-dashes)\n\n<p>Body</p>',
    'footer-only.txt': article('Footer only', 'https://example.org/footer', '<br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a></div>'),
    'gb18030.txt': iconv.encode(article('简体中文标题：经济与社会的长期变化', 'https://example.org/gb', '<p>这是一篇用国标编码保存的文章，内容讨论经济和社会的长期变化以及普通人的生活。</p>'), 'gb18030'),
    'big5.txt': iconv.encode(article('繁體中文標題：經濟與社會的長期變化', 'https://example.org/big5', '<p>這是一篇用大五碼保存的文章，內容討論經濟和社會的長期變化以及普通人的生活。</p>'), 'big5'),
    'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(article('UTF-16 标题', 'https://example.org/utf16'), 'utf16-le')]),
    'nested.txt': article('Nested', 'https://example.org/nested', `${'<div><span>'.repeat(200)}nested text${'</span></div>'.repeat(200)}`),
    'deep.txt': article('Deep nesting', 'https://example.org/deep', `${'<div><span>'.repeat(20000)}deep text${'</span></div>'.repeat(20000)}`),
    'huge.txt': article('Huge', 'https://example.org/huge', `<p>${'大'.repeat(2_000_000)}</p>`),
    '新闻 2020/空格 名字.txt': article('Spaces and 中文 in the name', 'https://example.org/names'),
    'old-save.txt': article('Saved twice', 'https://example.org/twice', undefined, '1595213124000'),
    'new-save.txt': article('Saved twice', 'https://example.org/twice/', undefined, '1595299524000'),
    'README.md': '# notes\n',
    'cover.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(content, name), text);
  await copyFile(join(feedx, 'rfi-01.txt'), join(content, 'rfi-01.txt'));
  try {
    ({ stdout } = await run('node', [digest, 'build', '--config', siteConfig, '--report', 'report.json'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    code = (error as { code: number }).code;
    stdout = (error as { stdout: string }).stdout;
  }
  report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
}, 180_000);

const reasonOf = (name: string) => report.rejected.find((entry) => entry.file === `content/${name}`)?.reason;

describe('a build with bad files', () => {
  test('still builds the good ones and exits 0 without --strict', () => {
    expect(code).toBe(0);
    expect(report.built).toEqual(
      ['big5.txt', 'gb18030.txt', 'nested.txt', 'new-save.txt', 'rfi-01.txt', 'seconds.txt', 'utf16.txt', '新闻 2020/空格 名字.txt'].map((name) => `content/${name}`),
    );
  });

  test('accounts for every file under content/ exactly once', async () => {
    const all = (await readdir(join(dir, 'content'), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const counted = report.built.length + report.duplicates.length + report.ignored.length + report.rejected.length;
    expect(counted).toBe(all.length);
    expect(new Set([...report.built, ...report.duplicates.map((d) => d.file), ...report.ignored, ...report.rejected.map((r) => r.file)]).size).toBe(all.length);
  });

  test('names each rejected file with a reason a person would agree with', () => {
    expect(reasonOf('empty.txt')).toBe('empty file');
    expect(reasonOf('binary.txt')).toBe('not a text file');
    expect(reasonOf('no-header.txt')).toMatch(/no header/);
    expect(reasonOf('nan-time.txt')).toMatch(/timestamp "abc" is not a number/);
    expect(reasonOf('no-dashes.txt')).toMatch(/dashes/);
    expect(reasonOf('footer-only.txt')).toMatch(/^body: no text or media left/);
    expect(reasonOf('deep.txt')).toMatch(/^body: HTML nested too deeply to process/);
    expect(reasonOf('huge.txt')).toMatch(/over the 5\.0 MB limit \(maxFileBytes in site\.config\.ts\)/);
  });

  test('names the duplicate and keeps the newer save', () => {
    expect(report.duplicates).toEqual([{ file: 'content/old-save.txt', of: 'content/new-save.txt' }]);
  });

  test('lists what it ignored', () => {
    expect(report.ignored).toEqual(['content/README.md', 'content/cover.jpg']);
  });

  test('prints every skipped file and the totals', () => {
    expect(stdout).toContain('skipped content/empty.txt: empty file');
    expect(stdout).toContain('skipped content/old-save.txt: duplicate of content/new-save.txt');
    expect(stdout).toContain('8 articles built, 8 rejected, 1 duplicates, 2 ignored (19 files)');
  });

  test('decodes legacy encodings without mojibake', async () => {
    const pages = (await readdir(join(dir, '_site'), { recursive: true })).filter((name) => name.endsWith('index.html'));
    const html = (await Promise.all(pages.map((page) => readFile(join(dir, '_site', page), 'utf8')))).join('\n');
    expect(html).toContain('简体中文标题：经济与社会的长期变化');
    expect(html).toContain('繁體中文標題：經濟與社會的長期變化');
    expect(html).toContain('UTF-16 标题');
    expect(html).not.toContain('\uFFFD');
  });

  test('a seconds timestamp is read as seconds, not 1970', async () => {
    expect(await readdir(join(dir, '_site/2020/07'))).toContain('20');
    expect(await readdir(join(dir, '_site'))).not.toContain('1970');
  });
});

test('--strict fails on a rejected file and writes nothing', async () => {
  const strictDir = await mkdtemp(join(tmpdir(), 'strict-'));
  await mkdir(join(strictDir, 'content'));
  await writeFile(join(strictDir, 'content/empty.txt'), '');
  await copyFile(join(feedx, 'rfi-01.txt'), join(strictDir, 'content/rfi-01.txt'));
  const failure = await run('node', [digest, 'build', '--config', siteConfig, '--strict'], { cwd: strictDir }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => error,
  );
  expect(failure.code).toBe(1);
  expect(failure.stderr).toContain('skipped content/empty.txt: empty file');
  expect(await readdir(strictDir)).not.toContain('_site');
});
