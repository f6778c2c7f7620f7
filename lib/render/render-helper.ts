import { Worker } from 'node:worker_threads';
import type { SiteArticle } from '../archive/archived-article.ts';
import { workerEntry } from '../archive/bundle-module.ts';
import { collections, pageUrl, type PagedModel, type PageItem } from './render-plan.ts';
import type { RenderThreadSettings, RenderWorkerData, RenderWorkerMessage, RunPages, TransferArticle } from './render-worker.ts';

export interface RenderHelperOptions extends RenderThreadSettings {
  runs: { pages: PagedModel; leaveOut: string[] | undefined }[];
  onWritten: (() => void) | undefined;
}

/** A second thread rendering runs of the same site, taking each next run when it is free, as the main thread does. */
export interface RenderHelper {
  /**
   * The files of each run the helper rendered, once it has taken its last run. Rejects when a run failed;
   * a helper that could not start, or stopped without a word, resolves with what it finished (`stoppedBy` says why).
   */
  finished: Promise<Map<number, string[]>>;
  /** Why the helper stopped before taking every run it could: it failed to start, or its thread died. */
  stoppedBy?: Error;
  close(): Promise<void>;
}

/**
 * The helper gets the articles (stored ones as where their bodies are, so no body crosses threads), makes the
 * same model from them, and takes runs through the shared counter: the main thread, busy inside Eleventy, would
 * answer its messages too late to hand out work.
 */
export function startRenderHelper(articles: readonly SiteArticle[], options: RenderHelperOptions): RenderHelper {
  const helper: RenderHelper = { finished: Promise.resolve(new Map()), close: async () => {} };
  const { runs, onWritten, ...settings } = options;
  const thread = renderWorkerEntry().then((entry) => {
    const workerData: RenderWorkerData = {
      ...settings,
      articles: articles.map(transferable),
      runs: runs.map(({ pages, leaveOut }) => ({ pages: pageUrls(pages), ...(leaveOut ? { leaveOut } : {}) })),
    };
    return new Worker(entry, { workerData });
  });
  helper.finished = thread.then(
    (worker) =>
      new Promise((resolve, reject) => {
        const files = new Map<number, string[]>();
        worker.on('message', (message: RenderWorkerMessage) => {
          if (message.type === 'written') onWritten?.();
          else if (message.type === 'done') files.set(message.run, message.files);
          else if (message.type === 'failed') reject(new Error(`rendering run ${message.run + 1} in the second thread failed: ${message.error}`));
          else resolve(files);
        });
        worker.on('error', (error) => {
          helper.stoppedBy ??= error;
          resolve(files);
        });
        // Stopping without a word: whatever runs it took and did not finish are missing, which the caller checks.
        worker.on('exit', () => resolve(files));
      }),
    (error: Error) => {
      helper.stoppedBy = error;
      return new Map();
    },
  );
  // A failed main thread never waits for the helper: its failure must not go unhandled.
  helper.finished.catch(() => undefined);
  helper.close = async () => {
    const worker = await thread.catch(() => undefined);
    await worker?.terminate();
  };
  return helper;
}

function transferable(article: SiteArticle): TransferArticle {
  const hash = article.bodyHash === undefined ? {} : { bodyHash: article.bodyHash };
  // Stories, related articles and topics come from the features: the other thread's model must have them too.
  const features = article.features ? { features: article.features } : {};
  return article.stored ? { data: article.data, stored: article.stored, ...hash, ...features } : { data: article.data, html: article.html, ...hash, ...features };
}

function pageUrls(pages: PagedModel): RunPages {
  return Object.fromEntries(collections.map((collection) => [collection, (pages[collection] as PageItem[]).map(pageUrl)])) as RunPages;
}

/** The render worker's entry (see `workerEntry`): Eleventy stays outside the bundle, imported from node_modules. */
function renderWorkerEntry(): Promise<URL> {
  return workerEntry(new URL('./render-worker.ts', import.meta.url), new URL('./render-worker-entry.js', import.meta.url), ['@11ty/*']);
}
