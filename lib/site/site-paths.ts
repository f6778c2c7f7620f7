import { createHash } from 'node:crypto';
import { slug as unicodeSlug } from 'github-slugger';
import type { ArticleData } from '../schema/article.ts';
import type { ZonedDate } from './zoned-date.ts';

const maxSlugWords = 8;
const maxSlugLength = 60;

/**
 * A readable ASCII slug from a mostly Latin title, or '' when the title is mostly in another script
 * (a Chinese title with one English word should not be named after that word).
 */
export function latinSlug(title: string): string {
  const letters = [...title.matchAll(/\p{L}/gu)].length;
  const folded = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const latinLetters = [...folded.matchAll(/[a-z]/g)].length;
  if (letters === 0 || latinLetters * 2 < letters) return '';
  let slug = '';
  for (const word of folded.match(/[a-z0-9]+/g)?.slice(0, maxSlugWords) ?? []) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxSlugLength) break;
    slug = next;
  }
  return slug;
}

/** `us-china-talks-3f2a9c1b7d0e`, or just the id: depends only on the article itself, so it never moves. */
export function articleSlug(data: Pick<ArticleData, 'id' | 'title'>): string {
  const readable = latinSlug(data.title);
  return readable ? `${readable}-${data.id}` : data.id;
}

export const dayKey = (zoned: ZonedDate): string => `${zoned.year}-${zoned.month}-${zoned.day}`;
export const yearPath = (year: string): string => `/${year}/`;
export const monthPath = (year: string, month: string): string => `/${year}/${month}/`;
export const dayPath = (key: string): string => `/${key.replaceAll('-', '/')}/`;
export const articlePath = (key: string, slug: string): string => `${dayPath(key)}${slug}/`;

/** `/base/page/1/`, `/base/page/2/`…: an older page of a list whose newest page is `/base/` itself. */
export const pagePath = (base: string, pageNumber: number): string => `${base}page/${pageNumber}/`;

/** Unicode-preserving slug of a source's display name (`FT中文网` → `ft中文网`), never empty. */
export function sourceSlug(name: string): string {
  const slug = unicodeSlug(name.normalize('NFKC')).replace(/-{2,}/g, '-');
  return slug.replace(/^-+|-+$/g, '') || `source-${createHash('sha1').update(name).digest('hex').slice(0, 8)}`;
}

/** `/archive/` style: a leading and trailing slash, `/` when there is no prefix. */
export function normalizePathPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').split('/').filter(Boolean).join('/');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Absolute URL of a site path (`/2020/06/`) on the published site, prefix included, non-ASCII percent-encoded. */
export function absoluteUrl(siteUrl: string, pathPrefix: string, path: string): string {
  const origin = new URL(siteUrl).origin;
  return encodeURI(`${origin}${pathPrefix}${path.replace(/^\//, '')}`);
}
