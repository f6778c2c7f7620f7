import { fromHtml } from 'hast-util-from-html';
import type { SiteArticle } from '../archive/archived-article.ts';
import { plainText } from '../clean/plain-text.ts';
import type { SearchText } from '../schema/article.ts';
import type { ArticleView } from '../site/article-view.ts';
import { articleSearchText } from './article-search-text.ts';

/**
 * One article as Pagefind indexes it: an HTML page of its own making, never the rendered article page
 * (which holds navigation and other articles' titles). The title's tokens are its `<h1>`, which Pagefind
 * weighs above the body's; what a result shows (the title and text as written, the source, the date, the
 * article's URL) is metadata, and source, year and language are filters. Everything from the article is
 * escaped: Pagefind reads it as text and gives it back as text.
 */
export function searchRecord(article: SiteArticle, view: ArticleView, pathPrefix: string): { url: string; content: string } {
  const search = article.search ?? searchTextOf(article);
  const url = `${pathPrefix}${view.url.slice(1)}`;
  const meta = (name: string, value: string) => `<span data-pagefind-meta="${name}">${escapeHtml(value)}</span>`;
  const filter = (name: string, value: string) => `<span data-pagefind-filter="${name}">${escapeHtml(value)}</span>`;
  const content = [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>',
    `<h1 data-pagefind-weight="10">${escapeHtml(search.title)}</h1>`,
    `<p>${escapeHtml(search.body)}</p>`,
    '<div data-pagefind-ignore>',
    meta('title', view.title),
    meta('url', url),
    meta('source', view.source),
    meta('date', view.dateLabel),
    meta('datetime', view.datetime),
    meta('lang', view.lang),
    meta('text', search.text),
    filter('source', view.source),
    filter('year', view.dayKey.slice(0, 4)),
    filter('language', view.lang),
    `<span data-pagefind-sort="date">${article.data.publishedAt.getTime().toString().padStart(15, '0')}</span>`,
    '</div></body></html>',
  ].join('');
  return { url, content };
}

/** An article made without search text (handed to the site directly, not parsed from a file) gets it here. */
function searchTextOf(article: SiteArticle): SearchText {
  return articleSearchText(article.data.title, plainText(fromHtml(article.html, { fragment: true })));
}

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
