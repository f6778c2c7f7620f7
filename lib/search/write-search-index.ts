import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { bodyHash } from '../archive/archived-article.ts';
import { unwritable, type CacheNote } from '../archive/cache-note.ts';
import { copyFolderChecked, keepFolderInCache } from './checked-cache.ts';
import type { SearchEntry } from './search-entry.ts';
import { phaseDone } from '../util/phase-timings.ts';
import { pagefindCodeBytes, type BundleBytes } from './bundle-bytes.ts';
import { bundleIndexers } from './bundle-indexers.ts';
import { bundleKeyIn, linkBundle, markBundle, markedBytes } from './carried-bundle.ts';
import { searchRecord } from './search-record.ts';
import { indexCodeVersion } from './search-code-version.ts';
import { writeSearchPageScript } from './search-page-script.ts';
import { makeFolders } from '../util/make-folders.ts';
import { collectGarbageAbove } from '../util/collect-garbage.ts';
import { writeAtomically } from '../util/write-atomically.ts';

export interface SearchIndexOptions {
  /** The site's articles with what their pages show (see `searchEntries`). */
  entries: readonly SearchEntry[];
  /** The output folder being built (or, serving, the one served). */
  target: string;
  pathPrefix: string;
  /** Where each year's index is kept between builds, so an unchanged year is not indexed again. */
  cacheDir?: string;
  /** At most how many articles a bundle holds (see `bundleGroups`). */
  bundleArticles?: number;
  /** How many bundles are indexed at once. */
  threads?: number;
  /** How many bytes one query may load before the search page asks the reader to search older articles. */
  queryBytes?: number;
  /** The output this build replaces: its bundles that are still right are hard-linked, not copied from the cache. */
  previous?: string;
  /** The other shards' search folders (see `SearchManifest`). */
  shards?: readonly string[];
  /**
   * A shard's years: the cache is shared with the other shards' builds, so only bundles of these years are
   * pruned from it (a bundle holds days of one shard only). All bundles are this build's when absent.
   */
  years?: readonly number[];
}

/** What the search page reads first: the bundles (runs of days), newest first, and what each costs a query. */
export interface SearchManifest {
  bundles: SearchBundle[];
  /** A query loads the newest bundles that fit in this many bytes; older ones when the reader asks. */
  queryBytes: number;
  /** Pagefind's code, loaded by the first query. */
  codeBytes: number;
  /**
   * The search folders of the other sites the archive is split over (`<shard url>search/`, absolute or root-relative):
   * each has a `bundles.json` of its own, whose bundles the page merges too.
   */
  shards: string[];
}

export interface SearchBundle {
  name: string;
  /** Its folder, relative to the manifest. */
  path: string;
  articles: number;
  /** Its first and last day (`2020-06-01`). */
  from: string;
  to: string;
  bytes: BundleBytes;
}

/**
 * Writes `<target>/search/`: Pagefind bundles of consecutive months (`search/2023-01--2023-06/`…), which the
 * search page merges, the manifest naming them (`search/bundles.json`) and the page's script. A bundle whose articles
 * are those of last time is copied from the cache (checked first) instead of being indexed again.
 */
