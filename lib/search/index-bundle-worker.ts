import { parentPort } from 'node:worker_threads';
import { indexBundle, type BundleRecord } from './index-bundle.ts';
import { collectGarbage } from '../util/collect-garbage.ts';

export type IndexJob = { id: number; records: BundleRecord[]; outputPath: string };
export type IndexJobDone = { id: number; error?: string };

// A thread of its own per bundle indexer, so each has its own Pagefind service and two bundles are indexed at once.
parentPort!.on('message', (job: IndexJob) => {
  const done = (reply: IndexJobDone) => {
    // A bundle's records and what Pagefind's API made of them (tens of MB) are garbage now. Left to V8, a thread's
    // heap grew by hundreds of MB over a 100,000-article index and took the build past 2 GiB (2,550 MiB measured).
    collectGarbage();
    parentPort!.postMessage(reply);
  };
  indexBundle(job.records, job.outputPath).then(
    () => done({ id: job.id }),
    (error: unknown) => done({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
