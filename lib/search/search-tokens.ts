/**
 * Tokens of folded text, the same at index time and on the query (no Node imports). Chinese, Japanese and
 * Korean are written without spaces, and segmenting them by dictionary is slow and differs between Node and
 * the browser: a run of Han, Kana or Hangul becomes its overlapping pairs of characters instead (讨论深化 →
 * 讨论 论深 深化; a single character stays one). Everything else is split into words at anything that is not
 * a letter, mark or digit; Pagefind stems those itself.
 */
const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}ー々〆';
const letter = `(?:(?![${cjk}])[\\p{L}\\p{M}\\p{N}])`;
const wordOrRun = new RegExp(`([${cjk}]+)|${letter}+(?:'${letter}+)*`, 'gu');

export interface SearchPart {
  /** The folded text of the word or run. */
  text: string;
  /** Its tokens: the word itself, or the run's pairs of characters. */
  tokens: string[];
  cjk: boolean;
}

/** Each word or run of CJK characters in folded text, with its tokens. */
export function searchParts(folded: string): SearchPart[] {
  const parts: SearchPart[] = [];
  for (const [text, run] of folded.replaceAll('’', "'").matchAll(wordOrRun)) {
    parts.push(run ? { text, tokens: pairs(text), cjk: true } : { text, tokens: [text], cjk: false });
  }
  return parts;
}

/** The tokens of folded text, separated by spaces: what Pagefind indexes, and what a query becomes. */
export function searchTokens(folded: string): string {
  return searchParts(folded)
    .flatMap((part) => part.tokens)
    .join(' ');
}

function pairs(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let index = 0; index + 1 < chars.length; index++) out.push(chars[index]! + chars[index + 1]!);
  return out;
}
