import { createHash } from 'node:crypto';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { bodyHash, type SiteArticle } from '../archive/archived-article.ts';
import { unwritable, type CacheNote } from '../archive/cache-note.ts';
import { copyFolderChecked, keepFolderInCache } from './checked-cache.ts';
import type { ArticleView } from '../site/article-view.ts';
import { phaseDone } from '../util/phase-timings.ts';
import { searchRecord } from './search-record.ts';
import { indexCodeVersion } from './search-code-version.ts';
import { writeSearchPageScript } from './search-page-script.ts';
import { makeFolders } from '../util/make-folders.ts';

export interface SearchIndexOptions {
  /** The site's articles, in the order of `views` (one view each). */
  articles: readonly SiteArticle[];
  views: readonly ArticleView[];
  /** The output folder being built (or, serving, the one served). */
  target: string;
  pathPrefix: string;
  /** Where each year's index is kept between builds, so an unchanged year is not indexed again. */
  cacheDir?: string;
  /** At most how many articles a bundle holds (see `bundleGroups`). */
  bundleArticles?: number;
}

/** What the search page reads first: the bundles to load (a month, or several), newest first. */
export interface SearchManifest {
  bundles: { name: string; path: string; articles: number }[];
}

/**
 * Writes `<target>/search/`: Pagefind bundles of consecutive months (`search/2023-01--2023-06/`…), which the
 * search page merges, the manifest naming them (`search/bundles.json`) and the page's script. A bundle whose articles
 * are those of last time is copied from the cache (checked first) instead of being indexed again.
 */
export async function writeSearchIndex({ articles, views, target, pathPrefix, cacheDir, bundleArticles = defaultBundleArticles }: SearchIndexOptions): Promise<SearchManifest & { cacheNotes: CacheNote[] }> {
  const searchDir = join(target, 'search');
  const groups = bundleGroups(views, bundleArticles);
  const bundles: SearchManifest['bundles'] = [];
  const fresh = new Set<string>();
  const cacheNotes: CacheNote[] = [];
  // A cache that cannot be written costs only indexing again next time: bundles are then indexed straight into the output.
  let cacheWritable = cacheDir !== undefined;
  let damaged = 0;
  try {
    for (const { name, indexes } of groups) {
      const key = bundleKey(name, indexes, articles, views, pathPrefix);
      const dir = join(searchDir, name);
      const cached = cacheDir ? join(cacheDir, 'search', `${name}-${key}`) : undefined;
      const read = cached ? await copyFolderChecked(cached, dir) : 'missing';
      if (read === 'damaged') damaged++;
      if (read !== 'copied') {
        // Pagefind writes only into the output, which is ours: the copy kept in the cache is made by us, so a
        // cache that cannot be written is one line, not a failed index.
        await indexBundle(indexes.map((index) => searchRecord(articles[index]!, views[index]!, pathPrefix)), dir);
        // A fresh Pagefind for each bundle: the memory of one is given back before the next.
        await pagefind.close();
        if (cached && cacheWritable) {
          try {
            await keepFolderInCache(dir, cached);
          } catch (error) {
            cacheWritable = false;
            cacheNotes.push(unwritable(cacheDir!, error));
          }
        }
        phaseDone(`search index ${name}`);
      }
      if (cached) fresh.add(`${name}-${key}`);
      bundles.push({ name, path: `${name}/`, articles: indexes.length });
    }
  } finally {
    await pagefind.close();
  }
  if (damaged > 0) cacheNotes.push({ file: join(cacheDir!, 'search'), reason: `${damaged} ${damaged === 1 ? 'bundle' : 'bundles'} damaged, indexed again` });
  // Serving in place, a bundle of years that are no longer one leaves its folder behind: take it away.
  const names = new Set(groups.map((group) => group.name));
  for (const name of await readdir(searchDir).catch(() => [] as string[])) {
    if (/^\d{4}-\d{2}(--\d{4}-\d{2})?$/.test(name) && !names.has(name)) await rm(join(searchDir, name), { recursive: true, force: true });
  }
  if (cacheDir && cacheWritable) await pruneCache(join(cacheDir, 'search'), fresh).catch(() => undefined);
  const manifest: SearchManifest = { bundles: bundles.reverse() };
  await makeFolders(searchDir);
  await writeAtomically(join(searchDir, 'bundles.json'), JSON.stringify(manifest));
  cacheNotes.push(...(await writeSearchPageScript(join(searchDir, scriptName), cacheWritable ? cacheDir : undefined)));
  phaseDone('search index');
  return { ...manifest, cacheNotes };
}

