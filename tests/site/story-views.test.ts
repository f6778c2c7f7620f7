import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHtml } from 'parse5';
import { fromParse5 } from 'hast-util-from-parse5';
import { selectAll, select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Root } from 'hast';
import { beforeAll, describe, expect, test } from 'vitest';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import type { Article } from '../../lib/schema/article.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import { buildSiteModel, type SiteModel } from '../../lib/site/site-model.ts';
import { loadCorpusArticles } from './corpus-archive.ts';
import { listFiles } from './site-files.ts';

// Stories and related articles on the real corpus, through the real pipeline and a real Eleventy build.
const config = siteConfigSchema.parse({ title: '新闻', url: 'https://example.org', language: 'zh', timeZone: 'Asia/Shanghai', search: false });
let articles: Article[];
let model: SiteModel;
let out: string;

beforeAll(async () => {
  const loaded = await loadCorpusArticles(config);
  if ('unavailable' in loaded) throw new Error(loaded.unavailable);
  articles = loaded.articles;
  model = buildSiteModel({ articles, config, pathPrefix: '/', mode: 'build' });
  out = join(await mkdtemp(join(tmpdir(), 'stories-site-')), '_site');
  await buildSite({ archive: { articles }, config, outDir: out, pathPrefix: '/' });
});

const page = async (path: string): Promise<Root> => fromParse5(parseHtml(await readFile(join(out, path.replace(/^\//, ''), 'index.html'), 'utf8'))) as Root;
const viewOf = (title: string) => model.articles.find((view) => view.title.includes(title))!;

describe('a day page leads with its stories', () => {
  test('30 June 2020: Beijing passes the security law, with RFI, RFA and VOA as also reporting', async () => {
    const day = model.days.find((group) => group.key === '2020-06-30')!;
    const story = day.stories.find((candidate) => [candidate.headline, ...candidate.also].some((link) => link.title.includes('港版国安法')))!;
    expect(story).toBeDefined();
    const sources = [story.headline.source, ...story.also.map((link) => link.source)];
    expect(sources).toEqual(expect.arrayContaining(['rfi.fr', 'rfa.org', 'voachinese.com']));
    // Each source once, the headline's not among the others.
    expect(new Set(sources).size).toBe(sources.length);

    const tree = await page(day.url);
    const main = select('main', tree)!;
    const sections = selectAll('section.stories, section.source-group', main);
    expect(sections[0]!.properties.className).toContain('stories');
    const shown = selectAll('.story', main).find((node) => toString(node).includes(story.headline.title))!;
    const also = selectAll('.story-also li', shown).map(toString);
    for (const link of story.also) expect(also).toContain(`${link.source} ${link.title}`);
    expect(toString(select('.story-also-label', shown)!)).toBe('亦见于');
  });

  test('the home page leads each of its days with that day\'s stories', async () => {
    // The corpus's newest days hold blogs and videos, no news reported twice: the archive as it stood on 21 July 2020.
    const july = articles.filter((article) => article.data.publishedAt < new Date('2020-07-21T00:00:00+08:00'));
    const home = buildSiteModel({ articles: july, config, pathPrefix: '/', mode: 'build' }).homePages.find((candidate) => candidate.newest)!;
    const withStories = home.digest.filter((day) => day.stories.length > 0);
    expect(withStories.length).toBeGreaterThan(1);
    const julyOut = join(await mkdtemp(join(tmpdir(), 'stories-july-')), '_site');
    await buildSite({ archive: { articles: july }, config, outDir: julyOut, pathPrefix: '/' });
    const tree = fromParse5(parseHtml(await readFile(join(julyOut, 'index.html'), 'utf8'))) as Root;
    for (const day of withStories) {
      const section = selectAll('section.day', tree).find((node) => select(`[id="day-${day.key}"]`, node))!;
      expect(selectAll(':scope > section', section)[0]!.properties.className).toContain('stories');
      expect(selectAll('.story', section)).toHaveLength(day.stories.length);
    }
  });
});

describe('an article page lists the same story, then related articles', () => {
  test('RFA on the law passing lists RFI and VOA on it first, then similar articles of other sources', async () => {
    const view = viewOf('北京通过“港版国安法”');
    expect(view.sameStory.map((link) => link.source)).toEqual(expect.arrayContaining(['rfi.fr', 'voachinese.com']));
    expect(view.sameStory.findIndex((link) => link.source === view.source)).not.toBe(0);
    const tree = await page(view.url);
    const asides = selectAll('aside', tree).map((node) => String(node.properties.className));
    expect(asides.indexOf('same-story')).toBeLessThan(asides.indexOf('more-from-source'));
    expect(selectAll('.same-story li', tree).map(toString)).toEqual(view.sameStory.map((link) => `${link.source} ${link.title} ${link.dateLabel}`));
  });

  test('related articles are of any source and never the article itself or its story', () => {
    const view = viewOf('五张图为你详解法律重点');
    expect(view.related.length).toBeGreaterThan(0);
    expect(new Set(view.related.map((link) => link.source)).size).toBeGreaterThan(1);
    const story = new Set(view.sameStory.map((link) => link.url));
    expect(view.related.every((link) => link.url !== view.url && !story.has(link.url))).toBe(true);
  });

  test('every article page with related articles shows them, no page shows an empty list', async () => {
    const files = (await listFiles(out)).filter((file) => /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(file));
    const withRelated = model.articles.filter((view) => view.related.length > 0);
    expect(withRelated.length).toBeGreaterThan(model.articles.length / 2);
    for (const file of files.slice(0, 40)) {
      const html = await readFile(join(out, file), 'utf8');
      expect(html).not.toMatch(/<aside class="(same-story|related)"[^>]*>\s*<h2[^>]*>[^<]*<\/h2>\s*<ul>\s*<\/ul>/);
    }
  });
});

describe('incremental builds with stories', () => {
  test('an article joining a story re-renders the pages that show it, and the output is what a full build writes', { timeout: 240_000 }, async () => {
    const week = articles.filter((article) => article.data.publishedAt >= new Date('2020-06-28T00:00:00+08:00') && article.data.publishedAt < new Date('2020-07-03T00:00:00+08:00'));
    const joining = week.find((article) => article.data.title.includes('港人七一上街抗议国安法'))!;
    const before = week.filter((article) => article !== joining);
    const dir = await mkdtemp(join(tmpdir(), 'stories-incremental-'));
    const build = (list: Article[], outDir: string, cacheDir?: string) => buildSite({ archive: { articles: list }, config, outDir, pathPrefix: '/', ...(cacheDir ? { cacheDir } : {}) });
    const snapshot = async (folder: string) => new Map(await Promise.all((await listFiles(folder)).map(async (file) => [file, await readFile(join(folder, file), 'utf8')] as const)));

    await build(before, join(dir, 'site'), join(dir, 'cache'));
    const added = await build(week, join(dir, 'site'), join(dir, 'cache'));
    expect(added.rendered).toBeLessThan(added.pages);
    await build(week, join(dir, 'full'));
    const incremental = await snapshot(join(dir, 'site'));
    expect(incremental).toEqual(await snapshot(join(dir, 'full')));

    // The story's other articles now list the new one.
    const weekModel = buildSiteModel({ articles: week, config, pathPrefix: '/', mode: 'build' });
    const newUrl = weekModel.articles.find((view) => view.id === joining.data.id)!.url;
    const partners = weekModel.articles.filter((view) => view.sameStory.some((link) => link.url === newUrl));
    expect(partners.length).toBeGreaterThan(0);
    for (const partner of partners) expect(incremental.get(`${partner.url.slice(1)}index.html`)).toContain(newUrl);
  });
});
