import { runTally } from './count-code-points.ts';

const cjk = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
/** A run of CJK characters, or a word that never runs into CJK text (as if each CJK character were a space). */
const tallyCjkRunsAndWords = runTally([
  { first: `[${cjk}]`, then: `[${cjk}]` },
  { first: String.raw`[[\p{L}\p{N}]--[${cjk}]]`, then: String.raw`[[\p{L}\p{N}'’\-]--[${cjk}]]` },
]);

// Typical silent reading speeds: about 400 CJK characters or 230 words a minute.
const cjkPerMinute = 400;
const wordsPerMinute = 230;

/** Whole minutes, at least one. CJK text is counted by character, since it has no spaces between words. */
export function readingMinutes(text: string): number {
  const { codePoints, matches } = tallyCjkRunsAndWords(text);
  return Math.max(1, Math.round(codePoints[0]! / cjkPerMinute + matches[1]! / wordsPerMinute));
}
