import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Root } from 'hast';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import type { Article } from '../../lib/schema/article.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import siteConfigInput from '../../site.config.ts';
import { loadCorpusArticles } from './corpus-archive.ts';
import { listFiles } from './site-files.ts';

const config = siteConfigSchema.parse(siteConfigInput);
const corpus = await loadCorpusArticles(config);
const articles: Article[] = 'articles' in corpus ? corpus.articles : [];
const work = await mkdtemp(join(tmpdir(), 'article-page-'));
const outDir = join(work, 'site');
const prefix = '/archive/';
const pages = new Map<string, Root>();

beforeAll(async () => {
  await buildSite({ archive: { articles }, config, outDir, pathPrefix: prefix });
  for (const file of await listFiles(outDir)) if (file.endsWith('.html')) pages.set(file, fromHtml(await readFile(join(outDir, file), 'utf8')));
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const byFile = (name: string): Article => {
  const found = articles.find((article) => article.data.file.endsWith(`/${name}`));
  if (!found) throw new Error(`${name} is not in the corpus archive`);
  return found;
};
/** The built page of an article, found by its canonical URL's path. */
const pageOf = (article: Article): Root => {
  for (const tree of pages.values()) {
    if (select(`meta[property="og:type"][content="article"]`, tree) && select('h1', tree) && toText(select('h1', tree)!) === article.data.title) return tree;
  }
  throw new Error(`no page for ${article.data.file}`);
};
const attr = (tree: Root, selector: string, name: string): string | undefined => {
  const value = select(selector, tree)?.properties[name];
  return value === undefined ? undefined : String(value);
};

describe.skipIf('unavailable' in corpus)('article pages of the real corpus', () => {
  test('every page has a canonical link, OpenGraph and Twitter card tags, absolute and under the prefix', () => {
    expect(pages.size).toBeGreaterThan(400);
    for (const [file, tree] of pages) {
      const canonical = attr(tree, 'link[rel="canonical"]', 'href');
      expect(canonical, file).toBe(`${config.url}${prefix}${file.replace(/index\.html$/, '')}`);
      expect(attr(tree, 'meta[property="og:url"]', 'content'), file).toBe(canonical);
      expect(attr(tree, 'meta[property="og:title"]', 'content'), file).toBeTruthy();
      expect(attr(tree, 'meta[name="twitter:card"]', 'content'), file).toMatch(/^summary(_large_image)?$/);
    }
  });

  test('an article page shares its title, summary and lead image', () => {
    const article = byFile('bbc-01.txt');
    const tree = pageOf(article);
    expect(attr(tree, 'meta[property="og:title"]', 'content')).toBe(article.data.title);
    expect(attr(tree, 'meta[property="og:description"]', 'content')).toBe(article.data.summary);
    expect(attr(tree, 'meta[property="og:image"]', 'content')).toBe(article.data.image);
    expect(attr(tree, 'meta[name="twitter:card"]', 'content')).toBe('summary_large_image');
    expect(attr(tree, 'meta[property="article:published_time"]', 'content')).toBe(attr(tree, 'time', 'dateTime'));
  });

  test('a page says its title, summary and image once for link previews: X reads the og: ones, only twitter:card is its own', () => {
    for (const [file, tree] of pages) {
      expect(selectAll('meta[name^="twitter:"]', tree).map((node) => node.properties.name), file).toEqual(['twitter:card']);
      expect(selectAll('meta[property="og:title"]', tree).length, file).toBe(1);
      expect(attr(tree, 'meta[property="og:description"]', 'content'), file).toBe(attr(tree, 'meta[name="description"]', 'content'));
    }
  });

  test('no article page shows a summary box that its body opens with', () => {
    const shown = [...pages.values()].filter((tree) => select('.article-summary', tree));
    expect(shown.length).toBe(articles.filter((article) => !article.data.summaryOpensBody && article.data.summary !== '').length);
    expect(shown.length).toBeLessThan(5);
  });

  test('the time says its zone, and the date and the time each stay on one line', () => {
    const tree = pageOf(byFile('bbc-01.txt'));
    const parts = selectAll('.article-meta time .date', tree).map((node) => toText(node));
    expect(parts).toEqual(['2020年7月20日周一', '18:45 北京时间']);
  });

  test('the original is labelled as the original with its host, apart from the source page, with a Web Archive copy', () => {
    const article = byFile('bbc-01.txt');
    const tree = pageOf(article);
    const original = select('.article-original a[rel~="external"]', tree)!;
    expect(toText(original).replace(/\s+/g, ' ')).toBe('原文 ↗ bbc.com');
    expect(original.properties.href).toBe(article.data.url);
    expect(attr(tree, '.breadcrumb .article-source', 'href')).toBe(`${prefix}sources/bbc/`);
    expect(attr(tree, '.article-original .archive-link', 'href')).toBe(`https://web.archive.org/web/20200720000000/${article.data.url}`);
  });

  test('the title is tagged with its own language where it differs from the body’s, and <html> with the interface’s script', () => {
    const tree = pageOf(byFile('voa-24.txt'));
    expect(attr(tree, 'article', 'lang')).toBe('zh-Hans');
    expect(attr(tree, 'h1', 'lang')).toBe('en');
    expect(attr(tree, 'html', 'lang')).toBe('zh-Hans');
    const traditional = pageOf(byFile('fm-handong-01.txt'));
    expect(attr(traditional, 'article', 'lang')).toBe('zh-Hant');
    expect(attr(traditional, 'h1', 'lang')).toBeUndefined();
  });

  test('a title shows without its site-name suffix, the source beside it', () => {
    const tree = pageOf(byFile('rfi-01.txt'));
    expect(toText(select('h1', tree)!)).toBe('塞尔维亚总统50岁重返校园盼当上篮球教练');
    expect(toText(select('.breadcrumb .article-source', tree)!)).toBe('RFI');
  });

  test('body headings start below the page title', () => {
    for (const tree of pages.values()) {
      if (!select('meta[property="og:type"][content="article"]', tree)) continue;
      expect(selectAll('h1', tree)).toHaveLength(1);
      expect(selectAll('.article-body h1', tree)).toHaveLength(0);
    }
  });
});

if ('unavailable' in corpus) test.skip(`corpus build: loadArchive not available yet (${corpus.unavailable})`, () => {});
