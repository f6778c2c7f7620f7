import { buildArticle, type ArticleOptions, type ArticleSource } from '../article/build-article.ts';
import type { Article } from '../schema/article.ts';
import type { Result } from '../result.ts';

/** A file's bytes, or why they could not be read (`permission denied`): that reason is then the file's rejection. */
export type SourceRead = ArticleSource | Extract<Result<never>, { ok: false }>;

export interface ParseRequest {
  batch: number;
  sources: SourceRead[];
  options: ArticleOptions;
}

export interface ParseResponse {
  batch: number;
  results: Result<Article>[];
}

export const parseSource = (source: SourceRead, options: ArticleOptions): Result<Article> => ('bytes' in source ? buildArticle(source, options) : source);
