import { fail, ok, type Result } from '../result.ts';

/** The source link: an absolute http(s) URL with a host, returned in WHATWG-normalized form. */
export function parseArticleUrl(raw: string): Result<string> {
  const value = raw.trim();
  const reason = `url: must be an absolute http(s) URL (got "${value}")`;
  if (!URL.canParse(value)) return fail(reason);
  const url = new URL(value);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return fail(reason);
  return ok(url.href);
}
