import type { SiteConfig } from '../config/site-config-schema.ts';
import type { Article } from '../schema/article.ts';
import { articleLink, articleView, type ArticleLink, type ArticleView } from './article-view.ts';
import { dateCrumbs, type Crumb } from './breadcrumbs.ts';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { dayLabel, dayRangeLabel, monthLabel, yearLabel } from './date-labels.ts';
import { feedView, type FeedView } from './feed-view.ts';
import { homeDigestDays } from './home-digest.ts';
import { sameDayOtherYears } from './on-this-day.ts';
import { absoluteUrl, dayPath, monthPath, pagePath, sourceSlug, yearPath } from './site-paths.ts';
import { fillCount, siteIdentity, uiStrings, type UiStrings } from './ui-strings.ts';
import { otherShards } from './other-shards.ts';
import { storyViews, type StoryView } from './story-views.ts';
import type { Stories } from '../stories/group-stories.ts';
import { topicGroups, type TopicGroup } from './topic-views.ts';
import { phaseDone } from '../util/phase-timings.ts';

export interface PageLink {
  url: string;
  label: string;
}

export interface SourceGroup {
  name: string;
  slug: string;
  url: string;
  feedAtom: string;
  feedJson: string;
  count: number;
  articles: ArticleView[];
}

export interface DayGroup {
  key: string;
  url: string;
  label: string;
  count: number;
  /** The stories whose first report is that day, those with most sources first. */
  stories: StoryView[];
  /** That day's articles by source, sources in alphabetical order, articles newest first. */
  sources: { name: string; url: string; articles: ArticleView[] }[];
  older: PageLink | undefined;
  newer: PageLink | undefined;
  month: PageLink;
  /** On this day: the same month and day in the archive's other years, oldest first, each linked by its year. */
  otherYears: (PageLink & { count: number })[];
  /** Home › year › month › this day. */
  crumbs: Crumb[];
}

/** One compact line of a month page: only what it shows, so the month's fingerprint changes only with that. */
export interface MonthEntry {
  url: string;
  title: string;
  lang: string;
  source: string;
  time: string;
  datetime: string;
}

export interface MonthGroup {
  key: string;
  url: string;
  label: string;
  count: number;
  /** Newest day first, each day's articles newest first: the lines lead with their time. */
  days: (PageLink & { count: number; articles: MonthEntry[] })[];
  older: PageLink | undefined;
  newer: PageLink | undefined;
  year: PageLink;
  /** Home › year › this month. */
  crumbs: Crumb[];
}

export interface YearGroup {
  key: string;
  url: string;
  label: string;
  count: number;
  /** Oldest month first (a calendar), each as weeks of seven days, Monday first. */
  months: (PageLink & { count: number; weeks: (CalendarDay | undefined)[][] })[];
  older: PageLink | undefined;
  newer: PageLink | undefined;
  /** Home › this year. */
  crumbs: Crumb[];
}

/**
 * A year as the home page and `/years/` list it: this site's own, or one another shard of the archive holds
 * (`elsewhere`: linked to its year page there; its counts and months are that site's, unknown here).
 */
export interface YearEntry {
  key: string;
  url: string;
  label: string;
  count: number | undefined;
  months: YearGroup['months'];
  elsewhere: boolean;
}

/** A day in a year's calendar: linked where it has articles. */
export interface CalendarDay {
  day: number;
  label: string;
  url: string | undefined;
  count: number;
}

/**
 * One page of a paginated list of articles. Pages are counted from the oldest (page 1), so an older
 * page keeps its URL and articles as newer ones arrive; the newest page is the list's own URL.
 */
export interface ListPage {
  url: string;
  pageNumber: number;
  /** The newest page: the only one that may show totals, since it is the one that changes. */
  newest: boolean;
  title: string;
  /** Newest first. */
  articles: ArticleView[];
  older: PageLink | undefined;
  newer: PageLink | undefined;
}

export interface HomePage extends ListPage {
  /** The newest days, only on the newest page (the home page). */
  digest: DayGroup[];
  /**
   * How fresh the archive is, only on the home page: the newest article's time, absolute, so the page
   * changes only when the archive does (a "3 days ago" would change with the clock, every build).
   */
  updated: { datetime: string; label: string } | undefined;
}

export interface SourcePage extends ListPage {
  source: SourceGroup;
}

export interface TopicPage extends ListPage {
  topic: TopicGroup;
}

/** `/topics/`: every topic with its count, biggest first. A collection of one page, so it is rendered only when it changes. */
export interface TopicIndex {
  url: string;
  topics: { name: string; url: string; count: number }[];
}

