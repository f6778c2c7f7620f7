import { Worker } from 'node:worker_threads';
import { workerEntry } from '../archive/bundle-module.ts';
import type { BundleRecord } from './index-bundle.ts';
import type { IndexJob, IndexJobDone } from './index-bundle-worker.ts';

export interface BundleIndexers {
  /**
   * Indexes one bundle of `articles` articles into `outputPath` once a thread and the memory for it are free;
   * its records are made only then.
   */
  index(articles: number, records: () => BundleRecord[], outputPath: string): Promise<void>;
  close(): Promise<void>;
}

export interface IndexerLimits {
  /** At most this many bundles at once. */
  threads: number;
  /** At most this many articles in the bundles being indexed at once (one bundle alone may hold more). */
  articles: number;
}

interface Job {
  articles: number;
  records: () => BundleRecord[];
  outputPath: string;
  done: (error?: Error) => void;
}

/**
 * Threads that index bundles, each with its own Pagefind service. Pagefind indexes a bundle on one core and holds
 * ~0.8 MB an article while it does, so bundles are indexed side by side only while their articles together stay
 * within `limits.articles`: a small bundle beside a big one, never two big ones. Threads start when a bundle
 * needs one.
 */
export function bundleIndexers(limits: IndexerLimits): BundleIndexers {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const all: Worker[] = [];
  let running = 0;
  let runningArticles = 0;
  let nextId = 0;

  const fits = (job: Job) => running === 0 || (running < limits.threads && runningArticles + job.articles <= limits.articles);

  const pump = () => {
    while (queue.length > 0 && fits(queue[0]!)) {
      const job = queue.shift()!;
      running++;
      runningArticles += job.articles;
      void run(job).then(
        () => job.done(),
        (error: Error) => job.done(error),
      ).finally(() => {
        running--;
        runningArticles -= job.articles;
        pump();
      });
    }
  };

  const run = async (job: Job): Promise<void> => {
    const worker = idle.pop() ?? (await startWorker());
    const id = nextId++;
    let alive = true;
    try {
      await new Promise<void>((resolve, reject) => {
        const onMessage = (done: IndexJobDone) => {
          if (done.id !== id) return;
          cleanup();
          if (done.error) reject(new Error(done.error));
          else resolve();
        };
        const onError = (error: Error) => {
          alive = false;
          cleanup();
          reject(error);
        };
        const onExit = (code: number) => {
          alive = false;
          cleanup();
          reject(new Error(`search: the indexing thread stopped (exit ${code})`));
        };
        const cleanup = () => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.postMessage({ id, records: job.records(), outputPath: job.outputPath } satisfies IndexJob);
      });
    } finally {
      // A thread that died is not given work again; the next bundle starts a new one.
      if (alive) idle.push(worker);
      else void worker.terminate();
    }
  };

  const startWorker = async () => {
    const worker = new Worker(await indexWorkerEntry());
    all.push(worker);
    return worker;
  };

  return {
    index(articles, records, outputPath) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ articles, records, outputPath, done: (error) => (error ? reject(error) : resolve()) });
        pump();
      });
    },
    async close() {
      await Promise.all(all.map((worker) => worker.terminate()));
    },
  };
}

/** Pagefind stays outside the bundle: it finds its binary from its own package folder. */
const indexWorkerEntry = () => workerEntry(new URL('./index-bundle-worker.ts', import.meta.url), new URL('./index-bundle-worker-entry.js', import.meta.url), ['pagefind']);
