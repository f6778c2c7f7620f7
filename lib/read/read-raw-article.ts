import type { Result } from '../result.ts';
import { decodeText } from './decode-text.ts';
import { parseRawArticle, type ParseRawArticleOptions, type RawArticle } from './parse-raw-article.ts';

/** File bytes → header fields and raw HTML body: decoding, then parsing. */
export function readRawArticle(bytes: Uint8Array, options: ParseRawArticleOptions = {}): Result<RawArticle> {
  const text = decodeText(bytes);
  return text.ok ? parseRawArticle(text.value, options) : text;
}
