export interface Tally {
  /** Per kind of run: how many code points its runs held. */
  codePoints: number[];
  /** Per kind of run: how many runs there were. */
  matches: number[];
}

/**
 * A kind of run: one character of the class `first`, then as many of the class `then` as follow (`[X]+` is
 * `first` and `then` both X). Classes are written as in a `v`-flag regex: `\p{L}`, `[\p{L}--\p{Script=Han}]`.
 */
export interface RunKind {
  first: string;
  then: string;
}

const known = 0x80;
const maxKinds = 4;

/**
 * A counter of runs, counting exactly what one scan of `text` with the global `v`-flag regex
 * `(first then*)|(first then*)|…` of these kinds would match, group by group. Each character's classes are
 * looked up once in the regexes and then kept in a table: Unicode property classes cost more per character
 * than anything else in reading time and language detection, and a regex scan pays them again for every
 * character of every body (with an array per match).
 */
export function runTally(kinds: readonly RunKind[]): (text: string) => Tally {
  if (kinds.length > maxKinds) throw new RangeError(`at most ${maxKinds} kinds of run`);
  const firsts = kinds.map(({ first }) => new RegExp(`^${first}$`, 'v'));
  const thens = kinds.map(({ then }) => new RegExp(`^${then}$`, 'v'));
  // Per code point, once known: bits 0–2 the kind a run of it starts (its index + 1, 0 for none; the first kind
  // that matches, as in the alternation), bits 3–6 the kinds whose runs it continues.
  const classes = new Uint8Array(0x110000);
  const classOf = (codePoint: number): number => {
    let found = classes[codePoint]!;
    if (found === 0) {
      const char = String.fromCodePoint(codePoint);
      found = known | (firsts.findIndex((first) => first.test(char)) + 1);
      thens.forEach((then, kind) => {
        if (then.test(char)) found |= 8 << kind;
      });
      classes[codePoint] = found;
    }
    return found;
  };

  return (text) => {
    const codePoints = new Array<number>(kinds.length).fill(0);
    const matches = new Array<number>(kinds.length).fill(0);
    let run = -1; // the kind of the run being read, -1 between runs
    for (let i = 0; i < text.length; ) {
      // A lone surrogate is a code point of its own, as in a `v`-flag regex.
      const codePoint = text.codePointAt(i)!;
      i += codePoint > 0xffff ? 2 : 1;
      const found = classOf(codePoint);
      if (run >= 0 && (found & (8 << run)) !== 0) {
        codePoints[run]! += 1;
        continue;
      }
      run = (found & 7) - 1;
      if (run >= 0) {
        codePoints[run]! += 1;
        matches[run]! += 1;
      }
    }
    return { codePoints, matches };
  };
}
