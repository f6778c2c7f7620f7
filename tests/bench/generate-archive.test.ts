import { describe, expect, test } from 'vitest';
import { articleId } from '../../lib/article/article-id.ts';
import { readRawArticle } from '../../lib/read/read-raw-article.ts';
import { dayKey } from '../../lib/site/site-paths.ts';
import { zonedDate } from '../../lib/site/zoned-date.ts';
import { loadCorpusTemplates } from '../../bench/corpus-templates.ts';
import { planArchive, plannedDrop, rawArticleText } from '../../bench/generate-archive.ts';
import { midnightIn } from '../../bench/site-page-path.ts';

const timeZone = 'Asia/Shanghai';
const { templates } = await loadCorpusTemplates();
const firstDay = midnightIn(timeZone, 2015, 1, 1);

describe('planArchive', () => {
  test('the same seed gives the same archive, another seed a different one', () => {
    const once = planArchive(templates, { size: 2000, seed: 7, firstDay });
    const again = planArchive(templates, { size: 2000, seed: 7, firstDay });
    const other = planArchive(templates, { size: 2000, seed: 8, firstDay });
    expect(again).toEqual(once);
    expect(other.map((article) => article.url)).not.toEqual(once.map((article) => article.url));
  });

  test('gives exactly the size asked, every article with its own id and file', () => {
    const plan = planArchive(templates, { size: 3000, seed: 1, firstDay });
    expect(plan).toHaveLength(3000);
    expect(new Set(plan.map((article) => articleId(article.url))).size).toBe(3000);
    expect(new Set(plan.map((article) => article.file)).size).toBe(3000);
  });

  test('spreads 10–40 articles a day in the site time zone, from several sources, over years', () => {
    const plan = planArchive(templates, { size: 20_000, seed: 3, firstDay });
    const days = new Map<string, Set<string>[]>();
    const counts = new Map<string, number>();
    for (const article of plan) {
      const key = dayKey(zonedDate(new Date(article.publishedAt), timeZone));
      counts.set(key, (counts.get(key) ?? 0) + 1);
      days.set(key, [...(days.get(key) ?? []), new Set([new URL(article.url).hostname])]);
    }
    const fullDays = [...counts.values()].slice(0, -1);
    expect(Math.min(...fullDays)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...fullDays)).toBeLessThanOrEqual(40);
    const years = new Set([...counts.keys()].map((key) => key.slice(0, 4)));
    expect(years.size).toBeGreaterThan(1);
    const hostsPerDay = [...days.values()].map((sets) => new Set(sets.flatMap((set) => [...set])).size);
    expect(Math.min(...hostsPerDay)).toBeGreaterThan(3);
  });
});

describe('rawArticleText', () => {
  test('reads back as the planned title, URL and time, with the real body kept as it was', () => {
    const plan = planArchive(templates, { size: 500, seed: 11, firstDay });
    for (const article of plan) {
      const template = templates[article.template];
      if (!template) throw new Error(`no template ${article.template}`);
      const read = readRawArticle(new TextEncoder().encode(rawArticleText(article, template.body)));
      if (!read.ok) throw new Error(`${template.file}: ${read.reason}`);
      expect(read.value.title).toBe(article.title);
      expect(read.value.url).toBe(article.url);
      expect(read.value.publishedAt.getTime()).toBe(article.publishedAt);
      expect(read.value.body).toBe(template.body.trim());
    }
  });

  test('a dropped file gets a title and URL no archive article has', () => {
    const plan = planArchive(templates, { size: 1000, seed: 5, firstDay });
    const drop = plannedDrop(templates, 5, 0, Date.UTC(2024, 0, 1));
    expect(plan.some((article) => article.url === drop.url || article.title === drop.title)).toBe(false);
    expect(plannedDrop(templates, 5, 0, Date.UTC(2024, 0, 1))).toEqual(drop);
  });
});
