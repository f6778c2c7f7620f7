import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../schema/article.ts';
import { inMemoryArticle, storedArticle, type ArchivedArticle } from './archived-article.ts';
import { BodyStore, type BodyWriter, type StoredBody } from './body-store.ts';
import { unwritable, type CacheNote } from './cache-note.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import type { Result } from '../result.ts';
import type { ArticleOptions } from '../article/build-article.ts';
import { scanContent } from '../content/scan-content.ts';
import { mapInBatches } from '../util/map-in-batches.ts';
import { dedupeArticles } from './dedupe-articles.ts';
import { parseArticles, startParseWorker } from './parse-articles.ts';
import { featureToolsLoaded } from '../stories/article-features.ts';
import { pipelineVersion } from './pipeline-version.ts';
import { phaseDone } from '../util/phase-timings.ts';
import type { SourceRead } from './parse-source.ts';
import { readErrorReason } from '../read/read-error-reason.ts';
import { cacheName, readParseCache, writeParseCache, type CachedParse, type FileStamp, type ParseCache } from './parse-cache.ts';

/** Where every file under the content folder ended: built, duplicate of another, ignored, or rejected. */
export interface ArchiveReport {
  built: string[];
  duplicates: { file: string; of: string }[];
  ignored: string[];
  rejected: { file: string; reason: string }[];
  /** A build of some years (a shard): the articles of the other years, left to their shards' builds. */
  otherYears?: { years: number[]; files: string[] };
}

export interface Archive {
  /** Newest first, deduplicated, validated. */
  articles: ArchivedArticle[];
  report: ArchiveReport;
  /** How many article files were parsed this time, and how many came from the cache. */
  stats: { parsed: number; cached: number };
  /** What was wrong with the cache and worked around: damaged entries parsed again, a folder that cannot be written. */
  cacheNotes: CacheNote[];
}

export interface LoadArchiveOptions {
  contentDir: string;
  config: Pick<SiteConfig, 'sources' | 'language' | 'maxFileBytes'> & Partial<Pick<SiteConfig, 'search'>>;
  /** Where parsed articles are kept between builds, keyed by file content; none: parse everything. */
  cacheDir?: string;
  workers?: number;
  /**
   * Write the cache index after returning instead of before (serve: the page matters more than the
   * cache). `settleCacheWrites` waits for such writes.
   */
  writeCacheLater?: boolean;
  onProgress?: (progress: { parsed: number; total: number }) => void;
}

