import { createHash } from 'node:crypto';
import { bodyHash, type SiteArticle } from '../archive/archived-article.ts';
import { dateCrumbs, type Crumb } from './breadcrumbs.ts';
import { dayLabel, zoneLabel } from './date-labels.ts';
import { articlePath, articleSlug, dayKey, dayPath } from './site-paths.ts';
import { fillCount, type UiStrings } from './ui-strings.ts';
import { xmlSafe } from '../render/xml-safe.ts';
import { zonedDate, zonedIso } from './zoned-date.ts';

/** Just enough of an article to link to it. */
export interface ArticleLink {
  title: string;
  url: string;
  /** The title's language. */
  lang: string;
  dateLabel: string;
  source: string;
}

/** An article as the templates see it: the validated data plus everything computed once for display. */
export interface ArticleView {
  id: string;
  title: string;
  /** The title's language: what listings, links and feeds tag the article with. */
  lang: string;
  /** The body's language, where the body is tagged on its own page. */
  bodyLang: string;
  /** Site path, `/2020/06/01/us-china-talks-3f2a9c1b7d0e/`. */
  url: string;
  originalUrl: string;
  /** The Web Archive's copy of the original nearest the day it was published. */
  archiveUrl: string;
  source: string;
  sourceUrl: string;
  host: string;
  image: string | undefined;
  /** The lead image's alt: what it shows, or '' (decoration). */
  imageAlt: string;
  author: string | undefined;
  tags: string[];
  summary: string;
  /** False when the body already opens with the summary. */
  showSummary: boolean;
  readingTime: string;
  /** RFC 3339 in the site's time zone. */
  datetime: string;
  time: string;
  /** The zone the time is in: `北京时间`, `UTC+8`. */
  zone: string;
  dayKey: string;
  dayUrl: string;
  dateLabel: string;
  /** Home › year › month › day: where the article sits in the calendar. */
  crumbs: Crumb[];
  /**
   * Sanitized by the pipeline: the only field output unescaped. Read from the body store when a
   * template shows it; not enumerable, so fingerprinting a view hashes `bodyHash` instead.
   */
  readonly html: string;
  bodyHash: string;
  older: ArticleLink | undefined;
  newer: ArticleLink | undefined;
  moreFromSource: ArticleLink[];
  /** The same story in other sources (then in its own): see lib/site/story-views.ts. */
  sameStory: ArticleLink[];
  /** The most similar articles outside its story, of any source. */
  related: ArticleLink[];
  /** Its topics' pages, its own tags first: see lib/site/topic-views.ts. */
  topics: { name: string; url: string }[];
}

export interface ViewContext {
  timeZone: string;
  language: string;
  ui: UiStrings;
  sourceUrl: (source: string) => string;
}

type ViewLinks = 'older' | 'newer' | 'moreFromSource' | 'sameStory' | 'related' | 'topics';
type ViewBase = Omit<ArticleView, 'html' | ViewLinks>;

interface ViewMemo {
  context: string;
  base: ViewBase;
  /** Hash of the base's JSON, made the first time a fingerprint needs it. */
  print?: string;
  link?: ArticleLink;
}

// What a view shows of its own article never changes while the article and the site's settings don't:
// a long-running serve reuses it (with its hash, and the link other pages make to it) for every article a
// change did not touch, and rebuilds only the links.
let memos = new WeakMap<SiteArticle, ViewMemo>();
const memoOfView = new WeakMap<object, ViewMemo>();
const linkTexts = new WeakMap<ArticleLink, string>();

/**
 * A one-off build's memos are of no more use once its pages are written, and they live as long as the articles:
 * about 400 MB of heap at 100,000 articles, held while the search index is written.
 */
export function forgetViewMemos(): void {
  memos = new WeakMap();
}

/** A view: the base's fields as its own, and the body behind a getter on the class, out of JSON's sight. */
class View {
  readonly #article: SiteArticle;

