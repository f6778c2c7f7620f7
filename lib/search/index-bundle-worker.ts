import { parentPort } from 'node:worker_threads';
import { indexBundle, type BundleRecord } from './index-bundle.ts';

export type IndexJob = { id: number; records: BundleRecord[]; outputPath: string };
export type IndexJobDone = { id: number; error?: string };

// A thread of its own per bundle indexer, so each has its own Pagefind service and two bundles are indexed at once.
parentPort!.on('message', (job: IndexJob) => {
  indexBundle(job.records, job.outputPath).then(
    () => parentPort!.postMessage({ id: job.id } satisfies IndexJobDone),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies IndexJobDone),
  );
});
