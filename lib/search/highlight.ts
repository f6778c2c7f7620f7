import { foldWithOffsets, type CharMap } from './fold-text.ts';
import type { SearchPart } from './search-tokens.ts';

/** A piece of shown text, marked where it matches the query. */
export interface Piece {
  text: string;
  mark: boolean;
}

/**
 * Where the query's words and runs occur in `text` as written, found in its folded form (so 选区 marks
 * 選區): a word where a word starts (Pagefind matches stems and prefixes, so `market` marks `markets`),
 * a run of CJK characters whole, or else each of its pairs. Ranges in `text`, sorted and merged (also
 * across the spaces between two matches).
 */
export function matchRanges(text: string, parts: readonly SearchPart[], map: CharMap): [number, number][] {
  const { folded, offsets } = foldWithOffsets(text, map);
  const ranges: [number, number][] = [];
  const find = (needle: string, atWordStart: boolean): boolean => {
    let found = false;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) {
      if (atWordStart && at > 0 && /[\p{L}\p{N}]/u.test(folded[at - 1]!)) continue;
      ranges.push([offsets[at]!, offsets[at + needle.length]!]);
      found = true;
    }
    return found;
  };
  for (const part of parts) {
    if (!part.cjk) find(part.text, true);
    else if (!find(part.text, false)) for (const pair of part.pairs) find(pair, false);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    // Words of a phrase next to each other are one mark: `<mark>hong kong</mark>`.
    if (last && (range[0] <= last[1] || /^[ \t]+$/.test(text.slice(last[1], range[0])))) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The whole of `text`, its matches marked (a title). */
export function highlightAll(text: string, parts: readonly SearchPart[], map: CharMap): Piece[] {
  return pieces(text, matchRanges(text, parts, map), 0, text.length);
}

/**
 * About `length` characters of `text` around its first match, matches marked, with an ellipsis where
 * it was cut; the start of the text when nothing matches.
 */
export function snippet(text: string, parts: readonly SearchPart[], map: CharMap, length = 160): Piece[] {
  const ranges = matchRanges(text, parts, map);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 4));
  let end = Math.min(text.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  start = avoidSplit(text, start);
  end = avoidSplit(text, end);
  const shown = pieces(text, ranges, start, end);
  if (start > 0) shown.unshift({ text: '…', mark: false });
  if (end < text.length) shown.push({ text: '…', mark: false });
  return shown;
}

function pieces(text: string, ranges: [number, number][], start: number, end: number): Piece[] {
  const out: Piece[] = [];
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a > at) out.push({ text: text.slice(at, a), mark: false });
    out.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < end) out.push({ text: text.slice(at, end), mark: false });
  return out;
}

/** Never cut between the two halves of a surrogate pair. */
const avoidSplit = (text: string, at: number): number => (at > 0 && at < text.length && /[\uDC00-\uDFFF]/.test(text[at]!) ? at - 1 : at);
