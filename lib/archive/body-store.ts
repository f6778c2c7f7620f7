import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, readdirSync, rmSync, statSync, writevSync } from 'node:fs';
import { join } from 'node:path';

/** Where one cleaned body lives in the store: a segment file, a byte range, and a hash of its text. */
export interface StoredBody {
  segment: string;
  offset: number;
  length: number;
  hash: string;
}

/** A body's hash: what fingerprints a page without reading or comparing the body itself. */
export const bodyHash = (html: string): string => createHash('sha1').update(html).digest('base64url');

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
   * Opens every segment the cache refers to before anything else can prune it: another build on the
   * same cache may delete a segment it no longer needs, and an open file stays readable.
   * False when one is missing (the cache is then not usable).
   */
  hold(bodies: Iterable<StoredBody>): boolean {
    for (const { segment } of bodies) {
      if (this.#open.has(segment)) continue;
      try {
        this.#open.set(segment, openSync(join(this.dir, segment), 'r'));
      } catch {
        return false;
      }
    }
    return true;
  }

  read({ segment, offset, length }: StoredBody): string {
    let fd = this.#open.get(segment);
    if (fd === undefined) {
      fd = openSync(join(this.dir, segment), 'r');
      this.#open.set(segment, fd);
    }
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const got = readSync(fd, bytes, done, length - done, offset + done);
      if (got === 0) throw new Error(`body store: segment ${segment} is shorter than the cache says`);
      done += got;
    }
    return bytes.toString('utf8');
  }

  /** A new segment to add bodies to; nothing refers to it until the cache index naming it is written. */
  writer(): BodyWriter {
    mkdirSync(this.dir, { recursive: true });
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
