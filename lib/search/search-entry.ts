import type { SiteArticle } from '../archive/archived-article.ts';
import type { ArticleView } from '../site/article-view.ts';

/**
 * What the search index needs of one article and its page. Taken from the site model so that the model can be
 * let go before indexing: at 100,000 articles its views are about 730 MB of heap, beside Pagefind's own gigabyte.
 */
export type SearchEntry = Pick<ArticleView, 'url' | 'title' | 'source' | 'dateLabel' | 'datetime' | 'lang' | 'dayKey'> & { article: SiteArticle };

/** One entry per article, in the order of `views` (one view each, in the order of `articles`). */
export function searchEntries(articles: readonly SiteArticle[], views: readonly ArticleView[]): SearchEntry[] {
  return views.map(({ url, title, source, dateLabel, datetime, lang, dayKey }, index) => ({ url, title, source, dateLabel, datetime, lang, dayKey, article: articles[index]! }));
}
