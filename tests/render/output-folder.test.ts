import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, defaultTemplatesDir } from '../../lib/render/build-site.ts';
import { checkOutputFolder, outputMarkerName, readOutputMarker } from '../../lib/render/output-folder.ts';
import { handMadeArticles, testConfig } from '../site/hand-made-articles.ts';
import { listFiles } from '../site/site-files.ts';

let dir: string;
let places: { contentDir: string; cacheDir: string; projectDirs: string[]; templatesDir: string };
const articles = handMadeArticles(6);
const check = (outDir: string) => checkOutputFolder({ outDir, ...places });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'output-folder-'));
  await mkdir(join(dir, 'project/content'), { recursive: true });
  await writeFile(join(dir, 'project/site.config.ts'), 'export default {};\n');
  await writeFile(join(dir, 'project/content/a.txt'), 'an article\n');
  places = { contentDir: join(dir, 'project/content'), cacheDir: join(dir, 'project/.cache/digest'), projectDirs: [join(dir, 'project')], templatesDir: defaultTemplatesDir };
});

describe('what a build may replace', () => {
  test('a missing folder, even several levels deep, with its real path', async () => {
    await symlink(join(dir, 'project'), join(dir, 'link-to-project'));
    expect(await check(join(dir, 'link-to-project/out/deeper/_site'))).toEqual({ ok: true, value: join(dir, 'project/out/deeper/_site') });
  });

  test('an empty folder', async () => {
    await mkdir(join(dir, 'empty'));
    expect(await check(join(dir, 'empty'))).toEqual({ ok: true, value: join(dir, 'empty') });
  });

  test('a folder a build wrote: it carries the marker, written with the site', async () => {
    const out = join(dir, 'built');
    await buildSite({ archive: { articles }, config: testConfig, outDir: out });
    expect(await readOutputMarker(out)).toMatchObject({ generator: 'news-digest', format: 1 });
    expect(await check(out)).toEqual({ ok: true, value: out });
    // The marker is no page: the sitemap does not list it.
    expect(await readFile(join(out, 'sitemap.xml'), 'utf8')).not.toContain(outputMarkerName);
  });

  test('a folder inside the cache (where serve writes)', async () => {
    expect((await check(join(places.cacheDir, 'serve-site'))).ok).toBe(true);
  });
});

describe('what a build refuses', () => {
  test.each([
    ['project/content', 'it is the content folder'],
    ['project/content/site', 'it is inside the content folder: the site would become part of the content'],
    ['project/.cache/digest', 'it is the cache folder'],
    ['project/.cache', 'it holds the cache folder'],
    ['project', 'it is the project folder'],
    ['.', 'it holds the content folder'],
  ])('%s: %s', async (out, reason) => {
    const result = await check(join(dir, out));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(new RegExp(`^${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  test('the content folder reached through a symbolic link', async () => {
    await symlink(places.contentDir, join(dir, 'articles-link'));
    expect(await check(join(dir, 'articles-link'))).toEqual({ ok: false, reason: 'it is the content folder' });
  });

  test('a folder of the user’s own files, naming some of them', async () => {
    await mkdir(join(dir, 'mine/sub'), { recursive: true });
    await writeFile(join(dir, 'mine/notes.txt'), 'notes');
    await writeFile(join(dir, 'mine/sub/thesis.doc'), 'thesis');
    expect(await check(join(dir, 'mine'))).toEqual({ ok: false, reason: 'it holds files no build wrote (notes.txt, sub); empty it or choose another --out' });
    expect(await listFiles(join(dir, 'mine'))).toEqual(['notes.txt', 'sub/thesis.doc']);
  });

  test('an existing file, and a path under a file', async () => {
    await writeFile(join(dir, 'a-file'), 'mine');
    expect(await check(join(dir, 'a-file'))).toEqual({ ok: false, reason: 'it is a file, not a folder' });
    expect(await check(join(dir, 'a-file/site'))).toEqual({ ok: false, reason: `not a directory: ${join(dir, 'a-file')} is a file` });
    expect(await readFile(join(dir, 'a-file'), 'utf8')).toBe('mine');
  });

  test('a path where no folder can be made fails at once', async () => {
    const started = performance.now();
    expect(await check('/proc/x/y')).toEqual({ ok: false, reason: 'cannot create folders in /proc: this file system allows no new folders' });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('an output from before the marker', () => {
  test('is ours only when the cache’s manifest of that very path names every file in it', async () => {
    const out = join(dir, 'old-build');
    const cacheDir = join(dir, 'old-cache');
    // Builds from before the marker had no search index either.
    await buildSite({ archive: { articles }, config: { ...testConfig, search: false }, outDir: out, cacheDir });
    await rm(join(out, outputMarkerName));
    expect((await checkOutputFolder({ ...places, cacheDir, outDir: out })).ok).toBe(true);
    // Without that manifest nothing says it is ours.
    expect((await checkOutputFolder({ ...places, outDir: out })).ok).toBe(false);
    // A file the build did not write: not ours any more.
    await writeFile(join(out, 'notes.txt'), 'mine');
    expect((await checkOutputFolder({ ...places, cacheDir, outDir: out })).ok).toBe(false);
  });
});
