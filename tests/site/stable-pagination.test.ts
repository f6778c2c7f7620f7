import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../../lib/render/build-site.ts';
import { planRender, type RenderManifest } from '../../lib/render/render-plan.ts';
import { buildSiteModel, type ListPage, type SiteModel } from '../../lib/site/site-model.ts';
import { dayRangeLabel } from '../../lib/site/date-labels.ts';
import { fillCount } from '../../lib/site/ui-strings.ts';
import type { Article } from '../../lib/schema/article.ts';
import { handMadeArticles, testConfig } from './hand-made-articles.ts';
import { listFiles } from './site-files.ts';

const perPage = testConfig.perPage;
const modelOf = (articles: Article[]): SiteModel => buildSiteModel({ articles, config: testConfig, pathPrefix: '/', mode: 'build' });

/** Each paginated list of the model (the home archive, each source) by its root URL, pages newest first. */
function lists(model: SiteModel): Map<string, ListPage[]> {
  const byRoot = new Map<string, ListPage[]>([['/', model.homePages]]);
  for (const page of model.sourcePages) byRoot.set(page.source.url, [...(byRoot.get(page.source.url) ?? []), page]);
  return byRoot;
}

describe('pages counted from the oldest', () => {
  test('older pages hold exactly perPage articles, the newest holds the rest with one full page', () => {
    const all = handMadeArticles(3 * 3 * perPage);
    for (let count = 1; count <= all.length; count++) {
      for (const [root, pages] of lists(modelOf(all.slice(all.length - count)))) {
        const [newest, ...older] = pages;
        const total = pages.reduce((sum, page) => sum + page.articles.length, 0);
        expect(newest?.url).toBe(root);
        expect(newest?.newest).toBe(true);
        expect(newest?.articles.length).toBeLessThanOrEqual(2 * perPage - 1);
        if (older.length > 0) expect(newest?.articles.length).toBeGreaterThanOrEqual(perPage);
        older.forEach((page, index) => {
          expect(page.newest).toBe(false);
          expect(page.pageNumber).toBe(older.length - index);
          expect(page.url).toBe(`${root}page/${page.pageNumber}/`);
          expect(page.articles).toHaveLength(perPage);
        });
        // Newest first across pages and within each, every article once.
        const ids = pages.flatMap((page) => page.articles.map((view) => view.id));
        expect(new Set(ids).size).toBe(total);
        const times = pages.flatMap((page) => page.articles.map((view) => view.datetime));
        expect(times).toEqual([...times].sort().reverse());
      }
    }
  });

  test('older and newer links walk the pages in order; only the newest page is labelled without a number', () => {
    const model = modelOf(handMadeArticles(60));
    for (const pages of lists(model).values()) {
      pages.forEach((page, index) => {
        expect(page.older?.url).toBe(pages[index + 1]?.url);
        expect(page.newer?.url).toBe(pages[index - 1]?.url);
      });
      const [newest, second] = pages;
      if (second) expect(second.newer?.label).toBe(newest === model.homePages[0] ? model.ui.latest : model.ui.latestArticles);
      // An older page is linked by its number and the days it holds.
      const days = (page: ListPage): string => dayRangeLabel(page.articles.at(-1)!.dayKey, page.articles[0]!.dayKey, testConfig.language);
      if (pages[2]) expect(pages[2].newer?.label).toBe(`${fillCount(model.ui.page, second!.pageNumber)} · ${days(second!)}`);
      if (second) expect(newest!.older?.label).toBe(`${fillCount(model.ui.page, second.pageNumber)} · ${days(second)}`);
    }
  });

  test('adding the newest article re-renders no older page, except the one below the newest when the newest splits', () => {
    const all = handMadeArticles(90);
    let before = modelOf(all.slice(30));
    let manifest: RenderManifest = planRender(before, 'shared', undefined, new Set()).manifest;
    const splits = new Set<string>();
    for (let added = 29; added >= 0; added--) {
      const after = modelOf(all.slice(added));
      const existing = new Set(Object.values(manifest.pages).flatMap((page) => page.files));
      const plan = planRender(after, 'shared', manifest, existing);
      const rendered = new Set([...plan.render.homePages, ...plan.render.sourcePages].map((page) => page.url));
      const previous = lists(before);
      for (const [root, pages] of lists(after)) {
        const newestBefore = previous.get(root)?.[0]?.pageNumber ?? 1;
        const split = pages[0]!.pageNumber > newestBefore;
        if (split) splits.add(root === '/' ? 'home' : 'source');
        for (const page of pages.slice(1)) {
          // Pages that existed before and are older than the one below the newest never change.
          if (page.pageNumber < newestBefore - 1 || (page.pageNumber === newestBefore - 1 && !split)) expect(rendered, `${page.url} after adding ${added}`).not.toContain(page.url);
        }
      }
      before = after;
      manifest = plan.manifest;
    }
    expect(splits).toEqual(new Set(['home', 'source']));
  });

  test('a rebuild after a new article renders only what it shows, and leaves every older page byte for byte', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stable-pages-'));
    const out = join(dir, '_site');
    const cacheDir = join(dir, 'cache');
    const all = handMadeArticles(90);
    const [newest, ...rest] = all;
    const build = (articles: Article[]) => buildSite({ archive: { articles }, config: testConfig, outDir: out, cacheDir });
    const listPages = async () => {
      const files = (await listFiles(out)).filter((file) => /(^|\/)page\/\d+\/index\.html$/.test(file));
      return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(out, file), 'utf8')] as const)));
    };

    await build(rest);
    const older = await listPages();
    const model = modelOf(all);
    const planned = planRender(model, 'shared', planRender(modelOf(rest), 'shared', undefined, new Set()).manifest, new Set(await listFiles(out)));
    const added = await build(all);

    // The new article's source (BBC, 29 → 30 articles) splits its newest page: page 9 appears and page 8 links to it.
    // The new article fills its day to homeArticles (3 → 4), so the day before leaves the digest for the home
    // archive (83 → 86 articles), whose newest page splits the same way: page 27 appears and page 26 links to it.
    const source = model.sourcePages.find((page) => page.newest && page.source.name === newest!.data.source)!;
    expect(source.pageNumber).toBe(10);
    const olderNow = await listPages();
    const changed = [...older.keys()].filter((file) => olderNow.get(file) !== older.get(file));
    expect(source.source.url).toBe('/sources/bbc/');
    expect(model.homePages[0]!.digest.map((day) => day.count)).toEqual([testConfig.homeArticles]);
    expect(changed).toEqual(['page/26/index.html', 'sources/bbc/page/8/index.html']);
    expect([...olderNow.keys()].filter((file) => !older.has(file))).toEqual(['page/27/index.html', 'sources/bbc/page/9/index.html']);

    // What one article costs: its page and the previous newest one's (its newer link; the listings that show that
    // article show nothing of its links, so they stay), its day, month and year, the home page and the home archive's
    // new page 27 and page 26, its source's newest page, the new page 9 and page 8 (now linking to page 9), and the
    // feeds; besides those, only the sources index, the archive page, the 404 page and the search page, which are
    // always rendered.
    const urls = (pages: { url: string }[]) => pages.map((page) => page.url);
    const { articles, days, months, years, homePages, sourcePages } = planned.render;
    expect(urls(articles)).toEqual([model.articles[0]!.url, model.articles[1]!.url]);
    expect([...urls(days), ...urls(months), ...urls(years), ...urls(homePages)]).toEqual(['/2020/06/30/', '/2020/06/', '/2020/', '/', '/page/27/', '/page/26/']);
    expect(model.articles[1]!.sourceUrl).not.toBe(source.source.url);
    expect(urls(sourcePages)).toEqual([source.source.url, `${source.source.url}page/9/`, `${source.source.url}page/8/`]);
    expect(added.rendered).toBe(articles.length + days.length + months.length + years.length + homePages.length + sourcePages.length + 4);
  });
});
