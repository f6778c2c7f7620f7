import { expect, test } from 'vitest';
import { countCodePoints, countMatches } from '../../lib/article/count-code-points.ts';

test('counts code points in the matched runs, an astral character once', () => {
  expect(countCodePoints('中文 and 𠀀𠀁 text', /\p{Script=Han}+/gu)).toBe(4);
  expect(countCodePoints('abc, de', /\p{L}+/gu)).toBe(5);
  expect(countCodePoints('', /\p{L}+/gu)).toBe(0);
});

test('leaves lone surrogates out, as a per-character match does', () => {
  const text = 'a\ud800b\udc00𝐀';
  expect(countCodePoints(text, /\p{L}+/gu)).toBe(text.match(/\p{L}/gu)!.length);
});

test('counts matches, and starts afresh whatever the last call left in lastIndex', () => {
  const word = /\w+/g;
  expect(countMatches('one two three', word)).toBe(3);
  word.lastIndex = 5;
  expect(countMatches('one two', word)).toBe(2);
});
