import { siteIdentity } from './ui-strings.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import type { ArticleView } from './article-view.ts';
import { xmlSafe } from '../render/xml-safe.ts';

export interface FeedEntry {
  /** Absolute URL of the article's page, also its feed id. */
  url: string;
  originalUrl: string;
  title: string;
  summary: string;
  /** The body, made safe for XML when a feed template reads it; not enumerable, like the view's. */
  readonly html: string;
  bodyHash: string;
  published: string;
  source: string;
  author: string | undefined;
  image: string | undefined;
  lang: string;
}

/** One feed (the site's or a source's), in both Atom and JSON Feed. */
export interface FeedView {
  title: string;
  description: string;
  language: string;
  author: string;
  /** Site paths the feed files are written to. */
  atomPath: string;
  jsonPath: string;
  /** Absolute URLs. */
  atomUrl: string;
  jsonUrl: string;
  homeUrl: string;
  updated: string;
  entries: FeedEntry[];
}

export interface FeedViewOptions {
  config: SiteConfig;
  absolute: (path: string) => string;
  title: string;
  homePath: string;
  atomPath: string;
  jsonPath: string;
  /** Newest first. */
  articles: ArticleView[];
}

export function feedView({ config, absolute, title, homePath, atomPath, jsonPath, articles }: FeedViewOptions): FeedView {
  const entries = articles.slice(0, config.feedSize).map((view) => {
    const entry: Omit<FeedEntry, 'html'> = {
      url: absolute(view.url),
      originalUrl: view.originalUrl,
      title: view.title,
      summary: view.summary,
      bodyHash: view.bodyHash,
      published: view.datetime,
      source: xmlSafe(view.source),
      author: view.author === undefined ? undefined : xmlSafe(view.author),
      image: view.image,
      lang: view.lang,
    };
    return Object.defineProperty(entry, 'html', { get: () => xmlSafeBody(view), enumerable: false }) as FeedEntry;
  });
  return {
    title: xmlSafe(title),
    description: xmlSafe(siteIdentity(config).description),
    language: config.language,
    author: xmlSafe(config.author || siteIdentity(config).title),
    atomPath,
    jsonPath,
    atomUrl: absolute(atomPath),
    jsonUrl: absolute(jsonPath),
    homeUrl: absolute(homePath),
    updated: entries[0]?.published ?? new Date(0).toISOString(),
    entries,
  };
}

// The site's feed and each source's feed show the same newest articles, in two formats each: a body is read
// from the store and made safe once per view, not up to four times. Kept only while the site model lives.
const safeBodies = new WeakMap<ArticleView, string>();

function xmlSafeBody(view: ArticleView): string {
  let body = safeBodies.get(view);
  if (body === undefined) {
    body = xmlSafe(view.html);
    safeBodies.set(view, body);
  }
  return body;
}

/** JSON Feed 1.1 document; serialized with `JSON.stringify`, so no title can break it. */
export function jsonFeed(feed: FeedView): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.homeUrl,
      feed_url: feed.jsonUrl,
      description: feed.description || undefined,
      language: feed.language,
      authors: [{ name: feed.author }],
      items: feed.entries.map((entry) => ({
        id: entry.url,
        url: entry.url,
        external_url: entry.originalUrl,
        title: entry.title,
        summary: entry.summary || undefined,
        content_html: entry.html,
        image: entry.image,
        date_published: entry.published,
        authors: entry.author ? [{ name: entry.author }] : undefined,
        language: entry.lang,
      })),
    },
    null,
    2,
  );
}