export interface SiteMeta {
  title: string;
  description: string;
  language: string;
  /** `<html lang>`: the interface language, with its script where the interface strings fix it (`zh` → `zh-Hans`). */
  htmlLang: string;
  author: string;
  /** Absolute URL of the home page, prefix included. */
  homeUrl: string;
  feedAtom: string;
  feedJson: string;
  csp: string;
  /** The search page's policy (it runs the search script); empty without search. */
  searchCsp: string;
  /** Whether the site has search: a search page, and a search box in every page's header. */
  search: boolean;
  /** How much of the index one search may load (the search manifest says it to the page). */
  searchQueryKB: number;
  /** The other shards' search folders, whose bundles the search page merges (`bundles.json`'s `shards`). */
  shardSearch: string[];
  mode: 'build' | 'serve';
}

export interface SiteModel {
  meta: SiteMeta;
  ui: UiStrings;
  articles: ArticleView[];
  days: DayGroup[];
  months: MonthGroup[];
  years: YearGroup[];
  /** Every year, newest first, with those of the other shards. */
  yearIndex: YearEntry[];
  sources: SourceGroup[];
  sourcePages: SourcePage[];
  topics: TopicGroup[];
  topicPages: TopicPage[];
  topicIndex: TopicIndex[];
  homePages: HomePage[];
  feeds: FeedView[];
  /** Absolute URLs of every HTML page worth indexing. */
  sitemap: string[];
  /**
   * The sitemap in files of at most 50,000 URLs (the sitemap protocol's limit), when it needs more than one:
   * `/sitemap.xml` is then their index. Empty when one file holds it all.
   */
  sitemapFiles: string[][];
}

export interface SiteModelOptions {
  articles: Article[];
  config: SiteConfig;
  pathPrefix: string;
  mode: 'build' | 'serve';
  /** The articles' stories, when the caller has them (kept from the last build, or made by another thread). */
  stories?: Stories;
  /** URLs per sitemap file: the protocol's 50,000 unless a test asks for fewer. */
  sitemapUrlsPerFile?: number;
}

const moreFromSourceCount = 5;

/**
 * Chunks of a newest-first list, counted from its oldest end and returned oldest first: `size` items each,
 * except the newest, which holds the rest with one full chunk (`size` … 2·`size`−1 items, or all there are),
 * so adding a newest item changes only the newest chunk, or splits it in two when it reaches 2·`size`.
 */
