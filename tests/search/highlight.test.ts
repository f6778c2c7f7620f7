import { expect, test } from 'vitest';
import { charMap } from '../../lib/search/fold-text.ts';
import { highlightAll, snippet } from '../../lib/search/highlight.ts';
import { searchQuery } from '../../lib/search/search-query.ts';
import { t2sPairs } from '../../lib/search/t2s-pairs.ts';

const map = charMap(t2sPairs());
const marks = (pieces: { text: string; mark: boolean }[]) => pieces.filter((piece) => piece.mark).map((piece) => piece.text);
const parts = (query: string) => searchQuery(query, map).parts;

test('a simplified query marks the traditional text as written, and the reverse', () => {
  expect(marks(highlightAll('立法會選區劃分', parts('选区'), map))).toEqual(['選區']);
  expect(marks(highlightAll('立法会选区划分', parts('選區'), map))).toEqual(['选区']);
});

test('a CJK run is marked whole where it occurs, or else by its pairs', () => {
  expect(marks(highlightAll('普京将与习近平讨论深化战略合作', parts('讨论深化'), map))).toEqual(['讨论深化']);
  expect(marks(highlightAll('一场讨论进一步深化', parts('讨论深化'), map))).toEqual(['讨论', '深化']);
});

test('words are marked where a word starts, case-insensitively; a phrase is one mark', () => {
  expect(marks(highlightAll('Markets rallied in Hong Kong; supermarkets did not', parts('market'), map))).toEqual(['Market']);
  expect(marks(highlightAll('Protests in Hong Kong today', parts('"hong kong"'), map))).toEqual(['Hong Kong']);
});

test('a snippet is cut around the first match, with ellipses where it was cut', () => {
  const text = `${'前文'.repeat(200)}香港国安法${'后文'.repeat(200)}`;
  const pieces = snippet(text, parts('香港國安法'), map, 60);
  expect(pieces[0]).toEqual({ text: '…', mark: false });
  expect(pieces.at(-1)).toEqual({ text: '…', mark: false });
  expect(marks(pieces)).toEqual(['香港国安法']);
  expect(pieces.map((piece) => piece.text).join('').length).toBeLessThanOrEqual(62);
});

test('with no match a snippet is the start of the text', () => {
  expect(snippet('short text', parts('absent'), map)).toEqual([{ text: 'short text', mark: false }]);
});
