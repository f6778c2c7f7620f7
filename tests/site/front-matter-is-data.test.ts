import { mkdtemp, mkdir, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadArchive } from '../../lib/archive/load-archive.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import { listFiles } from './site-files.ts';

const config = siteConfigSchema.parse({ title: 'Digest', url: 'https://example.org', timeZone: 'UTC', language: 'en' });

const hostileFrontMatter = `---
title: "Front matter title {{ 7*7 }}"
date: 2020-07-20T02:45:24.000Z
author: "{% raw %}Author{% endraw %} \${process.exit(1)}"
from: https://example.org/front-matter
permalink: /index.html
layout: evil.njk
eleventyComputed:
  title: "{{ 6*7 }}"
  permalink: /computed/index.html
eleventyExcludeFromCollections: true
pagination:
  data: digest.articles
  size: 1
tags: [ post, feed ]
---
<!--1595213124000-->
[Header title {{ 7*7 }} {% if true %}yes{% endif %}](https://example.org/front-matter)
------

<p>Body with {{ 8*8 }} and {% for x in [1,2] %}{{ x }}{% endfor %} and \${1+1} and &#123;&#123; 9*9 &#125;&#125;.</p>`;

const traversal = `<!--1595299524000-->
[../../../../../tmp/pwned/index.html](https://example.org/..%2F..%2Fetc%2Fpasswd/../../x)
------

<p>Trying to write outside the output folder.</p>`;

let out: string;
let pages: string[];
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'front-matter-'));
  const content = join(dir, 'content');
  await mkdir(content);
  await writeFile(join(content, 'hostile.txt'), hostileFrontMatter);
  await writeFile(join(content, 'traversal.txt'), traversal);
  const archive = await loadArchive({ contentDir: content, config });
  expect(archive.report.rejected).toEqual([]);
  out = join(dir, 'site', '_site');
  await buildSite({ archive, config, outDir: out });
  pages = await listFiles(out);
}, 60_000);

describe('front matter is data, never configuration', () => {
  test('permalink, layout, eleventyComputed and pagination keys make no pages of their own', () => {
    expect(pages).not.toContain('computed/index.html');
    const articlePages = pages.filter((page) => /^2020\/07\/\d\d\/[^/]+\/index\.html$/.test(page));
    expect(articlePages).toHaveLength(2);
  });

  test('the home page is still the digest, not overwritten by an article', async () => {
    const home = await readFile(join(out, 'index.html'), 'utf8');
    expect(home).toContain('Header title {{ 7*7 }}');
    expect(home).toContain('../../../../../tmp/pwned/index.html');
  });

  test('template syntax in titles, authors and bodies is shown as text', async () => {
    const page = pages.find((name) => name.startsWith('2020/07/20/header-title'))!;
    const html = await readFile(join(out, page), 'utf8');
    expect(html).toContain('Header title {{ 7*7 }} {% if true %}yes{% endif %}');
    expect(html).toContain('Body with {{ 8*8 }} and {% for x in [1,2] %}{{ x }}{% endfor %} and ${1+1}');
    expect(html).toContain('{% raw %}Author{% endraw %} ${process.exit(1)}');
    expect(html).not.toMatch(/\b49\b|\b42\b|\b64\b/);
  });

  test('no input writes outside the output folder', async () => {
    const outside = await readdir(join(out, '..'));
    expect(outside).toEqual(['_site']);
    expect(pages.every((page) => !page.includes('..'))).toBe(true);
    // The hostile title only ever becomes a slug under its own day.
    expect(pages.filter((page) => page.includes('pwned'))).toEqual([expect.stringMatching(/^2020\/07\/21\/tmp-pwned-index-html-[0-9a-f]{12}\/index\.html$/)]);
  });
});
