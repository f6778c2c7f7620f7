import { proseText } from '../clean/prose-text.ts';

/** Text compared without spacing, punctuation or symbols, full-width folded to half-width: `“国是访问”。` ≈ `"国是访问".` */
const fold = (text: string): string => text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();

/**
 * Whether the body already opens with the summary, so the article page need not show it twice: the summary
 * is in the body's text no later than its first paragraph of prose (`lead`: what a reader meets past the photo,
 * its caption and credit, the byline). Worked out once when the article is parsed (and cached with it).
 */
export function summaryOpensBody(summary: string, bodyText: string, lead?: string): boolean {
  const wanted = fold(summary.replace(/(…|\.\.\.)$/u, ''));
  if (!wanted) return true;
  // The summary is prose (no raw URLs, no rule lines): the body is read the same way.
  const body = fold(proseText(bodyText));
  const at = body.indexOf(wanted);
  if (at === 0) return true;
  if (at < 0 || lead === undefined) return false;
  const leadAt = body.indexOf(fold(proseText(lead)));
  return leadAt >= 0 && at <= leadAt;
}
