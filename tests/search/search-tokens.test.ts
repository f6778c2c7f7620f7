import { expect, test } from 'vitest';
import { searchParts, searchTokens } from '../../lib/search/search-tokens.ts';

test('a run of Chinese becomes its overlapping pairs of characters; a single character stays one', () => {
  expect(searchTokens('讨论深化')).toBe('讨论 论深 深化');
  expect(searchTokens('普京')).toBe('普京');
  expect(searchTokens('台')).toBe('台');
  expect(searchTokens('香港国安法')).toBe('香港 港国 国安 安法');
});

test('punctuation ends a run; Latin words and digits are words of their own', () => {
  expect(searchTokens('习近平：访俄（克宫）')).toBe('习近 近平 访俄 克宫');
  expect(searchTokens("hong kong's markets, u.s. 2023年3月")).toBe("hong kong's markets u s 2023 年 3 月");
  expect(searchTokens('café naïve')).toBe('café naïve');
});

test('Japanese kana and Korean hangul are runs too', () => {
  expect(searchTokens('ソニーの')).toBe('ソニ ニー ーの');
  expect(searchTokens('한국어 검색')).toBe('한국 국어 검색');
});

test('parts keep each word or run, marked as CJK or not, for highlighting', () => {
  expect(searchParts('普京 putin')).toEqual([
    { text: '普京', tokens: ['普京'], cjk: true },
    { text: 'putin', tokens: ['putin'], cjk: false },
  ]);
});
