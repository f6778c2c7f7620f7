import type { Article, ArticleData } from '../schema/article.ts';
import { bodyHash, type BodyStore, type StoredBody } from './body-store.ts';

export { bodyHash };

/** An article as the archive gives it: its body's hash travels with it, so pages are fingerprinted without reading bodies. */
export type ArchivedArticle = Article & { readonly bodyHash: string };

/** What the site accepts: an archived article, or a plain one whose body is hashed when needed. */
export type SiteArticle = Article & { readonly bodyHash?: string };

/** An article whose body is read from the store only when something shows it. */
export function storedArticle(data: ArticleData, body: StoredBody, store: BodyStore): ArchivedArticle {
  return {
    data,
    bodyHash: body.hash,
    get html() {
      return store.read(body);
    },
  };
}

export function inMemoryArticle(article: Article): ArchivedArticle {
  return { ...article, bodyHash: bodyHash(article.html) };
}
