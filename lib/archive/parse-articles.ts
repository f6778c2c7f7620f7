import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleOptions } from '../article/build-article.ts';
import type { Article } from '../schema/article.ts';
import type { Result } from '../result.ts';
import { parseSource, type ParseRequest, type ParseResponse, type SourceRead } from './parse-source.ts';
import { workerEntry } from './bundle-module.ts';
import { bundledT2sPairs } from '../search/t2s-pairs.ts';

const batchSize = 40;
// Starting a worker costs a few hundred milliseconds: below this many files, parsing in place is faster.
const fewFiles = 120;

export interface ParseOptions<T> {
  /** Worker threads to use; defaults to one per core. */
  workers?: number;
  onParsed?: (count: number) => void;
  /**
   * What to keep of each result, as it arrives: at 50,000 articles, holding every cleaned body until the
   * last file is parsed would take gigabytes.
   */
  keep?: (result: Result<Article>, index: number) => T;
  /** A worker started before the files to parse were known (`startParseWorker`): used, or stopped. */
  started?: Promise<Worker>;
}

/**
 * The source of every index below `count` turned into an article or a reason, in order, on all cores when
 * there are many. Sources are asked for only when their turn comes, so their bytes need not all be in memory;
 * a source that could not be read is its own reason.
 */
export async function parseArticles<T = Result<Article>>(
  count: number,
  sourceAt: (index: number) => SourceRead,
  options: ArticleOptions,
  parse: ParseOptions<T> = {},
): Promise<T[]> {
  const keep = parse.keep ?? ((result: Result<Article>) => result as T);
  const workers = Math.min(parse.workers ?? availableParallelism(), Math.ceil(count / batchSize));
  if (parse.started && count > 0) return parseInWorkers(count, sourceAt, options, count < fewFiles ? 1 : workers, keep, parse.onParsed, parse.started);
  void parse.started?.then((worker) => worker.terminate()).catch(() => undefined);
  if (count < fewFiles || workers <= 1) {
    return Array.from({ length: count }, (_, index) => {
      const result = keep(parseSource(sourceAt(index), options), index);
      parse.onParsed?.(index + 1);
      return result;
    });
  }
  return parseInWorkers(count, sourceAt, options, workers, keep, parse.onParsed);
}

async function parseInWorkers<T>(
  total: number,
  sourceAt: (index: number) => SourceRead,
  options: ArticleOptions,
  count: number,
  keep: (result: Result<Article>, index: number) => T,
  onParsed?: (count: number) => void,
  started?: Promise<Worker>,
): Promise<T[]> {
  const entry = await parseWorkerEntry();
  const first = started ? await started : undefined;
  first?.ref();
  const results: T[] = new Array(total);
  const batches = Math.ceil(total / batchSize);
  let next = 0;
  let done = 0;
  let parsed = 0;
  const pool = [...(first ? [first] : []), ...Array.from({ length: count - (first ? 1 : 0) }, () => new Worker(entry))];
  const stop = () => Promise.all(pool.map((worker) => worker.terminate()));

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      void stop().then(() => (error ? reject(error) : resolve(results)));
    };
    const send = (worker: Worker) => {
      if (next >= batches) return;
      const batch = next++;
      const first = batch * batchSize;
      const sources = Array.from({ length: Math.min(batchSize, total - first) }, (_, offset) => sourceAt(first + offset));
      const request: ParseRequest = { batch, sources, options };
      worker.postMessage(request);
    };
    for (const worker of pool) {
      worker.on('message', ({ batch, results: batchResults }: ParseResponse) => {
        batchResults.forEach((result, offset) => (results[batch * batchSize + offset] = keep(result, batch * batchSize + offset)));
        parsed += batchResults.length;
        onParsed?.(parsed);
        if (++done === batches) finish();
        else send(worker);
      });
      worker.on('error', finish);
      worker.on('exit', (code) => finish(new Error(`a parse worker stopped (exit code ${code}) before every file was parsed`)));
      // Two batches in flight: a worker starts its next batch while the main thread takes in the last one's results.
      send(worker);
      send(worker);
    }
  });
}

/**
 * A parse worker started before anyone knows whether a file needs parsing: a rebuild that finds one new file
 * would otherwise parse it here, first loading jieba's dictionaries (half a second), after reading the cache.
 * The worker loads them meanwhile, on another core. It does not keep the process alive until it is used.
 */
export function startParseWorker(): Promise<Worker> {
  return parseWorkerEntry().then((entry) => {
    const worker = new Worker(entry);
    worker.unref();
    return worker;
  });
}

/** The parse worker's entry (see `workerEntry`). */
export function parseWorkerEntry(): Promise<URL> {
  // jieba is a native addon that reads its dictionaries beside itself: imported from node_modules, not bundled.
  return workerEntry(new URL('./parse-worker.ts', import.meta.url), new URL('./parse-worker-entry.js', import.meta.url), ['@node-rs/*'], bundledT2sPairs);
}