  constructor(base: ViewBase, article: SiteArticle) {
    Object.assign(this, base, { older: undefined, newer: undefined, moreFromSource: [], sameStory: [], related: [], topics: [] });
    this.#article = article;
  }

  get html(): string {
    return this.#article.html;
  }
}

export function articleView(article: SiteArticle, context: ViewContext): ArticleView {
  const contextKey = `${context.timeZone}\n${context.language}\n${context.ui.readingTime}\n${context.ui.home}\n${context.sourceUrl(article.data.source)}`;
  let memo = memos.get(article);
  if (memo?.context !== contextKey) {
    memo = { context: contextKey, base: viewBase(article, context) };
    memos.set(article, memo);
  }
  const view = new View(memo.base, article) as unknown as ArticleView;
  memoOfView.set(view, memo);
  return view;
}

/** Everything a view's page shows, as text: a hash of its own fields, and its links. */
export function viewFingerprintText(view: ArticleView): string {
  const memo = memoOfView.get(view);
  if (!memo) return JSON.stringify(view);
  return `${ownPrint(memo)}|${linkText(view.older)}|${linkText(view.newer)}|${view.moreFromSource.map(linkText).join('|')}|${view.sameStory.map(linkText).join('|')}|${view.related.map(linkText).join('|')}|${JSON.stringify(view.topics)}`;
}

/**
 * What a listing or a feed shows of an article, as text: its own fields (its title, summary, date, source, image and
 * the hash of its body), not its links. A new article changes the related and story links of hundreds of older ones
 * (at 100,000 articles, 390 in one run), and their listings must not be rendered again for it.
 */
export function viewListingText(view: ArticleView): string {
  const memo = memoOfView.get(view);
  if (memo) return ownPrint(memo);
  const { older: _older, newer: _newer, moreFromSource: _more, sameStory: _story, related: _related, topics: _topics, ...own } = view;
  return JSON.stringify(own);
}

const ownPrint = (memo: ViewMemo): string => (memo.print ??= createHash('sha1').update(JSON.stringify(memo.base)).digest('base64url'));

function linkText(link: ArticleLink | undefined): string {
  if (!link) return '';
  let text = linkTexts.get(link);
  if (text === undefined) {
    text = JSON.stringify(link);
    linkTexts.set(link, text);
  }
  return text;
}

function viewBase(article: SiteArticle, context: ViewContext): ViewBase {
  const { data } = article;
  const zoned = zonedDate(data.publishedAt, context.timeZone);
  const key = dayKey(zoned);
  const summary = xmlSafe(data.summary);
  return {
    id: data.id,
    title: xmlSafe(data.title),
    lang: data.titleLang,
    bodyLang: data.lang,
    url: articlePath(key, articleSlug(data)),
    originalUrl: data.url,
    archiveUrl: `https://web.archive.org/web/${zoned.year}${zoned.month}${zoned.day}000000/${data.url}`,
    source: data.source,
    sourceUrl: context.sourceUrl(data.source),
    host: data.host,
    image: data.image,
    imageAlt: data.imageAlt ?? '',
    author: data.author,
    tags: data.tags,
    summary,
    showSummary: summary.trim() !== '' && !data.summaryOpensBody,
    readingTime: fillCount(context.ui.readingTime, data.readingMinutes),
    datetime: zonedIso(zoned),
    time: `${zoned.hour}:${zoned.minute}`,
    zone: zoneLabel(context.timeZone, zoned.offset, context.language),
    dayKey: key,
    dayUrl: dayPath(key),
    dateLabel: dayLabel(key, context.language),
    crumbs: dateCrumbs(key, context.language, context.ui.home),
    bodyHash: article.bodyHash ?? bodyHash(article.html),
  };
}

/** The link other pages make to a view's article; the same object for as long as the article's view is reused. */
export function articleLink(view: ArticleView): ArticleLink {
  const memo = memoOfView.get(view);
  if (memo?.link) return memo.link;
  const link = { title: view.title, url: view.url, lang: view.lang, dateLabel: view.dateLabel, source: view.source };
  if (memo) memo.link = link;
  return link;
}
