import type { Archive } from '../archive/load-archive.ts';
import { fail, ok, type Result } from '../result.ts';
import { zonedDate } from './zoned-date.ts';

/** The year an article's `/YYYY/` page is, in the site's time zone. */
export const publicationYear = (publishedAt: Date, timeZone: string): number => Number(zonedDate(publishedAt, timeZone).year);

/**
 * The shard of an archive: the articles published in `years`. The others are no bad files, only another
 * site's: they leave `built` for `otherYears`, so the report still accounts for every file. Chosen after
 * deduplication, so an article saved twice across a year's end is built by one shard only, and after parsing,
 * so the parse cache stays whole for every shard built from the same content and cache.
 */
export function shardOf(archive: Archive, years: readonly number[], timeZone: string): Archive {
  const wanted = new Set(years);
  const articles: Archive['articles'] = [];
  const leftOut = new Set<string>();
  const otherYears = new Set<number>();
  for (const article of archive.articles) {
    const year = publicationYear(article.data.publishedAt, timeZone);
    if (wanted.has(year)) articles.push(article);
    else {
      leftOut.add(article.data.file);
      otherYears.add(year);
    }
  }
  const report = {
    ...archive.report,
    built: archive.report.built.filter((file) => !leftOut.has(file)),
    otherYears: { years: [...otherYears].sort((a, b) => a - b), files: archive.report.built.filter((file) => leftOut.has(file)) },
  };
  return { ...archive, articles, report };
}

/** The shard of `years`, or why there is none: an archive with no article of those years would build an empty site. */
export function selectShardYears(archive: Archive, years: readonly number[], timeZone: string): Result<Archive> {
  const shard = shardOf(archive, years, timeZone);
  return shard.articles.length > 0 || archive.articles.length === 0 ? ok(shard) : fail(noArticleOf(years, shard, timeZone));
}

/** `no article of 2019 in the archive (its articles are of 2020, 2021, counted in Asia/Shanghai)` */
export function noArticleOf(years: readonly number[], shard: Archive, timeZone: string): string {
  const held = shard.report.otherYears?.years ?? [];
  const there = held.length > 0 ? `its articles are of ${held.join(', ')}` : 'it holds no article';
  return `no article of ${[...years].sort((a, b) => a - b).join(', ')} in the archive (${there}, counted in ${timeZone})`;
}
