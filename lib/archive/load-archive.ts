import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../schema/article.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import type { Result } from '../result.ts';
import type { ArticleOptions } from '../article/build-article.ts';
import { scanContent } from '../content/scan-content.ts';
import { mapInBatches } from '../util/map-in-batches.ts';
import { dedupeArticles } from './dedupe-articles.ts';
import { parseArticles } from './parse-articles.ts';
import { pipelineVersion } from './pipeline-version.ts';
import { readParseCache, writeParseCache, type CachedParse, type FileStamp, type ParseCache } from './parse-cache.ts';

/** Where every file under the content folder ended: built, duplicate of another, ignored, or rejected. */
export interface ArchiveReport {
  built: string[];
  duplicates: { file: string; of: string }[];
  ignored: string[];
  rejected: { file: string; reason: string }[];
}

export interface Archive {
  /** Newest first, deduplicated, validated. */
  articles: Article[];
  report: ArchiveReport;
  /** How many article files were parsed this time, and how many came from the cache. */
  stats: { parsed: number; cached: number };
}

export interface LoadArchiveOptions {
  contentDir: string;
  config: Pick<SiteConfig, 'sources' | 'language' | 'maxFileBytes'>;
  /** Where parsed articles are kept between builds, keyed by file content; none: parse everything. */
  cacheDir?: string;
  workers?: number;
  onProgress?: (progress: { parsed: number; total: number }) => void;
}

export async function loadArchive({ contentDir, config, cacheDir, workers, onProgress }: LoadArchiveOptions): Promise<Archive> {
  const scan = await scanContent(contentDir);
  const options: ArticleOptions = { sources: config.sources, language: config.language, maxFileBytes: config.maxFileBytes };
  const version = `${pipelineVersion()}:${JSON.stringify(options)}`;
  const cached = cacheDir ? await cachedParses(cacheDir, version) : { entries: new Map<string, CachedParse>(), stamps: new Map<string, FileStamp>() };

  const stamps = new Map<string, FileStamp>();
  const files = await mapInBatches(scan.articles, async (file) => {
    const path = join(contentDir, file);
    const { size, mtimeMs, ctimeMs } = await stat(path);
    const seen = cached.stamps.get(file);
    if (seen && seen.size === size && seen.mtimeMs === mtimeMs && seen.ctimeMs === ctimeMs && cached.entries.has(seen.key)) {
      stamps.set(file, seen);
      return { file, key: seen.key };
    }
    const bytes = await readFile(path);
    const key = createHash('sha256').update(bytes).digest('base64url');
    stamps.set(file, { size, mtimeMs, ctimeMs, key });
    // Only files to parse keep their bytes: at 50,000 articles, holding every file would double the memory.
    return cached.entries.has(key) ? { file, key } : { file, key, bytes };
  });
  const misses = files.filter((entry): entry is typeof entry & { bytes: Buffer } => entry.bytes !== undefined);
  const fresh = await parseArticles(misses, options, {
    ...(workers === undefined ? {} : { workers }),
    onParsed: (parsed) => onProgress?.({ parsed: files.length - misses.length + parsed, total: files.length }),
  });

  const entries = new Map<string, CachedParse>();
  misses.forEach(({ key }, index) => entries.set(key, fresh[index]!));
  const parsed: Article[] = [];
  const rejected: ArchiveReport['rejected'] = [];
  for (const { file, key } of files) {
    const result = entries.get(key) ?? cached.entries.get(key)!;
    entries.set(key, result);
    const located = withFile(result, file);
    if (located.ok) parsed.push(located.value);
    else rejected.push({ file, reason: located.reason });
  }
  // Only what is under content/ now is kept, so the cache never outgrows the archive.
  if (cacheDir) {
    const next: ParseCache = { entries, stamps };
    if (misses.length > 0 || entries.size !== cached.entries.size || !sameStamps(stamps, cached.stamps)) await writeParseCache(cacheDir, version, next);
    inMemory.set(cacheDir, { version, cache: next });
  }

  const { kept, duplicates } = dedupeArticles(parsed);
  return {
    articles: kept,
    report: { built: kept.map((article) => article.data.file).sort(), duplicates, ignored: scan.ignored, rejected },
    stats: { parsed: misses.length, cached: files.length - misses.length },
  };
}

/** A cached parse is keyed by content alone: the same bytes under another name are that file's article. */
function withFile(result: Result<Article>, file: string): Result<Article> {
  return result.ok ? { ok: true, value: { ...result.value, data: { ...result.value.data, file } } } : result;
}


// A long-running process (serve) keeps the cache it last read or wrote instead of reading it from disk again.
const inMemory = new Map<string, { version: string; cache: ParseCache }>();

async function cachedParses(cacheDir: string, version: string): Promise<ParseCache> {
  const kept = inMemory.get(cacheDir);
  return kept?.version === version ? kept.cache : readParseCache(cacheDir, version);
}

function sameStamps(a: Map<string, FileStamp>, b: Map<string, FileStamp>): boolean {
  if (a.size !== b.size) return false;
  for (const [file, stamp] of a) if (b.get(file) !== stamp) return false;
  return true;
}
