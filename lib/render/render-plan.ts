import { createHash } from 'node:crypto';
import { viewFingerprintText, viewListingText, type ArticleView } from '../site/article-view.ts';
import type { HomePage, SiteModel, SourcePage, TopicPage } from '../site/site-model.ts';

/** The paginated parts of the model: each item is one page (a feed, two files). */
export type PagedModel = Pick<SiteModel, 'articles' | 'days' | 'months' | 'years' | 'sourcePages' | 'topicPages' | 'topicIndex' | 'homePages' | 'feeds'>;
export type Collection = keyof PagedModel;

export interface RenderManifest {
  /** Everything every page depends on: templates, site code, the site's own text, the navigation. */
  shared: string;
  /** Per page: what it showed last time, and the files it was written to. */
  pages: Record<string, { fingerprint: string; files: string[] }>;
}

export interface RenderPlan {
  /** What Eleventy renders this time: the pages whose content changed or whose file is gone. */
  render: PagedModel;
  /** Output files carried over unchanged from the previous build. */
  reuse: string[];
  manifest: RenderManifest;
}

export const collections: Collection[] = ['articles', 'days', 'months', 'years', 'sourcePages', 'topicPages', 'topicIndex', 'homePages', 'feeds'];

/**
 * Decides which pages must be rendered again. A page is fingerprinted by everything its template
 * can show; an article nested in a listing counts by what a listing shows of it, so a listing changes
 * exactly when one of its articles, its links or its own fields change.
 */
export function planRender(model: SiteModel, shared: string, previous: RenderManifest | undefined, existing: ReadonlySet<string>): RenderPlan {
  const viewPrints = new Map<ArticleView, string>();
  const listingPrints = new Map<ArticleView, string>();
  for (const view of model.articles) {
    viewPrints.set(view, hash(viewFingerprintText(view)));
    listingPrints.set(view, viewListingText(view));
  }
  // A listing shows an article's own fields, never its links (see viewListingText).
  const nested = (key: string, value: unknown): unknown => (typeof value === 'object' && value !== null && key !== '' && listingPrints.get(value as ArticleView)) || value;

  const usable = previous?.shared === shared ? previous.pages : {};
  const manifest: RenderManifest = { shared, pages: {} };
  const render = {} as Record<Collection, unknown[]>;
  const reuse: string[] = [];
  for (const collection of collections) {
    render[collection] = [];
    for (const item of model[collection] as PageItem[]) {
      const key = `${collection} ${pageUrl(item)}`;
      const fingerprint = collection === 'articles' ? viewPrints.get(item as ArticleView)! : hash(JSON.stringify(shownBy(collection, item, model), nested));
      const files = outputFiles(item);
      manifest.pages[key] = { fingerprint, files };
      const before = usable[key];
      if (before?.fingerprint === fingerprint && files.every((file) => existing.has(file))) reuse.push(...files);
      else render[collection].push(item);
    }
  }
  return { render: render as unknown as PagedModel, reuse, manifest };
}

export type PageItem = PagedModel[Collection][number];

export function pageUrl(item: PageItem): string {
  return 'atomPath' in item ? item.atomPath : item.url;
}

/** Files a page is written to, relative to the output folder: `/2020/07/` → `2020/07/index.html`. */
export function outputFiles(item: PageItem): string[] {
  const paths = 'atomPath' in item ? [item.atomPath, item.jsonPath] : [item.url];
  return paths.map((path) => decodeURI(path.endsWith('/') ? `${path}index.html` : path).replace(/^\//, ''));
}

/**
 * What a page's template reads of its item and beyond: the home page (the newest of the home archive)
 * lists the years with their counts; a source page shows its source's name and links, not every article
 * of the source, and only its newest page shows the source's count, so older pages stay unchanged.
 */
function shownBy(collection: Collection, item: PageItem, model: SiteModel): unknown {
  if (collection === 'homePages') return (item as HomePage).newest ? { ...item, years: model.yearIndex } : item;
  if (collection === 'topicPages') {
    const page = item as TopicPage;
    const { articles: _all, count, ...topic } = page.topic;
    return { ...page, topic: page.newest ? { ...topic, count } : topic };
  }
  if (collection !== 'sourcePages') return item;
  const page = item as SourcePage;
  const { articles: _all, count, ...source } = page.source;
  return { ...page, source: page.newest ? { ...source, count } : source };
}

const hash = (text: string): string => createHash('sha1').update(text).digest('base64url');
