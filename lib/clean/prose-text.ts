import { collapseWhitespace } from './hast-content.ts';

/**
 * A link written out, with its scheme or `www.`, or a bare domain with a path (`pic.twitter.com/x`, `bit.ly/y`);
 * it runs until the first space or non-ASCII character. And a rule drawn with characters.
 */
const rawUrl = /(?:https?:\/\/|www\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/)[\x21-\x7e]*/giu;
const ruleLine = /([=＝\-－_＿*~～─━—])\1{3,}/gu;

/** Text as a listing shows it, as prose: raw URLs and `=====` rules are not read aloud, they are left out. */
export function proseText(text: string): string {
  if (!text.includes('/') && !text.includes('www.') && !/(.)\1{3}/u.test(text)) return collapseWhitespace(text);
  return collapseWhitespace(text.replace(rawUrl, ' ').replace(ruleLine, ' '));
}
