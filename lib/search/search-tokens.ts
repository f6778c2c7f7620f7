/**
 * Tokens of folded text, the same at index time and on the query (no Node imports). Chinese, Japanese and
 * Korean are written without spaces, and segmenting them by dictionary is slow and differs between Node and
 * the browser: a run of Han, Kana or Hangul becomes its overlapping pairs of characters instead (讨论深化 →
 * 讨论 论深 深化; a single character stays one). Everything else is split into words at anything that is not
 * a letter, mark or digit; Pagefind stems those itself.
 *
 * Pagefind's query side splits CJK words into characters of its own accord, which would undo the pairs, so
 * a pair goes to Pagefind spelt in digits: each character as its code point in six decimal digits (讨论 →
 * `035752035770`). Digits are left alone by the English stemmer, and one character is a prefix of every pair it starts.
 */
const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}ー々〆';
const letter = `(?:(?![${cjk}])[\\p{L}\\p{M}\\p{N}])`;
const wordOrRun = new RegExp(`([${cjk}]+)|${letter}+(?:'${letter}+)*`, 'gu');

export interface SearchPart {
  /** The folded text of the word or run. */
  text: string;
  /** A run's pairs of characters (one character alone stays one), or the word itself. */
  pairs: string[];
  cjk: boolean;
}

/** Each word or run of CJK characters in folded text. */
export function searchParts(folded: string): SearchPart[] {
  const parts: SearchPart[] = [];
  for (const [text, run] of folded.replaceAll('’', "'").matchAll(wordOrRun)) {
    parts.push(run ? { text, pairs: pairs(text), cjk: true } : { text, pairs: [text], cjk: false });
  }
  return parts;
}

/** A part's tokens as Pagefind indexes and is asked them. */
export const partTokens = (part: SearchPart): string[] => (part.cjk ? part.pairs.map(spelt) : part.pairs);

/** The tokens of folded text, separated by spaces: what Pagefind indexes, and what a query becomes. */
export function searchTokens(folded: string): string {
  return searchParts(folded).flatMap(partTokens).join(' ');
}

function spelt(pair: string): string {
  let out = '';
  for (const char of pair) out += char.codePointAt(0)!.toString().padStart(6, '0');
  return out;
}

function pairs(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let index = 0; index + 1 < chars.length; index++) out.push(chars[index]! + chars[index + 1]!);
  return out;
}
