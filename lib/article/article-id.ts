import { createHash } from 'node:crypto';

/**
 * The same article saved twice, or saved over http and https, with or without `www.`,
 * a trailing slash or tracking parameters, gets the same id.
 */
export function normalizeArticleUrl(url: string): string {
  const parsed = new URL(url);
  parsed.protocol = 'https:';
  parsed.hostname = parsed.hostname.replace(/^www\./, '');
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$|ref_src$|spm$)/.test(key)) parsed.searchParams.delete(key);
  }
  parsed.pathname = parsed.pathname.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  return parsed.href;
}

export function articleId(url: string): string {
  return createHash('sha256').update(normalizeArticleUrl(url)).digest('hex').slice(0, 12);
}
