import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import type { Article } from '../../lib/schema/article.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import siteConfigInput from '../../site.config.ts';
import { loadCorpusArticles } from './corpus-archive.ts';
import { listFiles } from './site-files.ts';

// templates/_includes/partials/article-item.njk in the listings of the real corpus: what each kind of listing shows of an article.
const config = siteConfigSchema.parse(siteConfigInput);
const corpus = await loadCorpusArticles(config);
const articles: Article[] = 'articles' in corpus ? corpus.articles : [];
const work = await mkdtemp(join(tmpdir(), 'article-item-'));
const outDir = join(work, 'site');
const pages = new Map<string, Root>();

beforeAll(async () => {
  await buildSite({ archive: { articles }, config, outDir });
  for (const file of await listFiles(outDir)) if (file.endsWith('.html')) pages.set(file, fromHtml(await readFile(join(outDir, file), 'utf8')));
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const summaryOf = new Map(articles.map((article) => [article.data.title, article.data.summary]));
const listings = (pattern: RegExp): Root[] => [...pages].filter(([file]) => pattern.test(file)).map(([, tree]) => tree);

describe.skipIf('unavailable' in corpus)('an article in a listing', () => {
  test('on a day page and in the home digest: its title, time and summary', () => {
    const digests = [...listings(/^\d{4}\/\d\d\/\d\d\/index\.html$/), ...listings(/^index\.html$/).map((tree) => ({ type: 'root', children: selectAll('section.day', tree) }) as Root)];
    expect(digests.length).toBeGreaterThan(5);
    let withSummary = 0;
    for (const tree of digests) {
      for (const entry of selectAll('.entry', tree)) {
        const summary = summaryOf.get(toText(select('.entry-title', entry)!));
        expect(summary).toBeDefined();
        expect(select('.entry-meta time', entry)).toBeDefined();
        if (summary) withSummary += 1;
        expect(select('.entry-summary', entry) && toText(select('.entry-summary', entry)!), String(summary)).toBe(summary || undefined);
      }
    }
    expect(withSummary).toBeGreaterThan(50);
  });

  test('on source, topic and older-article pages: its title with its date (and source), no summary to read through', () => {
    const olderOnHome = listings(/^index\.html$/).flatMap((tree) => selectAll('main > ul.entries', tree));
    const lists = [...listings(/^sources\/.+\/index\.html$/), ...listings(/^topics\/.+\/index\.html$/), ...listings(/^page\/\d+\/index\.html$/), ...olderOnHome];
    expect(lists.length).toBeGreaterThan(20);
    let entries = 0;
    for (const tree of lists) {
      for (const entry of selectAll('.entry', tree)) {
        entries += 1;
        expect(toText(select('.entry-title a', entry)!)).not.toBe('');
        expect(toText(select('.entry-meta time', entry)!)).toMatch(/\d{4}年\d{1,2}月\d{1,2}日.* \d\d:\d\d$/);
        expect(select('.entry-summary', entry)).toBeUndefined();
      }
    }
    expect(entries).toBeGreaterThan(articles.length);
  });
});
