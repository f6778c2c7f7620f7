import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromParse5 } from 'hast-util-from-parse5';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Root } from 'hast';
import { parse as parseHtml } from 'parse5';
import { beforeAll, describe, expect, test } from 'vitest';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import type { Article } from '../../lib/schema/article.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import { buildSiteModel, type SiteModel } from '../../lib/site/site-model.ts';
import { loadCorpusArticles } from './corpus-archive.ts';
import { listFiles } from './site-files.ts';

// Topic pages of the real corpus, through a real Eleventy build; pages of 10 so the biggest topics are paged.
const config = siteConfigSchema.parse({ title: '新闻', url: 'https://example.org', language: 'zh', timeZone: 'Asia/Shanghai', search: false, perPage: 10 });
let articles: Article[];
let model: SiteModel;
let out: string;
let files: string[];

beforeAll(async () => {
  const loaded = await loadCorpusArticles(config);
  if ('unavailable' in loaded) throw new Error(loaded.unavailable);
  articles = loaded.articles;
  model = buildSiteModel({ articles, config, pathPrefix: '/', mode: 'build' });
  out = join(await mkdtemp(join(tmpdir(), 'topics-site-')), '_site');
  await buildSite({ archive: { articles }, config, outDir: out, pathPrefix: '/' });
  files = await listFiles(out);
});

const page = async (file: string): Promise<Root> => fromParse5(parseHtml(await readFile(join(out, file), 'utf8'))) as Root;

describe('topic pages', () => {
  test('/topics/港版国安法/ lists every article tagged 港版国安法, newest first', async () => {
    expect(files).toContain('topics/港版国安法/index.html');
    const tree = await page('topics/港版国安法/index.html');
    expect(toString(select('h1', tree)!)).toMatch(/^港版国安法/);
    const titles = selectAll('.entry-title', tree).map(toString);
    const tagged = articles.filter((article) => article.data.tags.includes('港版国安法'));
    expect(titles).toEqual(tagged.map((article) => article.data.title));
  });

  test('a long topic is paged like a source, counted from its oldest page', () => {
    const big = model.topics[0]!;
    const pages = model.topicPages.filter((candidate) => candidate.topic === big);
    expect(pages.length).toBe(Math.floor(big.count / config.perPage));
    expect(pages[0]!.url).toBe(big.url);
    expect(pages.at(-1)!.url).toBe(`${big.url}page/1/`);
    for (const candidate of pages) expect(files).toContain(`${decodeURI(candidate.url).slice(1)}index.html`);
  });

  test('every topic has a page at a non-empty URL of its own', () => {
    const urls = model.topics.map((topic) => topic.url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) expect(url).toMatch(/^\/topics\/[^/]+\/$/);
  });

  test('/topics/ lists every topic with its count, biggest first, and every page\'s header links to it', async () => {
    const tree = await page('topics/index.html');
    const items = selectAll('.topic-list li', tree);
    expect(items).toHaveLength(model.topics.length);
    expect(toString(items[0]!)).toBe(`${model.topics[0]!.name} ${model.topics[0]!.count} 篇`);
    for (const file of ['index.html', 'sources/index.html', files.find((name) => /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(name))!]) {
      const links = selectAll('.site-nav a', await page(file)).map((link) => [toString(link), link.properties.href]);
      expect(links).toContainEqual(['话题', '/topics/']);
    }
  });

  test('an article links to its topics, its own tags first', async () => {
    const view = model.articles.find((candidate) => candidate.tags.includes('港版国安法'))!;
    const tree = await page(`${decodeURI(view.url).slice(1)}index.html`);
    const links = selectAll('.article-topics a', tree).map((link) => [toString(link), decodeURI(String(link.properties.href))]);
    expect(links.slice(0, view.tags.length).map(([name]) => name)).toEqual(view.tags);
    expect(links).toContainEqual(['港版国安法', '/topics/港版国安法/']);
  });

  test('with keywordTopics: 0 only tags are topics', () => {
    const tagsOnly = buildSiteModel({ articles, config: { ...config, keywordTopics: 0 }, pathPrefix: '/', mode: 'build' });
    const tags = new Set(articles.flatMap((article) => article.data.tags));
    expect(tagsOnly.topics.every((topic) => tags.has(topic.name))).toBe(true);
    expect(tagsOnly.topics.length).toBeLessThan(model.topics.length);
  });
});
