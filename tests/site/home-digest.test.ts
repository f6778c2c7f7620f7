import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../lib/render/build-site.ts';
import { buildSiteModel } from '../../lib/site/site-model.ts';
import type { Article } from '../../lib/schema/article.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { handMadeArticles, testConfig } from './hand-made-articles.ts';

const work: string[] = [];
afterAll(async () => {
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

/** Hand-made articles moved to the given instants, newest first. */
const articlesAt = (instants: string[]): Article[] =>
  handMadeArticles(instants.length).map((article, index) => ({ ...article, data: { ...article.data, publishedAt: new Date(instants[index]!) } }));

async function homeOf(articles: Article[], config = testConfig) {
  const dir = await mkdtemp(join(tmpdir(), 'home-digest-'));
  work.push(dir);
  await buildSite({ archive: { articles }, config, outDir: dir });
  return fromHtml(await readFile(join(dir, 'index.html'), 'utf8'));
}
const dayLinks = (page: ReturnType<typeof fromHtml>) => selectAll('.day-title a', page).map((link) => String(link.properties.href));
const listedIds = (page: ReturnType<typeof fromHtml>) => selectAll('.entry-title a', page).map((link) => String(link.properties.href).match(/([0-9a-f]{12})\/$/)?.[1]);

describe('the home digest is sized by articles', () => {
  test('three days with one article each, two years apart: the digest is the newest day alone, the rest are older articles', async () => {
    const articles = articlesAt(['2022-07-14T02:00:00Z', '2020-07-14T02:00:00Z', '2018-07-14T02:00:00Z']);
    const home = await homeOf(articles);
    expect(dayLinks(home)).toEqual(['/2022/07/14/']);
    // The digest's one article, then the two older ones under "older articles".
    expect(listedIds(home)).toEqual(articles.map((article) => article.data.id));
    expect(toString(select('.section-title', home)!)).toBe('更早的文章');
  });

  test('the newest days until they hold at least homeArticles articles, and no day more', async () => {
    const articles = handMadeArticles(40);
    const model = buildSiteModel({ articles, config: testConfig, pathPrefix: '/', mode: 'build' });
    const digest = model.homePages[0]!.digest;
    const held = digest.reduce((sum, day) => sum + day.count, 0);
    expect(held).toBeGreaterThanOrEqual(testConfig.homeArticles);
    expect(held - digest.at(-1)!.count).toBeLessThan(testConfig.homeArticles);
    expect(digest.map((day) => day.key)).toEqual(model.days.slice(0, digest.length).map((day) => day.key));
    const home = await homeOf(articles);
    expect(dayLinks(home)).toEqual(digest.map((day) => day.url));
  });

  test('never a day homeSpanDays or more before the newest, however few articles the digest holds', () => {
    const config = siteConfigSchema.parse({ ...testConfig, homeArticles: 100, homeSpanDays: 7 });
    // One article a day, 2020-07-14 back to 2020-07-01 (Beijing time).
    const instants = Array.from({ length: 14 }, (_, index) => new Date(Date.UTC(2020, 6, 14 - index, 2)).toISOString());
    const model = buildSiteModel({ articles: articlesAt(instants), config, pathPrefix: '/', mode: 'build' });
    expect(model.homePages[0]!.digest.map((day) => day.key)).toEqual(['2020-07-14', '2020-07-13', '2020-07-12', '2020-07-11', '2020-07-10', '2020-07-09', '2020-07-08']);
    // The older pages are the same archive of everything after the digest, counted from the oldest.
    expect(model.homePages.flatMap((page) => page.articles.map((view) => view.dayKey))).toEqual(instants.slice(7).map((instant) => instant.slice(0, 10)));
  });
});

describe('the home page says how fresh it is', () => {
  test("the newest article's time, absolute and in the site's zone, in a <time datetime>", async () => {
    const articles = articlesAt(['2020-07-14T02:11:00Z', '2020-07-13T02:00:00Z']);
    const home = await homeOf(articles);
    const freshness = select('.freshness', home)!;
    expect(toString(freshness)).toBe('更新于 2020年7月14日周二 10:11 北京时间');
    expect(select('time', freshness)?.properties.dateTime).toBe('2020-07-14T10:11:00+08:00');
  });

  test('in English too, and not on an empty archive', async () => {
    const config = siteConfigSchema.parse({ ...testConfig, language: 'en', timeZone: 'UTC' });
    const home = await homeOf(articlesAt(['2020-07-14T02:11:00Z']), config);
    expect(toString(select('.freshness', home)!)).toBe('Updated Tue, July 14, 2020 02:11 UTC');
    const empty = await homeOf([]);
    expect(toString(select('main', empty) ?? empty)).toContain('还没有文章。');
    expect(select('.freshness', empty)).toBeUndefined();
  });
});
