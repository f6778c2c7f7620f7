/**
 * How many code points of `text` fall in runs matched by `runs`, a global, unicode-aware regex of one
 * character class repeated (`/[…]+/gu`). Counting run by run spares building an array of every match,
 * which was most of what reading time and language detection cost.
 */
export function countCodePoints(text: string, runs: RegExp): number {
  let count = 0;
  runs.lastIndex = 0;
  for (let match = runs.exec(text); match !== null; match = runs.exec(text)) {
    const run = match[0];
    count += run.length;
    // An astral character is two UTF-16 units: count its low surrogate out.
    for (let i = 0; i < run.length; i += 1) {
      const unit = run.charCodeAt(i);
      if (unit >= 0xdc00 && unit <= 0xdfff) count -= 1;
    }
  }
  return count;
}

/** How many times the global regex `pattern` matches in `text`, without keeping the matches. */
export function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) count += 1;
  return count;
}
