import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a Pagefind bundle costs a query that searches it, in bytes as they travel (measured on its files). */
export interface BundleBytes {
  /** Opening it: its entry file, its metadata (every page's hash and word count) and its filter files. */
  open: number;
  /**
   * Each word of the query: one index chunk (Pagefind's chunks hold ~20,000 entries whatever the bundle's size).
   * A chunk's mean weighted by its size: a few chunks are several times the others (a word that occurs in many
   * articles, many times, fills one alone), and words that are searched for are such words more often than not.
   */
  word: number;
  /** Each result shown: its fragment and its text. */
  result: number;
}

/** Pagefind's index, filter and fragment files are compressed already; its entry file travels gzipped. */
export async function bundleBytes(dir: string): Promise<BundleBytes> {
  const names = await readdir(dir);
  let open = gzipSync(await readFile(join(dir, 'pagefind-entry.json'))).length;
  for (const name of names) if (name.endsWith('.pf_meta')) open += (await stat(join(dir, name))).size;
  for (const size of await sizes(join(dir, 'filter'))) open += size;
  return { open, word: sizeWeightedMean(await sizes(join(dir, 'index'))), result: mean(await sizes(join(dir, 'fragment'))) + (await gzippedMean(join(dir, 'text'))) };
}

/** Pagefind's code, loaded once by the first query: its script, its worker and its WebAssembly. */
export async function pagefindCodeBytes(dir: string): Promise<number> {
  let bytes = 0;
  let wasm = 0;
  for (const name of await readdir(dir)) {
    if (name === 'pagefind.js' || name === 'pagefind-worker.js') bytes += gzipSync(await readFile(join(dir, name))).length;
    // One language's build is loaded, not each.
    else if (/^wasm\.\w+\.pagefind$/.test(name)) wasm = Math.max(wasm, (await stat(join(dir, name))).size);
  }
  return bytes + wasm;
}

/** The texts travel gzipped: a sample of them gzipped, so a bundle's bytes cost little to measure. */
async function gzippedMean(dir: string): Promise<number> {
  const names = (await readdir(dir).catch(() => [] as string[])).slice(0, 50);
  const sizes = await Promise.all(names.map(async (name) => gzipSync(await readFile(join(dir, name))).length));
  return mean(sizes);
}

async function sizes(dir: string): Promise<number[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return Promise.all(names.map(async (name) => (await stat(join(dir, name))).size));
}

const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : Math.round(values.reduce((sum, value) => sum + value, 0) / values.length));

function sizeWeightedMean(values: readonly number[]): number {
  const sum = values.reduce((total, value) => total + value, 0);
  return sum === 0 ? 0 : Math.round(values.reduce((total, value) => total + value * value, 0) / sum);
}
