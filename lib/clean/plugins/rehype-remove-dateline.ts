import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import '../clean-data.ts';
import { collapseWhitespace, createTextOf, isBlank } from '../hast-content.ts';
import { CONTINUE, EXIT, SKIP, visit } from '../visit-tree.ts';

export interface RemoveDatelineOptions {
  /** How much text may come before a dateline for it to count as "near the top". */
  maxLeadingText?: number;
  /** How far (in days) the dateline may be from the article's time and still only repeat it. */
  toleranceDays?: number;
}

const emptyOptions: Readonly<RemoveDatelineOptions> = Object.freeze({});
const dayMs = 86_400_000;

/** Elements a feed wraps its dateline in; never links, quotes or headings. */
const datelineTags: ReadonlySet<string> = new Set(['b', 'div', 'em', 'font', 'header', 'i', 'p', 'small', 'span', 'strong', 'time']);
const months = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';

/** Date formats found at the top of the corpus bodies, each returning [year, month, day]. */
const datePatterns: ReadonlyArray<{ pattern: RegExp; ymd: (m: RegExpExecArray) => [string, string, string] | undefined }> = [
  // 17/03/2023 - 10:11 (RFI)
  { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*[-–]\s*\d{1,2}:\d{2})?$/, ymd: (m) => [m[3]!, m[2]!, m[1]!] },
  // 2020年 7月 19日 (BBC)
  { pattern: /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$/, ymd: (m) => [m[1]!, m[2]!, m[3]!] },
  // 2020-07-20, 2020-07-20 17:51:00 (NYT), 2020-07-20T00:48:43 (Reuters), 2020-07-20T12:07:18.233Z (DW)
  {
    pattern: /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i,
    ymd: (m) => [m[1]!, m[2]!, m[3]!],
  },
  // Mon, 20 Jul 2020 18:57:48 GMT (VOA), Jul 30th 2020 (The Economist), July 20, 2020
  {
    pattern: new RegExp(`^(?:[a-z]{3,9},?\\s+)?(?:\\d{1,2}\\s+(?:${months})[a-z]*\\.?,?\\s+\\d{4}|(?:${months})[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?(?:\\s*(?:GMT|UTC|[+-]\\d{4}))?$`, 'i'),
    ymd: (m) => {
      const time = Date.parse(m[0].replace(/(\d)(?:st|nd|rd|th)\b/i, '$1'));
      if (Number.isNaN(time)) return undefined;
      const date = new Date(time);
      return [String(date.getUTCFullYear()), String(date.getUTCMonth() + 1), String(date.getUTCDate())];
    },
  },
];

/**
 * A character none of `datePatterns` can match, whitespace aside. Wrappers near the top hold the whole article:
 * finding one of these, usually within the first few characters, spares collapsing and matching all their text.
 * Keep it in step with the patterns.
 */
const notInAnyDate = /[^\s\u200b-\u200d\u2060\ufeff\w/.:,+\-–年月日]/u;

/** The calendar day a text names, when the text is nothing but a date (and perhaps a time). */
export function parseDateline(text: string): Date | undefined {
  if (notInAnyDate.test(text)) return undefined;
  const value = collapseWhitespace(text);
  for (const { pattern, ymd } of datePatterns) {
    const match = pattern.exec(value);
    const parts = match ? ymd(match) : undefined;
    if (parts === undefined) continue;
    const [year, month, day] = parts.map(Number) as [number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    return new Date(Date.UTC(year, month - 1, day));
  }
  return undefined;
}

/**
 * Drops the dateline a feed puts above the article when it only repeats the publication
 * date: a whole element like `<div><i>2020年 7月 19日</i></div>`, or the date line of a
 * byline like `<i>王凡<br>2020-07-20T12:07:18Z</i>` (the name stays).
 */
export function rehypeRemoveDateline(options: Readonly<RemoveDatelineOptions> = emptyOptions) {
  const maxLeadingText = options.maxLeadingText ?? 120;
  const toleranceMs = (options.toleranceDays ?? 2) * dayMs;

  return (tree: Root, file: VFile): void => {
    const publishedAt = file.data.cleanContext?.publishedAt;
    const repeatsPublication = (date: Date | undefined): boolean =>
      date !== undefined && (publishedAt === undefined || Number.isNaN(publishedAt.getTime()) || Math.abs(date.getTime() - publishedAt.getTime()) <= toleranceMs);

    const textOf = createTextOf();
    let leadingText = 0;
    visit(tree, (node, index, parent) => {
      if (leadingText > maxLeadingText) return EXIT;
      if (node.type === 'text') {
        leadingText += collapseWhitespace(node.value).length;
        return CONTINUE;
      }
      if (node.type !== 'element' || parent === undefined || index === undefined) return CONTINUE;
      if (node.tagName === 'a' || node.tagName === 'blockquote') {
        leadingText += collapseWhitespace(textOf(node)).length;
        return SKIP;
      }
      if (!datelineTags.has(node.tagName)) return CONTINUE;
      if (repeatsPublication(datelineOf(node))) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (removeDateLine(node, repeatsPublication)) return SKIP;
      return CONTINUE;
    });
  };
}

/**
 * `parseDateline` of the element's text. The first wrappers hold the whole article: their text is not joined
 * when one of its nodes holds a character no date has, which is usually the first.
 */
function datelineOf(node: Element): Date | undefined {
  const texts: string[] = [];
  let possible = true;
  visit(node, 'text', (text) => {
    if (notInAnyDate.test(text.value)) {
      possible = false;
      return EXIT;
    }
    texts.push(text.value);
    return CONTINUE;
  });
  return possible ? parseDateline(texts.join('')) : undefined;
}

/** In `name<br>date`, removes `<br>date`; true when it did. */
function removeDateLine(node: Element, repeatsPublication: (date: Date | undefined) => boolean): boolean {
  const { children } = node;
  let last = children.length - 1;
  while (last >= 0 && children[last]!.type === 'text' && isBlank((children[last] as { value: string }).value)) last -= 1;
  const line = children[last];
  if (line?.type !== 'text' || !repeatsPublication(parseDateline(line.value))) return false;
  let start = last;
  while (start > 0 && children[start - 1]!.type === 'text' && isBlank((children[start - 1] as { value: string }).value)) start -= 1;
  const before = children[start - 1];
  if (before?.type !== 'element' || before.tagName !== 'br') return false;
  children.splice(start - 1, children.length - (start - 1));
  return true;
}
