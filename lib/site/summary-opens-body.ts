import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

const squash = (text: string): string => text.replace(/\s+/gu, '').replace(/[…．.]+$/u, '');

/**
 * Whether the body already starts with the summary, so the article page need not show it twice.
 * Only the body's head is parsed: the summary is at most a few hundred characters, and a whole
 * body per article would be a second full parse of the archive.
 */
export function summaryOpensBody(summary: string, html: string): boolean {
  const wanted = squash(summary);
  if (!wanted) return true;
  const head = fromHtml(html.slice(0, summary.length * 8 + 2000), { fragment: true });
  return squash(toText(head)).startsWith(wanted);
}
