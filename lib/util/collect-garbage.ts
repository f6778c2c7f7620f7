import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection, now. V8 lets garbage pile up until the heap nears limits sized for the whole
 * machine: between Eleventy runs of a 50,000-article build, most of the heap is the previous runs' pages,
 * and collecting them keeps the process at its working set instead of growing by gigabytes.
 */
export function collectGarbage(): void {
  if (!gc) {
    // Node exposes `gc` only behind a start-up flag; setting the flag now makes new contexts get it.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** Collects garbage only when the process has grown past `bytes` of memory: small builds never pay for it. */
export function collectGarbageAbove(bytes: number): void {
  if (process.memoryUsage.rss() > bytes) collectGarbage();
}
