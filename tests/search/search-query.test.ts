import { expect, test } from 'vitest';
import { charMap } from '../../lib/search/fold-text.ts';
import { searchQuery } from '../../lib/search/search-query.ts';
import { searchTokens } from '../../lib/search/search-tokens.ts';
import { t2sPairs } from '../../lib/search/t2s-pairs.ts';

const map = charMap(t2sPairs());

const tokens = (text: string) => searchTokens(text);

test('a query is folded and tokenised as the index was', () => {
  expect(searchQuery('討論', map).term).toBe(tokens('讨论'));
  expect(searchQuery('Hong Kong 選區', map).term).toBe(`hong kong ${tokens('选区')}`);
  expect(searchQuery('選區 选区', map).tokens).toEqual([tokens('选区')]);
});

test('a long run asks for the pairs that cover its characters, not every pair', () => {
  expect(searchQuery('香港國安法', map).term).toBe(tokens('香港 国安 安法'));
  expect(searchQuery('讨论深化', map).term).toBe(tokens('讨论 深化'));
  expect(searchQuery('国安法', map).term).toBe(tokens('国安法'));
});

test('a quoted phrase stays a phrase for Pagefind; a quoted single token needs no quotes', () => {
  expect(searchQuery('"National Security Law" 香港', map).term).toBe(`"national security law" ${tokens('香港')}`);
  expect(searchQuery('"普京"', map).term).toBe(tokens('普京'));
});

test('a query of punctuation alone asks nothing', () => {
  expect(searchQuery(' ，。!? ', map).term).toBe('');
});
