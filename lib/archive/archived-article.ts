import type { Article, ArticleData, ArticleFeatures, SearchText } from '../schema/article.ts';
import { bodyHash, type BodyStore, type StoredBody } from './body-store.ts';

export { bodyHash };

/** Where a stored article's body is: enough for another thread to read it from the same store. */
export interface BodyLocation {
  cacheDir: string;
  body: StoredBody;
}

/** An article as the archive gives it: its body's hash travels with it, so pages are fingerprinted without reading bodies. */
export type ArchivedArticle = Article & { readonly bodyHash: string; readonly stored?: BodyLocation };

/** What the site accepts: an archived article, or a plain one whose body is hashed when needed. */
export type SiteArticle = Article & { readonly bodyHash?: string; readonly stored?: BodyLocation };

/** An article whose body (and search text) is read from the store only when something shows or indexes it. */
export function storedArticle(data: ArticleData, body: StoredBody, store: BodyStore, search?: StoredBody, features?: ArticleFeatures): ArchivedArticle {
  const article: ArchivedArticle = {
    data,
    ...(features ? { features } : {}),
    bodyHash: body.hash,
    stored: { cacheDir: store.cacheDir, body },
    get html() {
      return store.read(body);
    },
  };
  if (!search) return article;
  return Object.defineProperty(article, 'search', { enumerable: true, get: () => JSON.parse(store.read(search)) as SearchText });
}

export function inMemoryArticle(article: Article): ArchivedArticle {
  return { ...article, bodyHash: bodyHash(article.html) };
}
