export interface Tally {
  /** Per capturing group: how many code points its matches held. */
  codePoints: number[];
  /** Per capturing group: how many times it matched. */
  matches: number[];
}

const lowSurrogate = /[\udc00-\udfff]/;

/**
 * One scan of `text` with `pattern`, a global, unicode-aware regex of `groups` alternatives, each one capturing
 * group (`/([…]+)|([…]+)/gu`). Counting several classes of characters in one scan, run by run and without
 * an array of matches, is what keeps reading time and language detection cheap: Unicode property classes cost
 * more per character than anything else in them.
 */
export function tally(text: string, pattern: RegExp, groups: number): Tally {
  const codePoints = new Array<number>(groups).fill(0);
  const matches = new Array<number>(groups).fill(0);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    let group = 0;
    while (group < groups && match[group + 1] === undefined) group += 1;
    if (group === groups) continue;
    const run = match[0];
    let count = run.length;
    // An astral character is two UTF-16 units: count its low surrogate out.
    if (lowSurrogate.test(run)) for (let i = 0; i < run.length; i += 1) if (run.charCodeAt(i) >= 0xdc00 && run.charCodeAt(i) <= 0xdfff) count -= 1;
    codePoints[group]! += count;
    matches[group]! += 1;
  }
  return { codePoints, matches };
}
