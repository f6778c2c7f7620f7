import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Eleventy, type EleventyConfig } from '@11ty/eleventy';
import { beforeAll, describe, expect, test } from 'vitest';
import { nunjucksCompileCache } from '../../lib/render/nunjucks-compile-cache.ts';
import { listFiles } from '../site/site-files.ts';

const items = Array.from({ length: 40 }, (_, index) => ({ slug: `item-${index}`, title: `Item <${index}>` }));

const paginated = `---
pagination:
  data: items
  size: 1
  alias: item
permalink: "/items/{{ item.slug }}/"
layout: base.njk
---
<h1>{{ item.title }}</h1>{% include "partial.njk" %}`;

/** Builds a small paginated site, counting how often Nunjucks compiles a template. */
async function build(withCache: boolean): Promise<{ out: string; compiles: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'njk-cache-'));
  const input = join(dir, 'in');
  await mkdir(join(input, '_includes'), { recursive: true });
  await writeFile(join(input, 'items.njk'), paginated);
  await writeFile(join(input, 'plain.njk'), '---\npermalink: /plain.txt\n---\n{{ items.length }} items');
  await writeFile(join(input, 'unwritten.njk'), '---\npermalink: false\n---\nnever written');
  await writeFile(join(input, '_includes', 'base.njk'), '<main>{{ content | safe }}</main>');
  await writeFile(join(input, '_includes', 'partial.njk'), '<p>{{ item.slug }}</p>');
  const out = join(dir, 'out');
  let compiles = 0;
  const eleventy = new Eleventy(relative(process.cwd(), input), out, {
    quietMode: true,
    config(eleventyConfig: EleventyConfig) {
      eleventyConfig.setUseGitIgnore(false);
      eleventyConfig.addGlobalData('items', items);
      eleventyConfig.on('eleventy.engine.njk', ({ nunjucks }: { nunjucks: { Template: { prototype: { _compile(): void } } } }) => {
        const original = nunjucks.Template.prototype._compile;
        nunjucks.Template.prototype._compile = function (this: unknown) {
          compiles++;
          return original.call(this);
        };
      });
      if (withCache) eleventyConfig.addPlugin(nunjucksCompileCache);
    },
  });
  await eleventy.write();
  return { out, compiles };
}

let cached: Awaited<ReturnType<typeof build>>;
let uncached: Awaited<ReturnType<typeof build>>;
beforeAll(async () => {
  uncached = await build(false);
  cached = await build(true);
}, 60_000);

describe('Nunjucks compile cache', () => {
  test('writes exactly the pages Eleventy writes without it', async () => {
    const files = await listFiles(cached.out);
    expect(files).toEqual(await listFiles(uncached.out));
    expect(files).toHaveLength(items.length + 1);
    for (const file of files) expect(await readFile(join(cached.out, file), 'utf8')).toBe(await readFile(join(uncached.out, file), 'utf8'));
  });

  test('each page gets its own data: permalinks, autoescaped text, includes and layout', async () => {
    const page = await readFile(join(cached.out, 'items', 'item-7', 'index.html'), 'utf8');
    expect(page).toBe('<main><h1>Item &lt;7&gt;</h1><p>item-7</p></main>');
    expect(await readFile(join(cached.out, 'plain.txt'), 'utf8')).toBe('40 items');
  });

  test('a paginated template and its permalink are compiled once, not once a page', () => {
    expect(uncached.compiles).toBeGreaterThan(2 * items.length);
    // The page template, its permalink, the layout, the include, the plain page and the unwritten one.
    expect(cached.compiles).toBeLessThanOrEqual(7);
  });
});
