import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import type { Article } from '../../lib/schema/article.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import { planRender } from '../../lib/render/render-plan.ts';
import { buildSiteModel } from '../../lib/site/site-model.ts';
import siteConfigInput from '../../site.config.ts';
import { loadCorpusArticles } from './corpus-archive.ts';
import { handMadeArticles, testConfig } from './hand-made-articles.ts';
import { listFiles } from './site-files.ts';

// The calendar side of the real corpus, built under a prefix: month, year, day and archive pages.
const config = siteConfigSchema.parse(siteConfigInput);
const corpus = await loadCorpusArticles(config);
const articles: Article[] = 'articles' in corpus ? corpus.articles : [];
const work = await mkdtemp(join(tmpdir(), 'date-archive-'));
const outDir = join(work, 'site');
// The GitHub Pages prefix the other site tests use. The archive page is `/years/`, not `/archive/`: a link equal to
// the prefix is taken as the site's root, so under `/archive/` a page there could not be linked.
const prefix = '/archive/';
const pages = new Map<string, Root>();
/** Article page paths (prefix stripped) by their day, `2020/07/14`, read from the output folder. */
const articlesByDay = new Map<string, string[]>();

beforeAll(async () => {
  await buildSite({ archive: { articles }, config, outDir, pathPrefix: prefix });
  for (const file of await listFiles(outDir)) {
    if (!file.endsWith('.html')) continue;
    pages.set(file, fromHtml(await readFile(join(outDir, file), 'utf8')));
    const day = /^(\d{4}\/\d\d\/\d\d)\/[^/]+\/index\.html$/.exec(file)?.[1];
    if (day) articlesByDay.set(day, [...(articlesByDay.get(day) ?? []), `/${file.replace(/index\.html$/, '')}`]);
  }
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const page = (file: string): Root => {
  const tree = pages.get(file);
  if (!tree) throw new Error(`${file} was not built`);
  return tree;
};
const hrefs = (nodes: Element[]): string[] => nodes.map((node) => String(node.properties.href).slice(prefix.length - 1));
const files = (pattern: RegExp): string[] => [...pages.keys()].filter((file) => pattern.test(file)).sort();

describe.skipIf('unavailable' in corpus)('the date archive of the corpus', () => {
  test('a month page lists every article of its month once, under its day, one line each: time, source, title', () => {
    const months = files(/^\d{4}\/\d\d\/index\.html$/);
    expect(months.length).toBeGreaterThan(1);
    for (const file of months) {
      const tree = page(file);
      const month = file.slice(0, 7);
      const expected = [...articlesByDay].filter(([day]) => day.startsWith(month)).flatMap(([, paths]) => paths);
      const listed = hrefs(selectAll('.month-entries li > a', tree));
      expect(listed.sort()).toEqual(expected.sort());
      for (const day of selectAll('.month-day', tree)) {
        const dayUrl = hrefs(selectAll('.month-day-title a', day))[0]!;
        for (const href of hrefs(selectAll('.month-entries li > a', day))) expect(href.startsWith(dayUrl)).toBe(true);
        const times = selectAll('.month-entries time', day).map((node) => String(node.properties.dateTime));
        expect(times).toEqual([...times].sort().reverse());
      }
      for (const line of selectAll('.month-entries li', tree)) {
        expect(toText(select('time', line)!)).toMatch(/^\d\d:\d\d$/);
        expect(toText(select('.month-source', line)!).trim()).not.toBe('');
        expect(select('.entry-summary, img', line)).toBeUndefined();
      }
    }
  });

  test('a year page is a calendar: every day of each month, and each day with articles links to it with its count', () => {
    for (const file of files(/^\d{4}\/index\.html$/)) {
      const year = file.slice(0, 4);
      const tree = page(file);
      for (const month of selectAll('.calendar-month', tree)) {
        const monthPath = hrefs(selectAll('h2 a', month))[0]!;
        const [, y, m] = /^\/(\d{4})\/(\d\d)\/$/.exec(monthPath)!;
        expect(y).toBe(year);
        const length = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
        // A cell reads its day, then (linked days) its count: `14` `3`.
        const cells = selectAll('tbody td', month).map((cell) => {
          const count = select('.day-count', cell);
          const text = toText(cell).trim();
          return count ? text.slice(0, -toText(count).length) : text;
        });
        expect(cells.filter((text) => text !== '').map((text) => Number.parseInt(text, 10))).toEqual(Array.from({ length }, (_, index) => index + 1));
        // Monday first: the first day sits under its weekday.
        expect(cells.findIndex((text) => text !== '')).toBe((new Date(Date.UTC(Number(y), Number(m) - 1, 1)).getUTCDay() + 6) % 7);
        let total = 0;
        for (const link of selectAll('tbody a', month)) {
          const day = String(link.properties.href).slice(prefix.length, -1);
          const count = Number(toText(select('.day-count', link)!));
          expect(count).toBe(articlesByDay.get(day)?.length);
          total += count;
        }
        const expected = [...articlesByDay].filter(([day]) => day.startsWith(`${y}/${m}`)).reduce((sum, [, paths]) => sum + paths.length, 0);
        expect(total).toBe(expected);
        expect(toText(select('h2 .count', month)!)).toContain(String(expected));
      }
    }
  });

  test('breadcrumbs show the whole path on day, month and article pages', () => {
    const [day] = [...articlesByDay.keys()].sort();
    const [y, m, d] = day!.split('/');
    const crumbs = (file: string) => hrefs(selectAll('.breadcrumb a', page(file)));
    const path = ['/', `/${y}/`, `/${y}/${m}/`, `/${y}/${m}/${d}/`];
    expect(crumbs(`${day}/index.html`)).toEqual(path);
    expect(crumbs(`${y}/${m}/index.html`)).toEqual(path.slice(0, 3));
    expect(crumbs(`${y}/index.html`)).toEqual(path.slice(0, 2));
    const article = `${articlesByDay.get(day!)![0]!.slice(1)}index.html`;
    expect(crumbs(article).slice(0, 4)).toEqual(path);
    expect(select('.breadcrumb .article-source', page(article))).toBeDefined();
    const labels = selectAll('.breadcrumb li', page(`${day}/index.html`)).map((node) => toText(node));
    expect(labels).toEqual([config.language.startsWith('zh') ? '首页' : 'Home', `${y}年`, `${Number(m)}月`, `${Number(d)}日`]);
    expect(select('.breadcrumb [aria-current="page"]', page(`${day}/index.html`))?.properties.href).toBe(`${prefix}${day}/`);
  });

  test('pager links say where they lead: the neighbouring day, month or year, or the days an older page holds', () => {
    const months = files(/^\d{4}\/\d\d\/index\.html$/);
    const older = select('.pager-older', page(months.at(-1)!))!;
    expect(toText(older)).toContain(toText(select('h1', page(months.at(-2)!))!).replace(/\s*\d+\s*篇$/, '').trim());
    const olderHome = select('.pager-older', page('index.html'));
    if (olderHome) expect(toText(olderHome)).toMatch(/第 \d+ 页 · \d{4}年\d+月\d+日/);
  });

  test('the archive page lists every year with its months and counts; the header links to it, not to each year', () => {
    const tree = page('years/index.html');
    const years = files(/^\d{4}\/index\.html$/).map((file) => `/${file.slice(0, 5)}`);
    expect(hrefs(selectAll('.archive-year h2 a', tree))).toEqual([...years].reverse());
    const months = files(/^\d{4}\/\d\d\/index\.html$/).map((file) => `/${file.slice(0, 8)}`);
    expect(hrefs(selectAll('.archive-months a', tree)).sort()).toEqual(months.sort());
    const nav = hrefs(selectAll('.site-nav a', page('index.html')));
    expect(nav).toContain('/years/');
    expect(nav.filter((href) => /^\/\d{4}\/$/.test(href))).toEqual([]);
  });
});

describe('month pages and incremental builds', () => {
  test('a month page is rendered again when the title of one of its articles changes, and no other month is', () => {
    const all = handMadeArticles(400);
    const model = (list: Article[]) => buildSiteModel({ articles: list, config: testConfig, pathPrefix: '/', mode: 'build' });
    const before = model(all);
    expect(before.months.length).toBeGreaterThan(1);
    const target = all.length - 1;
    const renamed = all.map((article, index) => (index === target ? { ...article, data: { ...article.data, title: 'A new title' } } : article));
    const after = model(renamed);
    const previous = planRender(before, 'shared', undefined, new Set()).manifest;
    const existing = new Set(Object.values(previous.pages).flatMap((entry) => entry.files));
    const plan = planRender(after, 'shared', previous, existing);
    const month = after.articles.find((view) => view.title === 'A new title')!.dayKey.slice(0, 7);
    expect(plan.render.months.map((item) => item.key)).toEqual([month]);
    expect(plan.render.years.map((item) => item.key)).toEqual([]);
  });
});
