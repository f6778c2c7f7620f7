import { countCodePoints, countMatches } from './count-code-points.ts';

const cjk = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const cjkRun = new RegExp(`[${cjk}]+`, 'gu');
/**
 * A word, never running into CJK text: as if each CJK character were a space. Built with `new RegExp`
 * because tsc accepts the `v` flag's set difference (`--`) in a literal only when targeting ES2024.
 */
const word = new RegExp(String.raw`[[\p{L}\p{N}]--[${cjk}]][[\p{L}\p{N}'’\-]--[${cjk}]]*`, 'gv');

// Typical silent reading speeds: about 400 CJK characters or 230 words a minute.
const cjkPerMinute = 400;
const wordsPerMinute = 230;

/** Whole minutes, at least one. CJK text is counted by character, since it has no spaces between words. */
export function readingMinutes(text: string): number {
  const cjk = countCodePoints(text, cjkRun);
  const words = countMatches(text, word);
  return Math.max(1, Math.round(cjk / cjkPerMinute + words / wordsPerMinute));
}