export async function loadArchive({ contentDir, config, cacheDir, workers, writeCacheLater, onProgress }: LoadArchiveOptions): Promise<Archive> {
  phaseDone('start loading');
  const started = cacheDir && workers === undefined && !featureToolsLoaded() ? startParseWorker() : undefined;
  // Failing to start is answered where it is used; never as an unhandled rejection when it is not.
  started?.catch(() => undefined);
  const scan = await scanContent(contentDir);
  phaseDone('scan content');
  const options: ArticleOptions = { sources: config.sources, language: config.language, maxFileBytes: config.maxFileBytes, search: config.search === true };
  const version = `${pipelineVersion()}:${JSON.stringify(options)}`;
  const stored = cacheDir ? await cachedParses(cacheDir, version) : undefined;
  const cached = stored?.cache ?? { entries: new Map<string, CachedParse>(), stamps: new Map<string, FileStamp>() };
  phaseDone('read parse cache');

  // Stat-ing tens of thousands of files one after another beats doing it through promises, by about 3×.
  const stamps = new Map<string, FileStamp>();
  const unseen: { file: string; stamp: Omit<FileStamp, 'key'> }[] = [];
  const known: { file: string; key: string }[] = [];
  // Files that could not be read (`permission denied`, removed meanwhile): each is rejected with the reason.
  const unreadable: ArchiveReport['rejected'] = [...scan.unreadable];
  for (const file of scan.articles) {
    let stat;
    try {
      stat = statSync(join(contentDir, file));
    } catch (error) {
      unreadable.push({ file, reason: readErrorReason(error) });
      continue;
    }
    const { size, mtimeMs, ctimeMs } = stat;
    const seen = cached.stamps.get(file);
    if (seen && seen.size === size && seen.mtimeMs === mtimeMs && seen.ctimeMs === ctimeMs && cached.entries.has(seen.key)) {
      stamps.set(file, seen);
      known.push({ file, key: seen.key });
    } else unseen.push({ file, stamp: { size, mtimeMs, ctimeMs } });
  }
  // With nothing cached (a cold build), every file is parsed anyway: each is hashed when it is read for
  // parsing, on the main thread while the workers parse, instead of in a pass of its own before.
  const hashWhenParsed = cached.entries.size === 0;
  const hashed = (file: string, stamp: Omit<FileStamp, 'key'>, bytes: Buffer): string => {
    const key = createHash('sha256').update(bytes).digest('base64url');
    stamps.set(file, { ...stamp, key });
    return key;
  };
  const read: { file: string; key: string; stamp?: Omit<FileStamp, 'key'> }[] = hashWhenParsed
    ? unseen.map(({ file, stamp }) => ({ file, key: '', stamp }))
    : (
        await mapInBatches(unseen, async ({ file, stamp }) => {
          try {
            return { file, key: hashed(file, stamp, await readFile(join(contentDir, file))) };
          } catch (error) {
            unreadable.push({ file, reason: readErrorReason(error) });
            return undefined;
          }
        })
      ).filter((entry) => entry !== undefined);
  const files = [...known, ...read].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  phaseDone('stat and hash files');

  // One parse per content the cache does not know. A file is read again when its turn comes, so a cold
  // build of 50,000 files never holds all their bytes (nor, below, all their cleaned bodies) at once.
  const missing = new Map<string, string>();
  if (!hashWhenParsed) for (const { file, key } of files) if (!cached.entries.has(key) && !missing.has(key)) missing.set(key, file);
  const misses: { file: string; key: string; stamp?: Omit<FileStamp, 'key'> }[] = hashWhenParsed ? files : [...missing].map(([key, file]) => ({ key, file }));
  // Keys of contents that could not be read when their parse came: never cached, and their reason is the rejection.
  const failedReads = new Map<string, string>();
  const sourceAt = (index: number): SourceRead => {
    const miss = misses[index]!;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(contentDir, miss.file));
    } catch (error) {
      // A unique key that no content hash can take (those are base64url).
      if (miss.stamp) miss.key = `unread:${miss.file}`;
      const reason = readErrorReason(error);
      failedReads.set(miss.key, reason);
      return { ok: false, reason };
    }
    if (miss.stamp) miss.key = hashed(miss.file, miss.stamp, bytes);
    return { file: miss.file, bytes };
  };
  const parse = {
    ...(workers === undefined ? {} : { workers }),
    ...(started ? { started } : {}),
    onParsed: (parsed: number) => onProgress?.({ parsed: files.length - misses.length + parsed, total: files.length }),
  };
  let articleOf: ArticleOf;
  // The files whose parse came back, by content key; those whose bytes could not be read are set aside as rejected.
  let readable = files;
  const parsesByKey = <T>(fresh: T[]) => {
    for (const { file, key } of files) if (failedReads.has(key)) unreadable.push({ file, reason: failedReads.get(key)! });
    readable = failedReads.size === 0 ? files : files.filter(({ key }) => !failedReads.has(key));
    return new Map(misses.flatMap(({ key }, index) => (failedReads.has(key) ? [] : [[key, fresh[index]!] as const])));
  };
  const cacheNotes = stored?.notes ?? [];
  let writer: BodyWriter | undefined;
  if (stored && misses.length > 0) {
    try {
      writer = stored.store.writer();
    } catch (error) {
      cacheNotes.push(unwritable(cacheDir!, error));
    }
  }
  if (stored && (writer || misses.length === 0)) {
    const fresh = await parseArticles<CachedParse>(misses.length, sourceAt, options, {
      ...parse,
      keep: (result) => (result.ok ? storedParse(result.value, writer!) : result),
    });
    writer?.close();
    phaseDone('parse');
    const fromStore = parsesByKey(fresh);
    const inStore = await keepInStore(cacheDir!, version, stored, readable, fromStore, stamps, writeCacheLater === true);
    articleOf = inStore.articleOf;
    cacheNotes.push(...inStore.notes);
  } else if (stored) {
    // A cache that cannot be written is still read: what it lacks is parsed and kept in memory for this build.
    const fresh = await parseArticles(misses.length, sourceAt, options, { ...parse, keep: inMemory });
    phaseDone('parse');
    const byKey = parsesByKey(fresh);
    articleOf = (index, file) => {
      const { key } = readable[index]!;
      const parsedNow = byKey.get(key);
      if (parsedNow) return withFile(parsedNow, file);
      const entry = stored.cache.entries.get(key)!;
      return entry.ok ? { ok: true, value: storedArticle({ ...entry.data, file }, entry.body, stored.store, undefined, entry.features) } : entry;
    };
  } else {
    const fresh = await parseArticles(misses.length, sourceAt, options, { ...parse, keep: inMemory });
    phaseDone('parse');
    const byKey = parsesByKey(fresh);
    articleOf = (index, file) => withFile(byKey.get(readable[index]!.key)!, file);
  }

  const parsed: ArchivedArticle[] = [];
  const rejected: ArchiveReport['rejected'] = [];
  readable.forEach(({ file }, index) => {
    const result = articleOf(index, file);
    if (result.ok) parsed.push(result.value);
    else rejected.push({ file, reason: result.reason });
  });
  rejected.push(...unreadable);
  rejected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const { kept, duplicates } = dedupeArticles(parsed);
  return {
    articles: kept,
    report: { built: kept.map((article) => article.data.file).sort(), duplicates, ignored: scan.ignored, rejected },
    stats: hashWhenParsed ? { parsed: files.length, cached: 0 } : { parsed: files.filter(({ key }) => missing.has(key)).length, cached: files.filter(({ key }) => !missing.has(key)).length },
    cacheNotes,
  };
}

