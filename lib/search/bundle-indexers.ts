import { Worker } from 'node:worker_threads';
import { workerEntry } from '../archive/bundle-module.ts';
import type { BundleRecord } from './index-bundle.ts';
import type { IndexJob, IndexJobDone } from './index-bundle-worker.ts';

export interface BundleIndexers {
  /** Indexes one bundle into `outputPath` in the first free thread; its records are made once that thread is free. */
  index(records: () => BundleRecord[], outputPath: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Threads that index bundles, each with its own Pagefind service: Pagefind works one bundle at a time on one core,
 * so two threads index two bundles at once. Threads start only when a bundle needs them (a warm build that
 * indexes one bundle starts one).
 */
export function bundleIndexers(threads: number): BundleIndexers {
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const waiting: ((worker: Worker) => void)[] = [];
  let started = 0;
  let nextId = 0;

  const take = async (): Promise<Worker> => {
    const free = idle.pop();
    if (free) return free;
    if (started < threads) {
      started++;
      const worker = new Worker(await indexWorkerEntry());
      all.push(worker);
      return worker;
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const give = (worker: Worker) => {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  };

  return {
    async index(records, outputPath) {
      const worker = await take();
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
          worker.postMessage({ id, records: records(), outputPath } satisfies IndexJob);
        });
      } finally {
        if (alive) give(worker);
        else {
          // A thread that died is not handed out again; the next bundle starts a new one.
          started--;
          void worker.terminate();
          const next = waiting.shift();
          if (next) void take().then(next);
        }
      }
    },
    async close() {
      await Promise.all(all.map((worker) => worker.terminate()));
    },
  };
}

/** Pagefind stays outside the bundle: it finds its binary from its own package folder. */
const indexWorkerEntry = () => workerEntry(new URL('./index-bundle-worker.ts', import.meta.url), new URL('./index-bundle-worker-entry.js', import.meta.url), ['pagefind']);
