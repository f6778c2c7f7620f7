import { mkdtemp, readFile, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BodyStore } from '../../lib/archive/body-store.ts';
import { storedArticle } from '../../lib/archive/archived-article.ts';
import { buildSite, defaultTemplatesDir } from '../../lib/render/build-site.ts';
import { buildSiteModel } from '../../lib/site/site-model.ts';
import type { Article } from '../../lib/schema/article.ts';
import { handMadeArticles, hostileTitle, testConfig } from '../site/hand-made-articles.ts';
import { listFiles } from '../site/site-files.ts';

const dayInZone = new Intl.DateTimeFormat('en-CA', { timeZone: testConfig.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
const dayOf = (article: Article): string => dayInZone.format(article.data.publishedAt);
const readPage = async (dir: string, url: string) => fromHtml(await readFile(join(dir, decodeURI(url), 'index.html'), 'utf8'));
/** The ids of the articles a listing links to, in order (the home page's digest included). */
const listedIds = (page: ReturnType<typeof fromHtml>) => selectAll('.entry-title a', page).map((link) => String(link.properties.href).match(/([0-9a-f]{12})\/$/)?.[1]);
// What XML 1.0 can carry of the hostile title (it has a U+0001 control character).
const hostileAsXml = hostileTitle.replace('\u0001', '');

let work: string;
let outDir: string;
const articles = handMadeArticles(24);
const model = buildSiteModel({ articles, config: testConfig, pathPrefix: '/', mode: 'build' });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'site-build-'));
  outDir = join(work, '_site');
  await buildSite({ archive: { articles }, config: testConfig, outDir });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('pages', () => {
  test('every article has its page under its day in the site time zone, ending in its id', async () => {
    for (const article of articles) {
      const view = model.articles.find((candidate) => candidate.id === article.data.id);
      expect(view?.url.startsWith(`/${dayOf(article).replaceAll('-', '/')}/`)).toBe(true);
      expect(view?.url.endsWith(`${article.data.id}/`)).toBe(true);
      const page = await readPage(outDir, view!.url);
      expect(toString(select('h1', page)!)).toBe(article.data.title.replace('\u0001', ''));
      expect(select('article', page)?.properties.lang).toBe(article.data.lang);
      expect(select('time', page)?.properties.dateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    }
  });

  test('every day has a digest page listing exactly that day’s articles', async () => {
    const days = new Map<string, Set<string>>();
    for (const article of articles) days.set(dayOf(article), (days.get(dayOf(article)) ?? new Set()).add(article.data.id));
    for (const [day, ids] of days) {
      const page = await readPage(outDir, `/${day.replaceAll('-', '/')}/`);
      const listed = selectAll('.entry-title a', page).map((link) => String(link.properties.href).match(/([0-9a-f]{12})\/$/)?.[1]);
      expect(new Set(listed)).toEqual(ids);
    }
  });

  test('the home page shows the newest days, then the newest of the older articles; older pages count from the oldest', async () => {
    const home = await readPage(outDir, '/');
    // The newest days until they hold homeArticles articles (the hand-made days are a few hours apart, within the span).
    const newestDays: string[] = [];
    for (const day of new Set(articles.map(dayOf))) {
      if (articles.filter((article) => newestDays.includes(dayOf(article))).length >= testConfig.homeArticles) break;
      newestDays.push(day);
    }
    const dayLinks = selectAll('.day-title a', home).map((link) => link.properties.href);
    expect(dayLinks).toEqual(newestDays.map((day) => `/${day.replaceAll('-', '/')}/`));
    const older = articles.filter((article) => !newestDays.includes(dayOf(article))).map((article) => article.data.id);
    const pages = Math.floor(older.length / testConfig.perPage);
    expect(pages).toBeGreaterThan(2);
    // After its digest, the home page lists the rest with one full page; page 1 holds the oldest articles.
    const onHome = older.length - (pages - 1) * testConfig.perPage;
    expect(listedIds(home).slice(-onHome)).toEqual(older.slice(0, onHome));
    expect(listedIds(await readPage(outDir, '/page/1/'))).toEqual(older.slice(-testConfig.perPage));
    expect(existsSync(join(outDir, 'page', String(pages - 1), 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'page', String(pages)))).toBe(false);
  });

  test('each source has its newest page at its URL, older pages counted from the oldest, and its own feeds', async () => {
    for (const source of model.sources) {
      const ids = articles.filter((article) => article.data.source === source.name).map((article) => article.data.id);
      const pages = Math.max(1, Math.floor(ids.length / testConfig.perPage));
      const dir = join(outDir, decodeURI(source.url));
      expect(listedIds(await readPage(outDir, source.url))).toEqual(ids.slice(0, ids.length - (pages - 1) * testConfig.perPage));
      if (pages > 1) expect(listedIds(await readPage(outDir, `${source.url}page/1/`))).toEqual(ids.slice(-testConfig.perPage));
      expect(existsSync(join(dir, 'page', String(pages - 1), 'index.html'))).toBe(pages > 1);
      expect(existsSync(join(dir, 'page', String(pages)))).toBe(false);
      expect(XMLValidator.validate(await readFile(join(outDir, decodeURI(source.feedAtom)), 'utf8'))).toBe(true);
    }
  });

  test('sitemap, robots.txt and 404 page exist', async () => {
    const sitemap = await readFile(join(outDir, 'sitemap.xml'), 'utf8');
    expect(XMLValidator.validate(sitemap)).toBe(true);
    const locs = new XMLParser().parse(sitemap).urlset.url.map((entry: { loc: string }) => entry.loc);
    expect(locs).toContain(`${testConfig.url}/`);
    expect(locs.length).toBeGreaterThan(articles.length);
    expect(await readFile(join(outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${testConfig.url}/sitemap.xml`);
    expect(existsSync(join(outDir, '404.html'))).toBe(true);
  });

  test('a sitemap of more URLs than one file may hold is an index of files of at most that many', async () => {
    const split = join(work, 'split-sitemap');
    await buildSite({ archive: { articles }, config: testConfig, outDir: split, sitemapUrlsPerFile: 10 });
    const whole = new XMLParser().parse(await readFile(join(outDir, 'sitemap.xml'), 'utf8')).urlset.url.map((entry: { loc: string }) => entry.loc);
    const index = await readFile(join(split, 'sitemap.xml'), 'utf8');
    expect(XMLValidator.validate(index)).toBe(true);
    const files = [new XMLParser().parse(index).sitemapindex.sitemap].flat().map((entry: { loc: string }) => entry.loc);
    expect(files).toEqual(Array.from({ length: Math.ceil(whole.length / 10) }, (_, index) => `${testConfig.url}/sitemap-${index + 1}.xml`));
    const listed: string[] = [];
    for (const file of files) {
      const part = await readFile(join(split, new URL(file).pathname), 'utf8');
      expect(XMLValidator.validate(part)).toBe(true);
      const locs = [new XMLParser().parse(part).urlset.url].flat().map((entry: { loc: string }) => entry.loc);
      expect(locs.length).toBeLessThanOrEqual(10);
      listed.push(...locs);
    }
    expect(listed).toEqual(whole);
    // One file is enough for the site above: no parts beside it.
    expect(existsSync(join(outDir, 'sitemap-1.xml'))).toBe(false);
  });

  test('the stylesheet every page links to is copied, with search and without', async () => {
    const plain = join(work, 'plain');
    await buildSite({ archive: { articles: handMadeArticles(3) }, config: { ...testConfig, search: false }, outDir: plain });
    const style = await readFile(join(defaultTemplatesDir, 'assets', 'style.css'), 'utf8');
    for (const dir of [outDir, plain]) {
      expect(select('link[rel="stylesheet"]', fromHtml(await readFile(join(dir, 'index.html'), 'utf8')))?.properties.href).toBe('/assets/style.css');
      expect(await readFile(join(dir, 'assets', 'style.css'), 'utf8')).toBe(style);
    }
  });
});

describe('escaping', () => {
  test('hostile titles are text in HTML: no script, template syntax not evaluated', async () => {
    const hostile = model.articles.find((view) => view.title.includes('<script>'))!;
    const html = await readFile(join(outDir, hostile.url, 'index.html'), 'utf8');
    const page = fromHtml(html);
    expect(selectAll('script', page)).toHaveLength(0);
    expect(toString(select('title', page)!)).toContain(hostileAsXml);
    expect(toString(select('.article-body', page)!)).toContain('{{ 7*7 }}');
    expect(toString(select('h1', page)!)).toContain('{{ 7*7 }}');
  });

  test('the Atom feed is well-formed XML carrying hostile titles as text', async () => {
    const xml = await readFile(join(outDir, 'feed.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(xml).feed;
    expect(feed.entry).toHaveLength(testConfig.feedSize);
    const titles = feed.entry.map((entry: { title: string }) => String(entry.title));
    expect(titles).toContain(hostileAsXml);
    for (const entry of feed.entry) expect(entry.id).toMatch(/^https:\/\/example\.org\/\d{4}\/\d\d\/\d\d\//);
  });

  test('the JSON feed parses and carries the same titles with absolute URLs', async () => {
    const feed = JSON.parse(await readFile(join(outDir, 'feed.json'), 'utf8'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((item: { title: string }) => item.title)).toContain(hostileAsXml);
    for (const item of feed.items) expect(new URL(item.url).origin).toBe(testConfig.url);
  });

  test('front matter-like text in a body is just text, not Eleventy data', async () => {
    const [first] = handMadeArticles(1);
    const sneaky: Article = { data: { ...first!.data }, html: '<p>---\npermalink: /evil/\nlayout: nope\n---</p>' };
    const dir = join(work, 'sneaky');
    await buildSite({ archive: { articles: [sneaky] }, config: testConfig, outDir: dir });
    expect(existsSync(join(dir, 'evil'))).toBe(false);
    expect(await listFiles(dir)).toContain(`${model.articles[0]!.url.slice(1)}index.html`);
  });
});

describe('rebuilds', () => {
  test('removing an article and rebuilding leaves no stale page behind', async () => {
    const dir = join(work, 'rebuild');
    await buildSite({ archive: { articles }, config: testConfig, outDir: dir });
    const removed = model.articles[5]!;
    expect(existsSync(join(dir, removed.url, 'index.html'))).toBe(true);
    await buildSite({ archive: { articles: articles.filter((article) => article.data.id !== removed.id) }, config: testConfig, outDir: dir });
    expect(existsSync(join(dir, removed.url))).toBe(false);
    const feed = await readFile(join(dir, 'feed.json'), 'utf8');
    expect(feed).not.toContain(removed.url);
  });

  test('a failing build leaves the previous output as it was, and no temporary folder', async () => {
    const dir = join(work, 'kept');
    await buildSite({ archive: { articles }, config: testConfig, outDir: dir });
    const before = await listFiles(dir);
    const broken = join(work, 'broken-templates');
    await cp(defaultTemplatesDir, broken, { recursive: true });
    await writeFile(join(broken, 'broken.njk'), '{% if %}');
    await expect(buildSite({ archive: { articles: articles.slice(3) }, config: testConfig, outDir: dir, templatesDir: broken })).rejects.toThrow();
    expect(await listFiles(dir)).toEqual(before);
    const siblings = (await listFiles(work)).filter((file) => file.startsWith('.kept'));
    expect(siblings).toEqual([]);
  });

  test('an article keeps its URL when other articles are added or removed', () => {
    const fewer = buildSiteModel({ articles: articles.filter((_, index) => index % 3 !== 0), config: testConfig, pathPrefix: '/', mode: 'build' });
    const urls = new Map(model.articles.map((view) => [view.id, view.url]));
    for (const view of fewer.articles) expect(view.url).toBe(urls.get(view.id));
  });
});

describe('path prefix', () => {
  test('pages, feeds and sitemap carry the prefix', async () => {
    const dir = join(work, 'prefixed');
    await mkdir(dir, { recursive: true });
    await buildSite({ archive: { articles }, config: testConfig, outDir: dir, pathPrefix: '/archive/' });
    const home = await readPage(dir, '/');
    expect(select('link[rel=stylesheet]', home)?.properties.href).toBe('/archive/assets/style.css');
    for (const link of selectAll('a[href^="/"]', home)) expect(String(link.properties.href).startsWith('/archive/')).toBe(true);
    const feed = JSON.parse(await readFile(join(dir, 'feed.json'), 'utf8'));
    expect(feed.feed_url).toBe(`${testConfig.url}/archive/feed.json`);
    expect(await readFile(join(dir, 'sitemap.xml'), 'utf8')).toContain(`<loc>${testConfig.url}/archive/</loc>`);
    const notFound = fromHtml(await readFile(join(dir, '404.html'), 'utf8'));
    expect(select('main a[href]', notFound)?.properties.href).toBe('/archive/');
  });

  test('a body read from the body store goes into its page byte for byte, at the root and under a prefix', async () => {
    const store = new BodyStore(join(work, 'stored-cache'));
    const writer = store.writer();
    const bodies = articles.map((article, index) => `<p>正文 ${index} — “引号” 😀 <a href="https://news.example.com/${index}">link</a></p>${article.html}`);
    const refs = bodies.map((html) => writer.add(html));
    writer.close();
    const stored = articles.map((article, index) => storedArticle(article.data, refs[index]!, store));
    for (const pathPrefix of ['/', '/archive/']) {
      const dir = join(work, `stored${pathPrefix.replaceAll('/', '-')}`);
      await buildSite({ archive: { articles: stored }, config: testConfig, outDir: dir, pathPrefix });
      const views = buildSiteModel({ articles: stored, config: testConfig, pathPrefix, mode: 'build' }).articles;
      for (const [index, article] of articles.entries()) {
        const url = views.find((view) => view.id === article.data.id)!.url;
        const page = await readFile(join(dir, decodeURI(url), 'index.html'));
        expect(page.includes(Buffer.from(bodies[index]!, 'utf8')), url).toBe(true);
      }
    }
    store.close();
  });

  test('an article body goes into its page as cleaned, after the prefix transform, and no marker stays behind', async () => {
    const body = '<p>See <a href="https://news.example.com/a/b.html#top">the source</a> and <a href="#notes">the notes</a>.</p><p><video src="https://media.example.com/v.mp4" controls></video></p>';
    const withLinks = articles.map((article, index) => (index === 0 ? { ...article, html: body } : article));
    const model = buildSiteModel({ articles: withLinks, config: testConfig, pathPrefix: '/archive/', mode: 'build' });
    const dir = join(work, 'prefixed-body');
    await buildSite({ archive: { articles: withLinks }, config: testConfig, outDir: dir, pathPrefix: '/archive/' });
    const page = await readFile(join(dir, model.articles.find((view) => view.id === articles[0]!.data.id)!.url.replace(/^\/archive\//, ''), 'index.html'), 'utf8');
    expect(page).toContain(body);
    expect(select('.article-body', fromHtml(page))).toBeDefined();
    for (const file of (await listFiles(dir)).filter((name) => name.endsWith('.html'))) {
      expect(await readFile(join(dir, file), 'utf8'), file).not.toContain('<!--article-body:');
    }
  });
});
