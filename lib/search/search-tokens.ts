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

/**
 * The tokens of folded text as an article's body is indexed: each pair of CJK characters only at its first
 * occurrence (Pagefind's time and memory go with every occurrence it indexes, and a pair's later ones add little
 * but ranking weight); words every time and in order, for phrases.
 */
export function searchTokensOnce(folded: string): string {
  // A pair is known by its two code points as one number: a set of numbers is several times faster than of strings.
  const seen = new Set<number>();
  let out = '';
  for (const [text, run] of folded.replaceAll('’', "'").matchAll(wordOrRun)) {
    if (!run) {
      out += out ? ` ${text}` : text;
      continue;
    }
    let previous = -1;
    let previousDigits = '';
    let chars = 0;
    for (const char of text) {
      chars++;
      const digits = speltChar(char);
      const point = char.codePointAt(0)!;
      if (previous >= 0) {
        const key = previous * 0x110000 + point;
        if (!seen.has(key)) {
          seen.add(key);
          out += out ? ` ${previousDigits}${digits}` : previousDigits + digits;
        }
      }
      previous = point;
      previousDigits = digits;
    }
    // One character alone stays one.
    if (chars === 1 && !seen.has(-previous - 1)) {
      seen.add(-previous - 1);
      out += out ? ` ${previousDigits}` : previousDigits;
    }
  }
  return out;
}

const speltChars = new Map<string, string>();

function speltChar(char: string): string {
  let digits = speltChars.get(char);
  if (digits === undefined) speltChars.set(char, (digits = char.codePointAt(0)!.toString().padStart(6, '0')));
  return digits;
}

function spelt(pair: string): string {
  let out = '';
  for (const char of pair) out += speltChar(char);
  return out;
}

function pairs(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let index = 0; index + 1 < chars.length; index++) out.push(chars[index]! + chars[index + 1]!);
  return out;
}