type ArticleOf = (index: number, file: string) => Result<ArchivedArticle>;

function inMemory(result: Result<Article>): Result<ArchivedArticle> {
  return result.ok ? { ok: true, value: inMemoryArticle(result.value) } : result;
}

/** A parse is keyed by content alone: the same bytes under another name are that file's article. */
function withFile(result: Result<ArchivedArticle>, file: string): Result<ArchivedArticle> {
  return result.ok && result.value.data.file !== file ? { ok: true, value: { ...result.value, data: { ...result.value.data, file } } } : result;
}

/**
 * New bodies go to the body store, the index is rewritten when anything changed, and only what is under
 * content/ now is kept, so the cache never outgrows the archive. Articles read their bodies from the store.
 */
async function keepInStore(
  cacheDir: string,
  version: string,
  { cache: cached, store }: Stored,
  files: { file: string; key: string }[],
  fresh: Map<string, CachedParse>,
  stamps: Map<string, FileStamp>,
  later: boolean,
): Promise<{ articleOf: ArticleOf; notes: CacheNote[] }> {
  let entries = new Map<string, CachedParse>();
  for (const { key } of files) if (!entries.has(key)) entries.set(key, fresh.get(key) ?? cached.entries.get(key)!);

  const notes: CacheNote[] = [];
  // Damage found on reading is healed by writing the index again, even when nothing else changed.
  const changed = fresh.size > 0 || entries.size !== cached.entries.size || !sameStamps(stamps, cached.stamps) || damaged.has(cached);
  if (changed) {
    try {
      entries = compacted(store, entries);
      const index = { entries, stamps };
      // Writes to one cache happen in order; pruning spares the segments of whatever was loaded since.
      const write = (writes.get(cacheDir) ?? Promise.resolve())
        .then(() => writeParseCache(cacheDir, version, index))
        .then(() => store.prune([...bodiesOf(entries), ...bodiesOf(kept.get(cacheDir)?.cache.entries ?? new Map())]));
      // Written after the build has gone on (serve): a failure to write costs only the next start's time.
      writes.set(cacheDir, write.catch(() => undefined));
      if (!later) await write;
    } catch (error) {
      notes.push(unwritable(cacheDir, error));
    }
    phaseDone('write parse cache');
  }
  const next = changed ? { entries, stamps } : cached;
  // The same file with the same parse is the same article object as last time, so what the site
  // computes from an article (its view) can be reused while serving.
  const before = kept.get(cacheDir)?.articles ?? new Map<string, MadeArticle>();
  const articles = new Map<string, MadeArticle>();
  kept.set(cacheDir, { version, cache: next, store, articles });
  const articleOf: ArticleOf = (index, file) => {
    const entry = next.entries.get(files[index]!.key)!;
    if (!entry.ok) return entry;
    const reused = before.get(file);
    // A cached parse is keyed by content alone: the same bytes under another name are that file's article.
    const article = reused?.entry === entry ? reused.article : storedArticle({ ...entry.data, file }, entry.body, store, entry.search, entry.features);
    articles.set(file, { entry, article });
    return { ok: true, value: article };
  };
  return { articleOf, notes };
}

