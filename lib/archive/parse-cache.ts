import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ArticleData } from '../schema/article.ts';
import type { StoredBody } from './body-store.ts';

/**
 * What a file's bytes became last time, cached by content so a renamed or touched file is not parsed again:
 * the article's data with where its body (and its search text, as JSON) is stored, or why the file was rejected.
 */
export type CachedParse = { ok: true; data: ArticleData; body: StoredBody; search?: StoredBody } | { ok: false; reason: string };

/** A file as last seen: when its size and times are unchanged, its content key is reused without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  key: string;
}

export interface ParseCache {
  entries: Map<string, CachedParse>;
  stamps: Map<string, FileStamp>;
}

interface CacheFile extends ParseCache {
  version: string;
}

// The index holds no bodies (they are in the body store), so reading it stays quick at any archive size.
const cacheName = 'parsed-index.v8';

/** The cache for this pipeline version; empty when there is none, it is unreadable, or it is from another version. */
export async function readParseCache(cacheDir: string, version: string): Promise<ParseCache> {
  try {
    const cache = deserialize(await readFile(join(cacheDir, cacheName))) as CacheFile;
    if (cache.version === version && cache.entries instanceof Map && cache.stamps instanceof Map) return { entries: cache.entries, stamps: cache.stamps };
  } catch {
    // No cache yet, or a damaged one: both mean parse everything.
  }
  return { entries: new Map(), stamps: new Map() };
}

/** Written whole and renamed into place, so an interrupted build never leaves a half-written cache. */
export async function writeParseCache(cacheDir: string, version: string, { entries, stamps }: ParseCache): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const target = join(cacheDir, cacheName);
  const partial = `${target}.${process.pid}.tmp`;
  await writeFile(partial, serialize({ version, entries, stamps } satisfies CacheFile));
  await rename(partial, target);
}
