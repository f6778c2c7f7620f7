import { describe, expect, test } from 'vitest';
import { truncateText } from '../../lib/clean/truncate-text.ts';
import { corpusFiles, feedxDir, readCorpusArticle } from './corpus.ts';

/** The cut as it was before segmenting only the head of the text: every word of the whole text. */
function wholeTextCut(text: string, max: number): string {
  const budget = max - 1;
  const take = (granularity: 'word' | 'grapheme') => {
    let out = '';
    for (const { segment } of new Intl.Segmenter(undefined, { granularity }).segment(text)) {
      if (out.length + segment.length > budget) break;
      out += segment;
    }
    return out;
  };
  let cut = take('word');
  if (cut.length < budget / 2) cut = take('grapheme');
  const trimmed = cut.replace(/[\s,.;:!?，、；：。！？\-–—(（「『“‘]+$/u, '');
  return `${trimmed === '' ? cut : trimmed}…`;
}

describe('truncateText', () => {
  test('leaves short text alone and cuts long text at a word, ellipsis included in the length', () => {
    expect(truncateText('short', 10)).toBe('short');
    const cut = truncateText('The quick brown fox jumps over the lazy dog', 20);
    expect(cut).toBe('The quick brown fox…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  test('never cuts inside a surrogate pair, even in one overlong word', () => {
    const cut = truncateText('😀'.repeat(50), 11);
    expect(cut).toBe(`${'😀'.repeat(5)}…`);
  });

  test('cuts long Chinese paragraphs of the corpus where segmenting their whole text would', () => {
    let long = 0;
    for (const file of corpusFiles(feedxDir)) {
      const text = readCorpusArticle(file).body.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
      if (text.length < 1000) continue;
      long += 1;
      for (const max of [80, 300]) expect(truncateText(text, max), `${file} at ${max}`).toBe(wholeTextCut(text, max));
    }
    expect(long).toBeGreaterThan(100);
  });
});
