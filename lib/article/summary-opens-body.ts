import { proseText } from '../clean/prose-text.ts';

/** Text compared without spacing, punctuation or symbols, full-width folded to half-width: `“国是访问”。` ≈ `"国是访问".` */
const squashable = /[\s\p{P}\p{S}]+/gu;
const fold = (text: string): string => text.normalize('NFKC').replace(squashable, '').toLowerCase();

/**
 * Whether the body already opens with the summary, so the article page need not show it twice: the summary
 * is in the body's text no later than its first paragraph of prose (`lead`: what a reader meets past the photo,
 * its caption and credit, the byline). Worked out once when the article is parsed (and cached with it).
 */
export function summaryOpensBody(summary: string, bodyText: string, lead?: string): boolean {
  const wanted = fold(summary.replace(/(…|\.\.\.)$/u, ''));
  if (!wanted) return true;
  // The summary is prose (no raw URLs, no rule lines): the body is read the same way. Most bodies tell
  // within their head (the summary and the lead near the top): the whole is folded only when it does not.
  const head = foldedHead(bodyText, wanted.length) ?? '';
  let whole: string | undefined;
  const indexInBody = (text: string): number => {
    const inHead = head.indexOf(text);
    if (inHead >= 0) return inHead;
    whole ??= fold(proseText(bodyText));
    return whole.indexOf(text);
  };
  if (lead === undefined && head.length >= wanted.length) return head.startsWith(wanted);
  const at = indexInBody(wanted);
  if (at === 0) return true;
  if (at < 0 || lead === undefined) return false;
  const leadAt = indexInBody(fold(proseText(lead)));
  return leadAt >= 0 && at <= leadAt;
}

/**
 * A beginning of `fold(proseText(text))`, of about twice `length` and more, or undefined where it cannot be had
 * for less than the whole. The text is cut before a whitespace character: raw URLs and rule lines hold none,
 * so proseText of the head is a beginning of proseText of the whole, followed there by a space; NFKC neither
 * composes nor reorders across a space, and the squash drops characters one by one. Lower-casing is the same
 * piece by piece except for a final sigma, whose form depends on what follows: a head with a Σ is not used.
 */
function foldedHead(text: string, length: number): string | undefined {
  const cut = text.slice(2 * length + 64).search(/\s/u);
  if (cut < 0) return undefined;
  const head = text.slice(0, 2 * length + 64 + cut);
  // proseText skips its URL pass when the text has no "www." in lower case, yet the pass takes "WWW." too:
  // such a head might be read otherwise than within the whole text.
  if (/www\./iu.test(head) && !head.includes('www.')) return undefined;
  const squashed = proseText(head).normalize('NFKC').replace(squashable, '');
  return squashed.includes('Σ') ? undefined : squashed.toLowerCase();
}
