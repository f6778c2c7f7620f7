import { expect, test } from 'vitest';
import { tally } from '../../lib/article/count-code-points.ts';

test('counts code points and matches per group, an astral character once', () => {
  expect(tally('中文 and 𠀀𠀁 text', /(\p{Script=Han}+)|(\p{L}+)/gu, 2)).toEqual({ codePoints: [4, 7], matches: [2, 2] });
  expect(tally('abc, de', /(\p{L}+)/gu, 1)).toEqual({ codePoints: [5], matches: [2] });
  expect(tally('', /(\p{L}+)/gu, 1)).toEqual({ codePoints: [0], matches: [0] });
});

test('leaves lone surrogates out, as a per-character match does', () => {
  const text = 'a\ud800b\udc00𝐀';
  expect(tally(text, /(\p{L}+)/gu, 1).codePoints[0]).toBe(text.match(/\p{L}/gu)!.length);
});

test('counts the same as one scan per class, for classes that do not overlap', () => {
  const text = '二〇二〇年，⺀部首与 Hong Kong’s well-known 𠀀 news: 香港 2020';
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  const { codePoints } = tally(text, new RegExp(String.raw`([\p{Script=Han}&&\p{L}]+)|([\p{Script=Han}--\p{L}]+)|([\p{L}--\p{Script=Han}]+)`, 'gv'), 3);
  expect(codePoints[0]! + codePoints[1]!).toBe(count(/\p{Script=Han}/gu));
  expect(codePoints[0]! + codePoints[2]!).toBe(count(/\p{L}/gu));
  expect(codePoints[1]).toBe(3); // 〇, 〇 and ⺀
});

test('starts afresh whatever the last call left in lastIndex', () => {
  const word = /(\w+)/g;
  expect(tally('one two three', word, 1).matches[0]).toBe(3);
  word.lastIndex = 5;
  expect(tally('one two', word, 1).matches[0]).toBe(2);
});
