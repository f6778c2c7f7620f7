import { describe, expect, test } from 'vitest';
import { charMap, foldText, foldWithOffsets } from '../../lib/search/fold-text.ts';
import { t2sPairs } from '../../lib/search/t2s-pairs.ts';

const map = charMap(t2sPairs());

describe('foldText', () => {
  test('folds traditional characters to simplified, one by one', () => {
    expect(foldText('選區', map)).toBe('选区');
    expect(foldText('臺灣', map)).toBe('台湾');
    expect(foldText('台灣', map)).toBe('台湾');
    expect(foldText('香港國安法', map)).toBe('香港国安法');
    expect(foldText('討論深化', map)).toBe(foldText('讨论深化', map));
  });

  test('leaves simplified text, Japanese and Korean as they are', () => {
    expect(foldText('讨论深化战略合作', map)).toBe('讨论深化战略合作');
    expect(foldText('ソニーの新製品', map)).toBe('ソニーの新制品');
    expect(foldText('한국어 검색', map)).toBe('한국어 검색');
  });

  test('applies NFKC and lower case: full-width letters and digits, half-width kana, capitals', () => {
    expect(foldText('ＵＳＡ ２０２３ Hong Kong ｶﾀｶﾅ', map)).toBe('usa 2023 hong kong カタカナ');
  });
});

test('the map is a few thousand pairs in about 26 KB', () => {
  expect(map.size).toBeGreaterThan(4000);
  expect(Buffer.byteLength(t2sPairs())).toBeLessThan(40_000);
});

test('foldWithOffsets says where in the original each folded unit came from', () => {
  const text = '㈱選區 ＡＢ';
  const { folded, offsets } = foldWithOffsets(text, map);
  expect(folded).toBe('(株)选区 ab');
  expect(offsets).toEqual([0, 0, 0, 1, 2, 3, 4, 5, 6]);
  // 选区 in the folded text is 選區 in the original.
  const at = folded.indexOf('选区');
  expect(text.slice(offsets[at], offsets[at + 2])).toBe('選區');
});
