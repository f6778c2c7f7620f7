import * as OpenCC from 'opencc-js/t2cn';

// Every CJK block a traditional character may be in: the main and extension blocks, and the compatibility ideographs.
const blocks: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x2fa1f],
];

// Set in a worker's bundle (see `bundledT2sPairs`); undeclared where the module is loaded through tsx.
declare const BUNDLED_T2S_PAIRS: string | undefined;

let memo: string | undefined;

/**
 * The traditional→simplified map for `fold-text.ts`, character by character, as a string of pairs: what
 * OpenCC makes of each character alone, from the standard, Taiwan and Hong Kong forms. Shipping these
 * pairs (about 26 KB) instead of OpenCC's phrase dictionaries keeps the search page small, and folding
 * character by character keeps index and query in step whatever the phrase around a character.
 */
export function t2sPairs(): string {
  if (memo !== undefined) return memo;
  if (typeof BUNDLED_T2S_PAIRS === 'string') return (memo = BUNDLED_T2S_PAIRS);
  const converters = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  let pairs = '';
  for (const [first, last] of blocks) {
    for (let code = first; code <= last; code++) {
      const char = String.fromCodePoint(code);
      for (const convert of converters) {
        const out = convert(char);
        if (out !== char && [...out].length === 1) {
          pairs += char + out;
          break;
        }
      }
    }
  }
  memo = pairs;
  return pairs;
}

/**
 * The pairs built into a worker's bundle, which is made once per change of its sources (OpenCC's among them):
 * working them out takes a parse worker about 180 ms at every start, before its first file.
 */
export const bundledT2sPairs = (): Record<string, string> => ({ BUNDLED_T2S_PAIRS: JSON.stringify(t2sPairs()) });
