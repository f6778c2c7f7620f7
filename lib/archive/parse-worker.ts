import { parentPort } from 'node:worker_threads';
import { buildArticle, type ArticleOptions, type ArticleSource } from '../article/build-article.ts';

export interface ParseRequest {
  batch: number;
  sources: ArticleSource[];
  options: ArticleOptions;
}

export interface ParseResponse {
  batch: number;
  results: ReturnType<typeof buildArticle>[];
}

parentPort?.on('message', ({ batch, sources, options }: ParseRequest) => {
  const response: ParseResponse = { batch, results: sources.map((source) => buildArticle(source, options)) };
  parentPort?.postMessage(response);
});
