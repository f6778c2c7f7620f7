import { tally } from './count-code-points.ts';

const cjk = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
/**
 * A run of CJK characters, or a word that never runs into CJK text (as if each CJK character were a space).
 * Built with `new RegExp` because tsc accepts the `v` flag's set difference (`--`) in a literal only when targeting ES2024.
 */
const cjkRunOrWord = new RegExp(String.raw`([${cjk}]+)|([[\p{L}\p{N}]--[${cjk}]][[\p{L}\p{N}'’\-]--[${cjk}]]*)`, 'gv');

// Typical silent reading speeds: about 400 CJK characters or 230 words a minute.
const cjkPerMinute = 400;
const wordsPerMinute = 230;

/** Whole minutes, at least one. CJK text is counted by character, since it has no spaces between words. */
export function readingMinutes(text: string): number {
  const { codePoints, matches } = tally(text, cjkRunOrWord, 2);
  return Math.max(1, Math.round(codePoints[0]! / cjkPerMinute + matches[1]! / wordsPerMinute));
}