function chunkFromOldest<T>(items: T[], size: number): T[][] {
  const count = Math.max(1, Math.floor(items.length / size));
  return Array.from({ length: count }, (_, index) => {
    const end = items.length - index * size;
    return items.slice(index === count - 1 ? 0 : end - size, end);
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

/** Sets `older`/`newer` on a newest-first list from its neighbours. */
function linkNeighbours<T extends { older: PageLink | undefined; newer: PageLink | undefined }>(items: T[], link: (item: T) => PageLink): void {
  items.forEach((item, index) => {
    const older = items[index + 1];
    const newer = items[index - 1];
    item.older = older ? link(older) : undefined;
    item.newer = newer ? link(newer) : undefined;
  });
}

/**
 * A newest-first list as pages, newest first: the newest at `base` itself (linked to as `newestLabel`),
 * the older ones at `base/page/<k>/`, where k counts from the oldest.
 */
function paginate(articles: ArticleView[], perPage: number, base: string, title: string, newestLabel: string, ui: UiStrings, language: string): ListPage[] {
  const chunks = chunkFromOldest(articles, perPage);
  const pages = chunks.map((items, index) => {
    const pageNumber = index + 1;
    const newest = pageNumber === chunks.length;
    return {
      url: newest ? base : pagePath(base, pageNumber),
      pageNumber,
      newest,
      title: newest ? title : `${title} · ${fillCount(ui.page, pageNumber)}`,
      articles: items,
      older: undefined as PageLink | undefined,
      newer: undefined as PageLink | undefined,
    };
  });
  pages.reverse();
  // A link to an older page says which days it holds; those never change, so neither does the link.
  const range = (items: ArticleView[]): string => dayRangeLabel(items.at(-1)?.dayKey ?? '', items[0]?.dayKey ?? '', language);
  linkNeighbours(pages, (page) => ({ url: page.url, label: page.newest ? newestLabel : `${fillCount(ui.page, page.pageNumber)} · ${range(page.articles)}` }));
  return pages;
}

/** A month as weeks of seven (Monday first), blanks before its first day and after its last. */
function calendarWeeks(monthKey: string, days: MonthGroup['days'], language: string): (CalendarDay | undefined)[][] {
  const [year = 1970, month = 1] = monthKey.split('-').map(Number);
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offset = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const byKey = new Map(days.map((day) => [day.url, day]));
  const cells: (CalendarDay | undefined)[] = Array.from({ length: offset }, () => undefined);
  for (let day = 1; day <= length; day++) {
    const key = `${monthKey}-${String(day).padStart(2, '0')}`;
    const found = byKey.get(dayPath(key));
    cells.push({ day, label: dayLabel(key, language), url: found?.url, count: found?.count ?? 0 });
  }
  while (cells.length % 7 !== 0) cells.push(undefined);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

const newestFirst = (a: ArticleView, b: ArticleView): number => (a.datetime < b.datetime ? 1 : a.datetime > b.datetime ? -1 : 0);

const monthEntry = (view: ArticleView): MonthEntry => ({ url: view.url, title: view.title, lang: view.lang, source: view.source, time: view.time, datetime: view.datetime });

/** Everything the templates show, computed once per build: no template groups, sorts or searches. */
export function buildSiteModel({ articles, config, pathPrefix, mode, stories: grouped, sitemapUrlsPerFile = 50_000 }: SiteModelOptions): SiteModel {
  const ui = uiStrings(config.language);
  const identity = siteIdentity(config);
  const language = config.language;
  const collator = new Intl.Collator(language);
  const absolute = (path: string): string => absoluteUrl(config.url, pathPrefix, path);

  // Distinct display names could slug alike (`RFI`, `rfi`): the later ones in sort order get a counter.
  const sourceNames = [...new Set(articles.map((article) => article.data.source))].sort(collator.compare);
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of sourceNames) {
    let slug = sourceSlug(name);
    for (let n = 2; taken.has(slug); n++) slug = `${sourceSlug(name)}-${n}`;
    taken.add(slug);
    slugs.set(name, slug);
  }
  const sourceUrl = (name: string): string => `/sources/${slugs.get(name) ?? sourceSlug(name)}/`;

  const views = articles.map((article) => articleView(article, { timeZone: config.timeZone, language, ui, sourceUrl }));
  views.forEach((view, index) => {
    const older = views[index + 1];
    const newer = views[index - 1];
    view.older = older ? articleLink(older) : undefined;
    view.newer = newer ? articleLink(newer) : undefined;
  });
  const stories = storyViews(articles, views, grouped);
  phaseDone('article and story views');
  const topics = topicGroups(articles, views, config.keywordTopics);

  const sources: SourceGroup[] = [];
  for (const [name, items] of groupBy(views, (view) => view.source)) {
    const url = sourceUrl(name);
    sources.push({ name, slug: slugs.get(name) ?? '', url, feedAtom: `${url}feed.xml`, feedJson: `${url}feed.json`, count: items.length, articles: items });
    const links: ArticleLink[] = items.map(articleLink);
    items.forEach((view, index) => {
      // The nearest articles in time from the same source, older ones first.
      const after = links.slice(index + 1, index + 1 + moreFromSourceCount);
      const before = links.slice(Math.max(0, index - (moreFromSourceCount - after.length)), index);
      view.moreFromSource = [...after, ...before.reverse()];
    });
  }
  sources.sort((a, b) => collator.compare(a.name, b.name));

  const days: DayGroup[] = [];
  for (const [key, items] of groupBy(views, (view) => view.dayKey)) {
    const bySource = [...groupBy(items, (view) => view.source)]
      .sort(([a], [b]) => collator.compare(a, b))
      .map(([name, sourceItems]) => ({ name, url: sourceUrl(name), articles: sourceItems }));
    const [year = '', month = ''] = key.split('-');
    days.push({
      key,
      url: dayPath(key),
      label: dayLabel(key, language),
      count: items.length,
      stories: stories.get(key) ?? [],
      sources: bySource,
      older: undefined,
      newer: undefined,
      month: { url: monthPath(year, month), label: monthLabel(`${year}-${month}`, language) },
      otherYears: [],
      crumbs: dateCrumbs(key, language, ui.home),
    });
  }
  linkNeighbours(days, (day) => ({ url: day.url, label: day.label }));
  const otherYears = sameDayOtherYears(days);
  for (const day of days) {
    day.otherYears = (otherYears.get(day.key) ?? []).map((other) => ({ url: other.url, label: yearLabel(other.key.slice(0, 4), language), count: other.count }));
  }

  const months: MonthGroup[] = [];
  for (const [key, items] of groupBy(days, (day) => day.key.slice(0, 7))) {
    const [year = '', month = ''] = key.split('-');
    months.push({
      key,
      url: monthPath(year, month),
      label: monthLabel(key, language),
      count: items.reduce((sum, day) => sum + day.count, 0),
      days: items.map((day) => ({ url: day.url, label: day.label, count: day.count, articles: day.sources.flatMap((source) => source.articles).sort(newestFirst).map(monthEntry) })),
      older: undefined,
      newer: undefined,
      year: { url: yearPath(year), label: yearLabel(year, language) },
      crumbs: dateCrumbs(key, language, ui.home),
    });
  }
  linkNeighbours(months, (month) => ({ url: month.url, label: month.label }));

  const years: YearGroup[] = [];
  for (const [key, items] of groupBy(months, (month) => month.key.slice(0, 4))) {
    years.push({
      key,
      url: yearPath(key),
      label: yearLabel(key, language),
      count: items.reduce((sum, month) => sum + month.count, 0),
      months: items
        .map((month) => ({ url: month.url, label: month.label, count: month.count, weeks: calendarWeeks(month.key, month.days, language) }))
        .reverse(),
      older: undefined,
      newer: undefined,
      crumbs: dateCrumbs(key, language, ui.home),
    });
  }
  linkNeighbours(years, (year) => ({ url: year.url, label: year.label }));
  const shards = otherShards(config);
  const elsewhere = shards.years.map(({ year, url }): YearEntry => ({ key: String(year), url, label: yearLabel(String(year), language), count: undefined, months: [], elsewhere: true }));
  const yearIndex = [...years.map(({ key, url, label, count, months }): YearEntry => ({ key, url, label, count, months, elsewhere: false })), ...elsewhere].sort((a, b) => (a.key < b.key ? 1 : -1));
  // The pager of this shard's oldest and newest year leads on to the nearest year of another shard.
  const oldest = years.at(-1);
  const newestYear = years[0];
  const olderThere = elsewhere.filter((entry) => oldest && entry.key < oldest.key).at(-1);
  const newerThere = elsewhere.find((entry) => newestYear && entry.key > newestYear.key);
  if (oldest && olderThere) oldest.older = { url: olderThere.url, label: olderThere.label };
  if (newestYear && newerThere) newestYear.newer = { url: newerThere.url, label: newerThere.label };

  // The home page is the newest page of the archive of everything older than its digest.
  const digest = homeDigestDays(days, { articles: config.homeArticles, spanDays: config.homeSpanDays });
  const digestCount = digest.reduce((sum, day) => sum + day.count, 0);
  const newestView = views[0];
  const updated = newestView && { datetime: newestView.datetime, label: `${dayLabel(newestView.dayKey, language)} ${newestView.time} ${newestView.zone}` };
  const homePages: HomePage[] = paginate(views.slice(digestCount), config.perPage, '/', identity.title, ui.latest, ui, language).map((page) => ({
    ...page,
    digest: page.newest ? digest : [],
    updated: page.newest ? updated : undefined,
  }));

  const sourcePages: SourcePage[] = sources.flatMap((source) =>
    paginate(source.articles, config.perPage, source.url, source.name, ui.latestArticles, ui, language).map((page) => ({ ...page, source })),
  );

  const topicPages: TopicPage[] = topics.flatMap((topic) =>
    paginate(topic.articles, config.perPage, topic.url, topic.name, ui.latestArticles, ui, language).map((page) => ({ ...page, topic })),
  );
  const topicIndex: TopicIndex[] = [{ url: '/topics/', topics: topics.map((topic) => ({ name: topic.name, url: topic.url, count: topic.count })) }];

  const feedContext = { config, absolute };
  const feeds: FeedView[] = [
    feedView({ ...feedContext, title: identity.title, homePath: '/', atomPath: '/feed.xml', jsonPath: '/feed.json', articles: views }),
    ...sources.map((source) =>
      feedView({ ...feedContext, title: `${source.name} · ${identity.title}`, homePath: source.url, atomPath: source.feedAtom, jsonPath: source.feedJson, articles: source.articles }),
    ),
  ];

  const sitemap = [
    ...homePages.map((page) => page.url),
    '/sources/',
    '/years/',
    ...sourcePages.map((page) => page.url),
    '/topics/',
    ...topicPages.map((page) => page.url),
    ...years.map((year) => year.url),
    ...months.map((month) => month.url),
    ...days.map((day) => day.url),
    ...views.map((view) => view.url),
  ].map(absolute);
  const sitemapFiles: string[][] = [];
  if (sitemap.length > sitemapUrlsPerFile) for (let start = 0; start < sitemap.length; start += sitemapUrlsPerFile) sitemapFiles.push(sitemap.slice(start, start + sitemapUrlsPerFile));

  return {
    meta: {
      title: identity.title,
      description: identity.description,
      language,
      htmlLang: ui.lang,
      author: config.author,
      homeUrl: absolute('/'),
      feedAtom: '/feed.xml',
      feedJson: '/feed.json',
      csp: contentSecurityPolicy(mode, { search: config.search }),
      searchCsp: config.search ? contentSecurityPolicy(mode, { search: true, searchPage: true, otherOrigins: shards.origins }) : '',
      search: config.search,
      searchQueryKB: config.searchQueryKB,
      shardSearch: config.search ? shards.searchFolders : [],
      mode,
    },
    ui,
    articles: views,
    days,
    months,
    years,
    yearIndex,
    sources,
    sourcePages,
    topics,
    topicPages,
    topicIndex,
    homePages,
    feeds,
    sitemap,
    sitemapFiles,
  };
}
