const cjkCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const word = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

// Typical silent reading speeds: about 400 CJK characters or 230 words a minute.
const cjkPerMinute = 400;
const wordsPerMinute = 230;

/** Whole minutes, at least one. CJK text is counted by character, since it has no spaces between words. */
export function readingMinutes(text: string): number {
  const cjk = text.match(cjkCharacter)?.length ?? 0;
  const words = text.replace(cjkCharacter, ' ').match(word)?.length ?? 0;
  return Math.max(1, Math.round(cjk / cjkPerMinute + words / wordsPerMinute));
}
