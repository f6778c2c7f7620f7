import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { runTally, type RunKind } from '../../lib/article/count-code-points.ts';
import { corpusFiles, feedxDir, seedDir } from '../clean/corpus.ts';

const runsOf = (...classes: string[]): RunKind[] => classes.map((run) => ({ first: run, then: run }));

/** What the counter stands for: one scan with the regex `(first then*)|…`, run by run, code points counted by hand. */
function regexTally(text: string, kinds: readonly RunKind[]) {
  const pattern = new RegExp(kinds.map(({ first, then }) => `(${first}${then}*)`).join('|'), 'gv');
  const codePoints = kinds.map(() => 0);
  const matches = kinds.map(() => 0);
  for (const match of text.matchAll(pattern)) {
    const kind = match.slice(1).findIndex((group) => group !== undefined);
    codePoints[kind]! += [...match[0]].length;
    matches[kind]! += 1;
  }
  return { codePoints, matches };
}

test('counts code points and runs per kind, an astral character once', () => {
  const hanOrLetters = runTally(runsOf(String.raw`\p{Script=Han}`, String.raw`\p{L}`));
  expect(hanOrLetters('中文 and 𠀀𠀁 text')).toEqual({ codePoints: [4, 7], matches: [2, 2] });
  const letters = runTally(runsOf(String.raw`\p{L}`));
  expect(letters('abc, de')).toEqual({ codePoints: [5], matches: [2] });
  expect(letters('')).toEqual({ codePoints: [0], matches: [0] });
});

test('leaves lone surrogates out, as a per-character match does', () => {
  const text = 'a\ud800b\udc00𝐀';
  expect(runTally(runsOf(String.raw`\p{L}`))(text).codePoints[0]).toBe(text.match(/\p{L}/gu)!.length);
});

test('a run goes on with its `then` characters, which cannot start one', () => {
  const words = runTally([{ first: String.raw`\p{L}`, then: String.raw`[\p{L}\-]` }]);
  expect(words('-well-known - co-op -')).toEqual({ codePoints: [15], matches: [2] });
});

test('the first kind whose `first` matches starts the run, as in an alternation', () => {
  const tally = runTally([
    { first: '[ab]', then: 'b' },
    { first: '[a-c]', then: '[a-c]' },
  ]);
  expect(tally('abbac cab')).toEqual(regexTally('abbac cab', [{ first: '[ab]', then: 'b' }, { first: '[a-c]', then: '[a-c]' }]));
  expect(tally('abbac cab')).toEqual({ codePoints: [4, 4], matches: [2, 2] });
});

test('counts the same as one scan per class, for classes that do not overlap', () => {
  const text = '二〇二〇年，⺀部首与 Hong Kong’s well-known 𠀀 news: 香港 2020';
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  const { codePoints } = runTally(runsOf(String.raw`[\p{Script=Han}&&\p{L}]`, String.raw`[\p{Script=Han}--\p{L}]`, String.raw`[\p{L}--\p{Script=Han}]`))(text);
  expect(codePoints[0]! + codePoints[1]!).toBe(count(/\p{Script=Han}/gu));
  expect(codePoints[0]! + codePoints[2]!).toBe(count(/\p{L}/gu));
  expect(codePoints[1]).toBe(3); // 〇, 〇 and ⺀
});

test('counts what the regex counts on every corpus file, for the kinds language detection and reading time use', () => {
  const cjk = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
  const kindSets: RunKind[][] = [
    runsOf(String.raw`[\p{Script=Han}&&\p{L}]`, String.raw`[\p{Script=Han}--\p{L}]`, String.raw`[\p{L}--\p{Script=Han}]`),
    [
      { first: `[${cjk}]`, then: `[${cjk}]` },
      { first: String.raw`[[\p{L}\p{N}]--[${cjk}]]`, then: String.raw`[[\p{L}\p{N}'’\-]--[${cjk}]]` },
    ],
  ];
  const files = [...corpusFiles(feedxDir), ...corpusFiles(seedDir)];
  expect(files.length).toBeGreaterThan(300);
  for (const kinds of kindSets) {
    const tally = runTally(kinds);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(tally(text), file).toEqual(regexTally(text, kinds));
    }
  }
});

test('refuses more kinds than its table holds', () => {
  expect(() => runTally(runsOf('a', 'b', 'c', 'd', 'e'))).toThrow(RangeError);
});