export async function writeSearchIndex({ entries, target, pathPrefix, cacheDir, bundleArticles = defaultBundleArticles, threads = defaultThreads(), queryBytes = defaultQueryBytes, shards = [], years, previous }: SearchIndexOptions): Promise<SearchManifest & { cacheNotes: CacheNote[] }> {
  const searchDir = join(target, 'search');
  const groups = bundleGroups(entries, bundleArticles);
  const fresh = new Set<string>();
  const cacheNotes: CacheNote[] = [];
  // A cache that cannot be written costs only indexing again next time: bundles are then indexed straight into the output.
  let cacheWritable = cacheDir !== undefined;
  let damaged = 0;
  const indexers = bundleIndexers({ threads, articles: indexingArticles });
  try {
    const pending: { name: string; indexes: number[]; dir: string; cached: string | undefined; key: string }[] = [];
    for (const { name, indexes } of groups) {
      const key = bundleKey(name, indexes, entries, pathPrefix);
      const dir = join(searchDir, name);
      const cached = cacheDir ? join(cacheDir, 'search', `${name}-${key}`) : undefined;
      if (cached) fresh.add(`${name}-${key}`);
      // Serving in place, the bundle may be there already; building, it may be in the output being replaced.
      if (bundleKeyIn(dir) === key) continue;
      const before = previous ? join(previous, 'search', name) : undefined;
      if (before && bundleKeyIn(before) === key && linkBundle(before, dir)) continue;
      const read = cached ? await copyFolderChecked(cached, dir) : 'missing';
      if (read === 'damaged') damaged++;
      if (read !== 'copied') pending.push({ name, indexes, dir, cached, key });
    }
    await Promise.all(
      pending.map(async ({ name, indexes, dir, cached, key }) => {
        // Pagefind writes only into the output, which is ours: the copy kept in the cache is made by us, so a
        // cache that cannot be written is one line, not a failed index.
        await indexers.index(indexes.length, () => indexes.map((index, position) => searchRecord(entries[index]!, pathPrefix, name, position)), dir);
        collectGarbageAbove(collectAboveBytes);
        await markBundle(dir, key);
        if (cached && cacheWritable) {
          try {
            await keepFolderInCache(dir, cached);
          } catch (error) {
            if (cacheWritable) cacheNotes.push(unwritable(cacheDir!, error));
            cacheWritable = false;
          }
        }
        phaseDone(`search index ${name}`);
      }),
    );
  } finally {
    await indexers.close();
  }
  if (damaged > 0) cacheNotes.push({ file: join(cacheDir!, 'search'), reason: `${damaged} ${damaged === 1 ? 'bundle' : 'bundles'} damaged, indexed again` });
  // Serving in place, a bundle of days that are no longer one leaves its folder behind: take it away.
  const names = new Set(groups.map((group) => group.name));
  for (const name of await readdir(searchDir).catch(() => [] as string[])) {
    if (bundleName.test(name) && !names.has(name)) await rm(join(searchDir, name), { recursive: true, force: true });
  }
  if (cacheDir && cacheWritable) await pruneCache(join(cacheDir, 'search'), fresh, years).catch(() => undefined);
  const bundles = await Promise.all(
    groups.map(async ({ name, indexes }): Promise<SearchBundle> => {
      const days = indexes.map((index) => entries[index]!.dayKey).sort();
      return { name, path: `${name}/`, articles: indexes.length, from: days[0]!, to: days.at(-1)!, bytes: await markedBytes(join(searchDir, name)) };
    }),
  );
  bundles.reverse();
  const codeBytes = bundles[0] ? await pagefindCodeBytes(join(searchDir, bundles[0].name)) : 0;
  const manifest: SearchManifest = { bundles, queryBytes, codeBytes, shards: [...shards] };
  await makeFolders(searchDir);
  await writeAtomically(join(searchDir, 'bundles.json'), JSON.stringify(manifest));
  cacheNotes.push(...(await writeSearchPageScript(join(searchDir, scriptName), cacheWritable ? cacheDir : undefined)));
  phaseDone('search index');
  return { ...manifest, cacheNotes };
}

/**
 * Pagefind takes about 0.8 MB of memory per article it indexes, and every bundle the search page loads costs
 * it a request (~30 KB) per query word; a new article should cost indexing a few hundred articles again,
 * not thousands. So the articles of the newest ten days of the month (days 1–10, 11–20 or 21 to the end, of the
 * newest article's month) are a bundle of their own, and the days before are gathered from the oldest into bundles
 * of at most `bundleArticles` articles (unless one day alone holds more): old bundles stay as they are while new
 * articles arrive, and when the ten days are over their articles join the newest of those. Named for the first and
 * last day they hold (`2020-06-01--2020-07-14`, or `2020-06-01` for one day); the indexes of the entries each holds.
 */
