import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, readdirSync, rmSync, statSync, writevSync } from 'node:fs';
import { join } from 'node:path';
import { makeFoldersSync } from '../util/make-folders.ts';

/** Where one cleaned body lives in the store: a segment file, a byte range, and a hash of its text. */
export interface StoredBody {
  segment: string;
  offset: number;
  length: number;
  hash: string;
}

/** A body's hash: what fingerprints a page without reading or comparing the body itself. */
export const bodyHash = (html: string): string => createHash('sha1').update(html).digest('base64url');
// The same hash of the bytes as stored: a string is hashed as its UTF-8.
const bodyHashOf = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('base64url');

const flushBytes = 8 * 2 ** 20;
// Segments are never changed once written; garbage (bodies of changed or deleted files) is left in
// them until it outweighs what is still used, or there are this many, and then the live ones are copied into one.
const maxSegments = 24;

/**
 * Cleaned bodies kept on disk beside the parse cache instead of in memory: a build reads a body only
 * when it renders that article's page or a feed, so a warm rebuild never loads most of them, and a
 * 50,000-article build never holds them all at once.
 */
export class BodyStore {
  readonly dir: string;
  readonly #open = new Map<string, number>();

  constructor(readonly cacheDir: string) {
    this.dir = join(cacheDir, 'bodies');
  }

  /**
   * Whether a body is in the store as it was written: its segment is there, long enough, and its bytes have
   * the hash recorded with it. Checking opens the segment and keeps it open: another build on the same cache
   * may delete a segment it no longer needs, and an open file stays readable.
   */
  intact(body: StoredBody): boolean {
    try {
      return bodyHashOf(this.#bytes(body)) === body.hash;
    } catch {
      return false;
    }
  }

  /** A body's text; throws when its bytes are not what was written (bodies are checked when the cache is loaded, so only damage since then). */
  read(body: StoredBody): string {
    const bytes = this.#bytes(body);
    if (bodyHashOf(bytes) !== body.hash) throw new Error(`body store: ${join(this.dir, body.segment)} changed while this build was reading it; build again`);
    return bytes.toString('utf8');
  }

  #bytes({ segment, offset, length }: StoredBody): Buffer {
    let fd = this.#open.get(segment);
    if (fd === undefined) {
      fd = openSync(join(this.dir, segment), 'r');
      this.#open.set(segment, fd);
    }
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const got = readSync(fd, bytes, done, length - done, offset + done);
      if (got === 0) throw new Error(`body store: ${join(this.dir, segment)} is shorter than the cache says`);
      done += got;
    }
    return bytes;
  }

  /** A new segment to add bodies to; nothing refers to it until the cache index naming it is written. */
  writer(): BodyWriter {
    makeFoldersSync(this.dir);
    return new BodyWriter(this.dir, `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}.pack`);
  }

  /**
   * Keeps the store from outgrowing the archive. Returns the bodies to record: the same ones, or, when
   * the store had become mostly garbage or too many segments, their copies in one fresh segment.
   */
  compact<K>(live: Map<K, StoredBody>): Map<K, StoredBody> {
    const segments = this.#segmentSizes();
    const liveBytes = [...live.values()].reduce((sum, body) => sum + body.length, 0);
    const storedBytes = [...segments.values()].reduce((sum, size) => sum + size, 0);
    if (segments.size <= maxSegments && storedBytes <= 2 * liveBytes + flushBytes) return live;
    const writer = this.writer();
    const moved = new Map<K, StoredBody>();
    for (const [key, body] of live) moved.set(key, writer.add(this.read(body), body.hash));
    writer.close();
    return moved;
  }

  /**
   * Deletes the segments no cache entry refers to any more (called after the new index is in place).
   * Another build on the same cache may be writing a segment its index does not name yet: only our own
   * segments and old ones go.
   */
  prune(used: Iterable<StoredBody>): void {
    const keep = new Set([...used].map((body) => body.segment));
    const ours = `-${process.pid}-`;
    const old = Date.now() - 10 * 60_000;
    for (const segment of this.#segmentSizes().keys()) {
      if (keep.has(segment)) continue;
      if (segment.includes(ours) || modifiedBefore(join(this.dir, segment), old)) rmSync(join(this.dir, segment), { force: true });
    }
    // Nothing current reads the segments it no longer names: a long serve must not keep them open.
    for (const [segment, fd] of this.#open) {
      if (keep.has(segment)) continue;
      closeSync(fd);
      this.#open.delete(segment);
    }
  }

  close(): void {
    for (const fd of this.#open.values()) closeSync(fd);
    this.#open.clear();
  }

  #segmentSizes(): Map<string, number> {
    try {
      return new Map(readdirSync(this.dir).filter((name) => name.endsWith('.pack')).map((name) => [name, sizeOf(join(this.dir, name))]));
    } catch {
      return new Map();
    }
  }
}

export class BodyWriter {
  readonly #fd: number;
  readonly #segment: string;
  #offset = 0;
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  constructor(dir: string, segment: string) {
    this.#segment = segment;
    this.#fd = openSync(join(dir, segment), 'w');
  }

  add(html: string, hash = bodyHash(html)): StoredBody {
    const bytes = Buffer.from(html, 'utf8');
    const body = { segment: this.#segment, offset: this.#offset, length: bytes.length, hash };
    this.#offset += bytes.length;
    this.#pending.push(bytes);
    this.#pendingBytes += bytes.length;
    if (this.#pendingBytes >= flushBytes) this.#flush();
    return body;
  }

  close(): void {
    this.#flush();
    closeSync(this.#fd);
  }

  #flush(): void {
    // Written as they are, without first copying them into one buffer.
    let pending = this.#pending;
    while (pending.length > 0) {
      let written = writevSync(this.#fd, pending);
      let whole = 0;
      while (whole < pending.length && written >= pending[whole]!.length) written -= pending[whole++]!.length;
      pending = pending.slice(whole);
      if (written > 0) pending[0] = pending[0]!.subarray(written);
    }
    this.#pending = [];
    this.#pendingBytes = 0;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    // Pruned by another build in the meantime.
    return 0;
  }
}

function modifiedBefore(path: string, time: number): boolean {
  try {
    return statSync(path).mtimeMs < time;
  } catch {
    return false;
  }
}
