import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ArticleData, ArticleFeatures } from '../schema/article.ts';
import type { StoredBody } from './body-store.ts';
import { fsReason } from './cache-note.ts';
import { makeFolders } from '../util/make-folders.ts';

/**
 * What a file's bytes became last time, cached by content so a renamed or touched file is not parsed again:
 * the article's data with where its body (and its search text, as JSON) is stored, and its story features (small:
 * kept in the index itself), or why the file was rejected.
 */
export type CachedParse = { ok: true; data: ArticleData; body: StoredBody; search?: StoredBody; features?: ArticleFeatures } | { ok: false; reason: string };

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

/** The cache as read: empty when there was none, and why the one on disk was not used when it was damaged. */
export interface ReadParseCache {
  cache: ParseCache;
  damaged?: string;
}

interface CacheFile extends ParseCache {
  version: string;
}

// The index holds no bodies (they are in the body store), so reading it stays quick at any archive size.
export const cacheName = 'parsed-index.v8';

// The index is the magic, then the SHA-256 of the rest, then the v8-serialized cache: v8 deserializes a
// flipped bit into a different title or URL without complaint, so nothing is taken from it unchecked.
const magic = Buffer.from('digest-index-1\n');
const digestBytes = 32;
const digestOf = (payload: Uint8Array): Buffer => createHash('sha256').update(payload).digest();
// What v8.serialize starts with: an index written before it carried a checksum.
const v8Header = 0xff;

/** The cache for this pipeline version; empty when there is none, it is damaged or unreadable, or it is from another version. */
export async function readParseCache(cacheDir: string, version: string): Promise<ReadParseCache> {
  const empty = (): ParseCache => ({ entries: new Map(), stamps: new Map() });
  let bytes: Buffer;
  try {
    bytes = await readFile(join(cacheDir, cacheName));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { cache: empty() };
    return { cache: empty(), damaged: `could not be read (${fsReason(error)})` };
  }
  if (bytes[0] === v8Header) return { cache: empty() };
  const payload = bytes.subarray(magic.length + digestBytes);
  if (bytes.length < magic.length + digestBytes || !bytes.subarray(0, magic.length).equals(magic) || !digestOf(payload).equals(bytes.subarray(magic.length, magic.length + digestBytes))) {
    return { cache: empty(), damaged: 'damaged (its checksum does not match)' };
  }
  try {
    const cache = deserialize(payload) as CacheFile;
    if (cache.entries instanceof Map && cache.stamps instanceof Map) return { cache: cache.version === version ? { entries: cache.entries, stamps: cache.stamps } : empty() };
  } catch {
    // Checked, and still not a cache: written by something else.
  }
  return { cache: empty(), damaged: 'not a cache index' };
}

/** Written whole and renamed into place, so an interrupted build never leaves a half-written cache. */
export async function writeParseCache(cacheDir: string, version: string, { entries, stamps }: ParseCache): Promise<void> {
  await makeFolders(cacheDir);
  const target = join(cacheDir, cacheName);
  const partial = `${target}.${process.pid}.tmp`;
  const payload = serialize({ version, entries, stamps } satisfies CacheFile);
  await writeFile(partial, Buffer.concat([magic, digestOf(payload), payload]));
  await rename(partial, target);
}
