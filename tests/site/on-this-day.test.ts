import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../lib/render/build-site.ts';
import { planRender } from '../../lib/render/render-plan.ts';
import { buildSiteModel } from '../../lib/site/site-model.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import type { Article } from '../../lib/schema/article.ts';
import siteConfigInput from '../../site.config.ts';
import { loadCorpusArticles } from './corpus-archive.ts';
import { handMadeArticles, testConfig } from './hand-made-articles.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'on-this-day-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const readDay = async (dir: string, key: string) => fromHtml(await readFile(join(dir, key.replaceAll('-', '/'), 'index.html'), 'utf8'));
/** What a day page's "on this day" links say: `href label count`. */
const onThisDay = (page: ReturnType<typeof fromHtml>) =>
  selectAll('.on-this-day li', page).map((item) => `${String(select('a', item)?.properties.href)} ${toString(item)}`);

/** Each day of the articles in the site's zone, with its count: computed here from the articles, not from the model. */
function dayCounts(articles: Article[], timeZone: string): Map<string, number> {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const counts = new Map<string, number>();
  for (const article of articles) {
    const key = format.format(article.data.publishedAt);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('on this day', () => {
  test('a day page links to the same date in every other year the archive has, oldest first, with counts', async () => {
    const instants = ['2022-07-14T02:00:00Z', '2020-07-15T02:00:00Z', '2020-07-14T03:00:00Z', '2020-07-14T02:00:00Z', '2018-07-14T02:00:00Z', '2018-02-28T02:00:00Z'];
    const articles = handMadeArticles(instants.length).map((article, index) => ({ ...article, data: { ...article.data, publishedAt: new Date(instants[index]!) } }));
    const outDir = join(work, 'hand-made');
    await buildSite({ archive: { articles }, config: testConfig, outDir });
    const page2020 = await readDay(outDir, '2020-07-14');
    expect(toString(select('.on-this-day h2', page2020)!)).toBe('历年今日');
    expect(onThisDay(page2020)).toEqual(['/2018/07/14/ 2018年 1 篇', '/2022/07/14/ 2022年 1 篇']);
    expect(onThisDay(await readDay(outDir, '2022-07-14'))).toEqual(['/2018/07/14/ 2018年 1 篇', '/2020/07/14/ 2020年 2 篇']);
    // A date no other year has gets no section at all.
    for (const key of ['2020-07-15', '2018-02-28']) expect(select('.on-this-day', await readDay(outDir, key))).toBeUndefined();
  });

  test('a new year of a date renders that date again in the other years, and no other day page', () => {
    const at = (instants: string[]) => handMadeArticles(instants.length).map((article, index) => ({ ...article, data: { ...article.data, publishedAt: new Date(instants[index]!) } }));
    const [added, ...before] = at(['2022-07-14T02:00:00Z', '2020-07-14T02:00:00Z', '2020-07-13T02:00:00Z', '2018-07-14T02:00:00Z']);
    const after = [added!, ...before];
    const modelOf = (articles: Article[]) => buildSiteModel({ articles, config: testConfig, pathPrefix: '/', mode: 'build' });
    const previous = planRender(modelOf(before), 'shared', undefined, new Set()).manifest;
    const existing = new Set(Object.values(previous.pages).flatMap((page) => page.files));
    const days = planRender(modelOf(after), 'shared', previous, existing).render.days.map((day) => day.url);
    // The new day, and the two days of the same date; 2020-07-13 is not touched.
    expect(days.sort()).toEqual(['/2018/07/14/', '/2020/07/14/', '/2022/07/14/']);
  });

  const config = siteConfigSchema.parse(siteConfigInput);
  test('on the real corpus, every day page lists exactly the other years of its month and day', async (context) => {
    const corpus = await loadCorpusArticles(config);
    if ('unavailable' in corpus) return context.skip(`corpus: ${corpus.unavailable}`);
    const outDir = join(work, 'corpus');
    await buildSite({ archive: { articles: corpus.articles }, config, outDir });
    const counts = dayCounts(corpus.articles, config.timeZone);
    let linked = 0;
    for (const key of counts.keys()) {
      const expected = [...counts]
        .filter(([other]) => other !== key && other.slice(5) === key.slice(5))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([other, count]) => `/${other.replaceAll('-', '/')}/ ${other.slice(0, 4)}年 ${count} 篇`);
      expect(onThisDay(await readDay(outDir, key))).toEqual(expected);
      linked += expected.length;
    }
    // The corpus spans several years: some dates do come back.
    expect(linked).toBeGreaterThan(0);
  });
});