/**
 * Pagefind takes about 0.7 MB of memory per article it indexes, and every bundle the search page loads
 * costs it a request per query word: bundles of at most `bundleArticles` articles (unless one month alone
 * holds more), as few as that allows. From the oldest month, months are gathered into a bundle while it stays
 * within that, so old bundles stay as they are while new articles arrive. Named `2020-06`, or
 * `2014-03--2019-11` for several months; the indexes of the views it holds.
 */
export function bundleGroups(views: readonly ArticleView[], bundleArticles: number): { name: string; indexes: number[] }[] {
  const months = new Map<string, number[]>();
  views.forEach((view, index) => {
    const month = view.dayKey.slice(0, 7);
    const list = months.get(month);
    if (list) list.push(index);
    else months.set(month, [index]);
  });
  const groups: { name: string; indexes: number[] }[] = [];
  let first = '';
  let last = '';
  let indexes: number[] = [];
  const close = () => groups.push({ name: first === last ? first : `${first}--${last}`, indexes });
  for (const month of [...months.keys()].sort()) {
    const items = months.get(month)!;
    if (indexes.length > 0 && indexes.length + items.length > bundleArticles) {
      close();
      indexes = [];
    }
    if (indexes.length === 0) first = month;
    last = month;
    indexes.push(...items);
  }
  if (indexes.length > 0) close();
  return groups;
}

const defaultBundleArticles = 2000;

export const scriptName = 'search.js';

/** Everything a year's index is made of: its articles' identities and bodies, what results show, and the code. */
function bundleKey(name: string, indexes: number[], articles: readonly SiteArticle[], views: readonly ArticleView[], pathPrefix: string): string {
  const hash = createHash('sha1').update(indexCodeVersion()).update(pathPrefix).update(name);
  for (const index of indexes) {
    const article = articles[index]!;
    const view = views[index]!;
    hash.update(JSON.stringify([view.url, view.title, view.source, view.dateLabel, view.datetime, view.lang, article.bodyHash ?? bodyHash(article.html)]));
  }
  return hash.digest('base64url').slice(0, 20);
}

/** Pagefind, with English rules for every record: Chinese, Japanese and Korean arrive already in pairs of characters. */
async function indexBundle(records: { url: string; content: string }[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`search: Pagefind did not start: ${errors.join('; ')}`);
  const partial = `${outputPath}.${process.pid}.tmp`;
  try {
    for (const record of records) {
      const added = await index.addHTMLFile(record);
      if (added.errors.length > 0) throw new Error(`search: Pagefind could not index a record: ${added.errors.join('; ')}`);
    }
    await rm(partial, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: partial });
    if (written.errors.length > 0) throw new Error(`search: Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    await removeUnused(partial);
    await rm(outputPath, { recursive: true, force: true });
    await rename(partial, outputPath);
  } finally {
    await index.deleteIndex();
    await rm(partial, { recursive: true, force: true });
  }
}

/** Pagefind's own interface and its other builds of the client are never loaded: only `pagefind.js` and the index. */
async function removeUnused(bundle: string): Promise<void> {
  const unused = /^pagefind-(ui|component-ui|modular-ui|highlight)\.|^pagefind-modular|\.css$/;
  for (const name of await readdir(bundle)) if (unused.test(name)) await rm(join(bundle, name), { recursive: true, force: true });
}

/** Only the bundles of the years just written stay in the cache. */
async function pruneCache(dir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!keep.has(name.replace(/\.sums$/, '')) && !name.endsWith('.tmp')) await rm(join(dir, name), { recursive: true, force: true });
  }
}

async function writeAtomically(file: string, data: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}
