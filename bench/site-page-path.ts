import { articleId } from '../lib/article/article-id.ts';
import { articlePath, articleSlug, dayKey } from '../lib/site/site-paths.ts';
import { zonedDate } from '../lib/site/zoned-date.ts';
import type { PlannedArticle } from './generate-archive.ts';

/** Where our build puts an article's page: `/YYYY/MM/DD/<slug>/`, the day taken in the site's time zone. */
export function articlePagePath(article: Pick<PlannedArticle, 'title' | 'url' | 'publishedAt'>, timeZone: string): string {
  const slug = articleSlug({ id: articleId(article.url), title: article.title });
  return articlePath(dayKey(zonedDate(new Date(article.publishedAt), timeZone)), slug);
}

/** The slug alone, which the Hugo site uses as the page's file name so both sites share URLs. */
export function articlePageSlug(article: Pick<PlannedArticle, 'title' | 'url'>): string {
  return articleSlug({ id: articleId(article.url), title: article.title });
}

/** Epoch ms of midnight starting `year-month-day` in `timeZone`. */
export function midnightIn(timeZone: string, year: number, month: number, day: number): number {
  const utcMidnight = Date.UTC(year, month - 1, day);
  const offset = zonedDate(new Date(utcMidnight), timeZone).offset;
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours = 0, minutes = 0] = offset.slice(1).split(':').map(Number);
  return utcMidnight - sign * (hours * 60 + minutes) * 60_000;
}
