import { parentPort, workerData } from 'node:worker_threads';
import type { Stories } from '../stories/group-stories.ts';
import { storedArticle, type BodyLocation } from '../archive/archived-article.ts';
import { BodyStore } from '../archive/body-store.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import type { Article, ArticleData, ArticleFeatures } from '../schema/article.ts';
import { collectGarbageAbove } from '../util/collect-garbage.ts';
import { phaseDone } from '../util/phase-timings.ts';
import { collections, pageUrl, type PagedModel, type PageItem } from './render-plan.ts';
import { renderRun } from './render-run.ts';
import { buildSiteModel } from '../site/site-model.ts';

/** An article as it crosses to the render thread: where its body is stored, or the body itself. */
export interface TransferArticle {
  data: ArticleData;
  bodyHash?: string;
  stored?: BodyLocation;
  html?: string;
  features?: ArticleFeatures;
}

/** A run's pages, named by collection and by URL as `pageUrl` gives them. */
export type RunPages = Record<keyof PagedModel, string[]>;

/** What both render threads share: the site's settings, and the counter they take runs from. */
export interface RenderThreadSettings {
  config: SiteConfig;
  pathPrefix: string;
  mode: 'build' | 'serve';
  templatesDir: string;
  target: string;
  gcAboveBytes: number;
  /** `[0]` is the next run nobody has taken yet: both threads take runs by adding one to it. */
  next: Int32Array;
  /** The articles' stories, as the main thread grouped them (without them, this thread groups them again). */
  stories?: Stories;
}

export interface RenderWorkerData extends RenderThreadSettings {
  articles: TransferArticle[];
  runs: { pages: RunPages; leaveOut?: string[] }[];
}

export type RenderWorkerMessage =
  | { type: 'written' }
  | { type: 'done'; run: number; files: string[] }
  | { type: 'failed'; run: number; error: string }
  | { type: 'finished' };

const input = workerData as RenderWorkerData;
const post = (message: RenderWorkerMessage) => parentPort!.postMessage(message);
const stores = new Map<string, BodyStore>();
const storeFor = (cacheDir: string): BodyStore => {
  let store = stores.get(cacheDir);
  if (!store) stores.set(cacheDir, (store = new BodyStore(cacheDir)));
  return store;
};
const articles = input.articles.map((article): Article => {
  if (article.stored) return storedArticle(article.data, article.stored.body, storeFor(article.stored.cacheDir), undefined, article.features);
  return { data: article.data, html: article.html ?? '', ...(article.bodyHash === undefined ? {} : { bodyHash: article.bodyHash }), ...(article.features ? { features: article.features } : {}) };
});
// The same articles in the same order make the same model as the main thread's.
const model = buildSiteModel({ articles, config: input.config, pathPrefix: input.pathPrefix, mode: input.mode, stories: input.stories });
const byUrl = new Map(collections.map((collection) => [collection, new Map((model[collection] as PageItem[]).map((item) => [pageUrl(item), item]))]));
phaseDone('second render thread ready');

for (let run = Atomics.add(input.next, 0, 1); run < input.runs.length; run = Atomics.add(input.next, 0, 1)) {
  const { pages, leaveOut } = input.runs[run]!;
  const selected = Object.fromEntries(collections.map((collection) => [collection, pages[collection].map((url) => byUrl.get(collection)!.get(url)!)]));
  try {
    const files = await renderRun({
      model,
      pages: selected as unknown as PagedModel,
      templatesDir: input.templatesDir,
      pathPrefix: input.pathPrefix,
      target: input.target,
      leaveOut,
      onWritten: () => post({ type: 'written' }),
    });
    collectGarbageAbove(input.gcAboveBytes);
    phaseDone(`eleventy run ${run + 1} of ${input.runs.length} (second thread)`);
    post({ type: 'done', run, files });
  } catch (error) {
    post({ type: 'failed', run, error: (error as Error).stack ?? String(error) });
    process.exit(1);
  }
}
post({ type: 'finished' });
