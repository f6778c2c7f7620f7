import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, defaultTemplatesDir } from '../../lib/render/build-site.ts';
import type { Article } from '../../lib/schema/article.ts';
import { handMadeArticles, testConfig } from '../site/hand-made-articles.ts';
import { listFiles } from '../site/site-files.ts';

/** Every file of a built site with its bytes, for comparing two builds. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), 'utf8')] as const)));
}

/** The same archive built from nothing, without a cache: what an incremental build must equal. */
async function fullBuild(articles: Article[], templatesDir = defaultTemplatesDir): Promise<Map<string, string>> {
  const out = join(await mkdtemp(join(tmpdir(), 'full-')), '_site');
  await buildSite({ archive: { articles }, config: testConfig, outDir: out, pathPrefix: '/archive/', templatesDir });
  return snapshot(out);
}

describe('incremental rendering', () => {
  const all = handMadeArticles(90);
  const [newest, ...rest] = all;

  test('renders only what changed and writes exactly what a full build writes', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'incremental-'));
    const out = join(dir, '_site');
    const cacheDir = join(dir, 'cache');
    const build = (articles: Article[], templatesDir = defaultTemplatesDir) =>
      buildSite({ archive: { articles }, config: testConfig, outDir: out, pathPrefix: '/archive/', cacheDir, templatesDir });

    const first = await build(rest);
    expect(first.rendered).toBe(first.pages);

    const unchanged = await build(rest);
    expect(unchanged.pages).toBe(first.pages);
    // The pages that list everything (sources index, 404) are always rendered; nothing else was.
    expect(unchanged.rendered).toBeLessThanOrEqual(2);
    expect(await snapshot(out)).toEqual(await fullBuild(rest));

    const added = await build(all);
    expect(added.rendered).toBeGreaterThan(1);
    expect(added.rendered).toBeLessThan(added.pages);
    expect(await snapshot(out)).toEqual(await fullBuild(all));

    const removed = all.filter((_, index) => index !== 40);
    await build(removed);
    expect(await snapshot(out)).toEqual(await fullBuild(removed));

    // An article's own fields changed: its listings and feeds show the new title and summary.
    const edited = removed.map((article, index) => (index === 60 ? { ...article, data: { ...article.data, title: `${article.data.title} (updated)`, summary: 'A new summary.' } } : article));
    const afterEdit = await build(edited);
    expect(afterEdit.rendered).toBeLessThan(afterEdit.pages);
    expect(await snapshot(out)).toEqual(await fullBuild(edited));

    // A restyled template changes every page.
    const templates = join(dir, 'templates');
    await cp(defaultTemplatesDir, templates, { recursive: true });
    const layout = join(templates, '_includes/layouts/base.njk');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('<body>', '<body class="restyled">'));
    const restyled = await build(edited, templates);
    expect(restyled.rendered).toBe(restyled.pages);
    expect(await snapshot(out)).toEqual(await fullBuild(edited, templates));
  });

  test('a page whose file went missing from the output is rendered again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'missing-'));
    const out = join(dir, '_site');
    const cacheDir = join(dir, 'cache');
    const articles = handMadeArticles(12);
    await buildSite({ archive: { articles }, config: testConfig, outDir: out, cacheDir });
    const { rm } = await import('node:fs/promises');
    const page = (await listFiles(out)).find((file) => /^\d{4}\/\d\d\/\d\d\/.+\/index\.html$/.test(file))!;
    await rm(join(out, page));
    await buildSite({ archive: { articles }, config: testConfig, outDir: out, cacheDir });
    expect(await listFiles(out)).toContain(page);
  });
});