/** A parsed article's body, and its search text when it has one, go to the store; the entry says where. */
function storedParse(article: Article, writer: BodyWriter): CachedParse {
  const body = writer.add(article.html);
  const features = article.features ? { features: article.features } : {};
  return article.search ? { ok: true, data: article.data, body, search: writer.add(JSON.stringify(article.search)), ...features } : { ok: true, data: article.data, body, ...features };
}

function compacted(store: BodyStore, entries: Map<string, CachedParse>): Map<string, CachedParse> {
  const bodies = new Map<string, StoredBody>();
  for (const [key, entry] of entries) {
    if (!entry.ok) continue;
    bodies.set(key, entry.body);
    if (entry.search) bodies.set(`${key} search`, entry.search);
  }
  const moved = store.compact(bodies);
  if (moved === bodies) return entries;
  return new Map(
    [...entries].map(([key, entry]) => [key, entry.ok ? { ...entry, body: moved.get(key)!, ...(entry.search ? { search: moved.get(`${key} search`)! } : {}) } : entry]),
  );
}

function* bodiesOf(entries: Map<string, CachedParse>): Iterable<StoredBody> {
  for (const entry of entries.values()) {
    if (!entry.ok) continue;
    yield entry.body;
    if (entry.search) yield entry.search;
  }
}

interface Stored {
  cache: ParseCache;
  store: BodyStore;
  articles?: Map<string, MadeArticle>;
}

interface MadeArticle {
  entry: CachedParse;
  article: ArchivedArticle;
}

const writes = new Map<string, Promise<unknown>>();

/** Waits for cache writes still under way (see `writeCacheLater`). */
export async function settleCacheWrites(): Promise<void> {
  await Promise.all(writes.values());
}

// A long-running process (serve) keeps the cache it last read or wrote, and its open body store,
// instead of reading them from disk again.
const kept = new Map<string, { version: string } & Stored>();

async function cachedParses(cacheDir: string, version: string): Promise<Stored & { notes: CacheNote[] }> {
  const previous = kept.get(cacheDir);
  if (previous?.version === version) return { ...previous, notes: [] };
  previous?.store.close();
  const store = new BodyStore(cacheDir);
  const { cache, damaged: index } = await readParseCache(cacheDir, version);
  const notes: CacheNote[] = index ? [{ file: join(cacheDir, cacheName), reason: `${index}, every file parsed again` }] : [];
  notes.push(...dropDamagedBodies(store, cache.entries));
  if (notes.length > 0) damaged.add(cache);
  return { cache, store, notes };
}

// Caches read with damage in them: written again by the build that read them, so the next one is quiet.
const damaged = new WeakSet<ParseCache>();

/**
 * Every body the index names is checked before anything uses it, so a damaged one is parsed again like a
 * file the cache never saw, here, rather than found when a page (maybe on another thread) is rendered.
 * Reading and hashing every body costs far less than parsing them (bench/README.md).
 */
function dropDamagedBodies(store: BodyStore, entries: Map<string, CachedParse>): CacheNote[] {
  const bySegment = new Map<string, number>();
  for (const [key, entry] of entries) {
    if (!entry.ok || store.intact(entry.body)) continue;
    entries.delete(key);
    bySegment.set(entry.body.segment, (bySegment.get(entry.body.segment) ?? 0) + 1);
  }
  return [...bySegment].sort(([a], [b]) => (a < b ? -1 : 1)).map(([segment, count]) => {
    const file = join(store.dir, segment);
    const entries = `${count} ${count === 1 ? 'entry' : 'entries'}`;
    return { file, reason: existsSync(file) ? `${entries} damaged, parsed again` : `missing, its ${entries} parsed again` };
  });
}

function sameStamps(a: Map<string, FileStamp>, b: Map<string, FileStamp>): boolean {
  if (a.size !== b.size) return false;
  for (const [file, stamp] of a) if (b.get(file) !== stamp) return false;
  return true;
}
