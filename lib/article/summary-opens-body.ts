const squash = (text: string): string => text.replace(/\s+/gu, '').replace(/[…．.]+$/u, '');

/**
 * Whether the body's text already starts with the summary, so the article page need not show it twice.
 * Worked out once when the article is parsed (and cached with it), not on every build.
 */
export function summaryOpensBody(summary: string, bodyText: string): boolean {
  const wanted = squash(summary);
  if (!wanted) return true;
  return squash(bodyText.slice(0, summary.length * 4 + 500)).startsWith(wanted);
}