export function bundleGroups(entries: readonly Pick<SearchEntry, 'dayKey'>[], bundleArticles: number): { name: string; indexes: number[] }[] {
  const days = new Map<string, number[]>();
  entries.forEach(({ dayKey }, index) => {
    const list = days.get(dayKey);
    if (list) list.push(index);
    else days.set(dayKey, [index]);
  });
  const sorted = [...days.keys()].sort();
  const newest = sorted.at(-1);
  if (!newest) return [];
  const recentFrom = tenDaysStart(newest);
  const groups: { name: string; indexes: number[] }[] = [];
  let first = '';
  let last = '';
  let indexes: number[] = [];
  const close = () => {
    if (indexes.length > 0) groups.push({ name: first === last ? first : `${first}--${last}`, indexes });
    indexes = [];
  };
  for (const day of sorted) {
    const items = days.get(day)!;
    const recent = day >= recentFrom;
    if (indexes.length > 0 && ((recent && first < recentFrom) || (!recent && indexes.length + items.length > bundleArticles))) close();
    if (indexes.length === 0) first = day;
    last = day;
    indexes.push(...items);
  }
  close();
  return groups;
}

/** The first day of the ten days `dayKey` falls in: `2020-06-14` → `2020-06-11`. */
function tenDaysStart(dayKey: string): string {
  const day = Number(dayKey.slice(8, 10));
  return `${dayKey.slice(0, 8)}${day <= 10 ? '01' : day <= 20 ? '11' : '21'}`;
}

/** A bundle's folder: days (and the months of earlier versions, so serving in place takes those away too). */
const bundleName = /^\d{4}-\d{2}(-\d{2})?(--\d{4}-\d{2}(-\d{2})?)?$/;

const defaultBundleArticles = 800;

/** As `searchQueryKB` in the site's settings. */
const defaultQueryBytes = 300 * 1024;

/**
 * Two bundles at once where there are two cores, while they hold at most `indexingArticles` together (Pagefind's
 * ~0.8 MB an article, beside the build's own memory, within 2 GiB): the newest ten days beside a full bundle.
 */
const defaultThreads = (): number => Math.max(1, Math.min(2, availableParallelism()));
const indexingArticles = 1300;
/**
 * Each bundle's records are garbage once sent, about 20 MB of heap a bundle at 100,000 articles. Left to V8, the
 * heap grew from 1.0 to 1.4 GB before it collected, beside Pagefind's 600 MB: past 2 GiB. A full collection then
 * takes a few hundred milliseconds, while Pagefind indexes on other cores.
 */
const collectAboveBytes = 1.1 * 2 ** 30;

export const scriptName = 'search.js';

/** Everything a year's index is made of: its articles' identities and bodies, what results show, and the code. */
function bundleKey(name: string, indexes: number[], entries: readonly SearchEntry[], pathPrefix: string): string {
  const hash = createHash('sha1').update(indexCodeVersion()).update(pathPrefix).update(name);
  for (const index of indexes) {
    const { url, title, source, dateLabel, datetime, lang, article } = entries[index]!;
    hash.update(JSON.stringify([url, title, source, dateLabel, datetime, lang, article.bodyHash ?? bodyHash(article.html)]));
  }
  return hash.digest('base64url').slice(0, 20);
}

/** Only the bundles just written stay in the cache, of the years this build holds (all, unless it is a shard's). */
async function pruneCache(dir: string, keep: ReadonlySet<string>, years: readonly number[] | undefined): Promise<void> {
  const ours = (name: string) => years === undefined || years.includes(Number(name.slice(0, 4)));
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!keep.has(name.replace(/\.sums$/, '')) && !name.endsWith('.tmp') && ours(name)) await rm(join(dir, name), { recursive: true, force: true });
  }
}
