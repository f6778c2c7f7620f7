/**
 * Folding for search, the same in Node and in the browser (no Node imports): NFKC, lower case, and
 * traditional Chinese characters to simplified one by one, so 選區 and 选区, 臺灣 and 台湾 are one text.
 * The map comes in as a string of pairs (traditional then simplified), made by `t2s-pairs.ts` at build time.
 */
export type CharMap = ReadonlyMap<string, string>;

export function charMap(pairs: string): CharMap {
  const chars = [...pairs];
  const map = new Map<string, string>();
  for (let index = 0; index + 1 < chars.length; index += 2) map.set(chars[index]!, chars[index + 1]!);
  return map;
}

// What each code point folds to, per map: an article's text repeats a few thousand distinct characters, and
// normalising each occurrence anew was most of the cost of folding.
const folds = new WeakMap<CharMap, Map<string, string>>();

/** One code point folded: what it becomes (possibly several characters, possibly none). */
function foldChar(char: string, map: CharMap): string {
  let memo = folds.get(map);
  if (!memo) folds.set(map, (memo = new Map()));
  let folded = memo.get(char);
  if (folded === undefined) memo.set(char, (folded = foldCharOnce(char, map)));
  return folded;
}

function foldCharOnce(char: string, map: CharMap): string {
  let folded = char.normalize('NFKC').toLowerCase();
  if (folded.length === 1 || (folded.length === 2 && folded.codePointAt(0)! > 0xffff)) return map.get(folded) ?? folded;
  let out = '';
  for (const part of folded) out += map.get(part) ?? part;
  return out;
}

export function foldText(text: string, map: CharMap): string {
  let out = '';
  for (const char of text) out += foldChar(char, map);
  return out;
}

/**
 * The folded text with, for each of its UTF-16 units, where in the original text the code point it came from
 * starts (and one more entry for the end): a match found in the folded text is highlighted in the original.
 */
export function foldWithOffsets(text: string, map: CharMap): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let at = 0;
  for (const char of text) {
    const part = foldChar(char, map);
    for (let unit = 0; unit < part.length; unit++) offsets.push(at);
    folded += part;
    at += char.length;
  }
  offsets.push(at);
  return { folded, offsets };
}
