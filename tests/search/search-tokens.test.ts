import { expect, test } from 'vitest';
import { searchParts, searchTokens } from '../../lib/search/search-tokens.ts';

const pairsOf = (folded: string) => searchParts(folded).map((part) => part.pairs.join(' ')).join(' | ');

test('a run of Chinese becomes its overlapping pairs of characters; a single character stays one', () => {
  expect(pairsOf('讨论深化')).toBe('讨论 论深 深化');
  expect(pairsOf('普京')).toBe('普京');
  expect(pairsOf('台')).toBe('台');
  expect(pairsOf('香港国安法')).toBe('香港 港国 国安 安法');
});

test('punctuation ends a run; Latin words and digits are words of their own', () => {
  expect(pairsOf('习近平：访俄（克宫）')).toBe('习近 近平 | 访俄 | 克宫');
  expect(pairsOf("hong kong's markets, u.s. 2023年3月")).toBe("hong | kong's | markets | u | s | 2023 | 年 | 3 | 月");
  expect(pairsOf('café naïve')).toBe('café | naïve');
});

test('Japanese kana and Korean hangul are runs too', () => {
  expect(pairsOf('ソニーの')).toBe('ソニ ニー ーの');
  expect(pairsOf('한국어 검색')).toBe('한국 국어 | 검색');
});

test('a pair goes to Pagefind as the code points of its characters in six digits each; words as they are', () => {
  expect(searchTokens('讨论 putin 台')).toBe('035752035770 putin 021488');
  // One character is a prefix of the pairs it starts: 台 finds 台湾.
  expect(searchTokens('台湾').startsWith(searchTokens('台'))).toBe(true);
  expect(searchTokens('𠀀')).toBe('131072');
});

test('parts keep each word or run, marked as CJK or not, for highlighting', () => {
  expect(searchParts('普京 putin')).toEqual([
    { text: '普京', pairs: ['普京'], cjk: true },
    { text: 'putin', pairs: ['putin'], cjk: false },
  ]);
});
