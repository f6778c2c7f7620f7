import { proseText } from '../clean/prose-text.ts';

const squash = (text: string): string => text.replace(/\s+/gu, '').replace(/[…．.]+$/u, '');

/**
 * Whether the body's text already starts with the summary, so the article page need not show it twice.
 * Worked out once when the article is parsed (and cached with it), not on every build.
 */
export function summaryOpensBody(summary: string, bodyText: string): boolean {
  const wanted = squash(summary);
  if (!wanted) return true;
  // The summary is prose (no raw URLs, no rule lines): the body is read the same way.
  return squash(proseText(bodyText.slice(0, summary.length * 4 + 500))).startsWith(wanted);
}
