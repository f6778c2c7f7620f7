const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Punctuation and space that should not dangle before the ellipsis. */
const danglingEnd = /[\s,.;:!?，、；：。！？\-–—(（「『“‘]+$/u;

/**
 * `text` cut to at most `max` UTF-16 units, ellipsis included. Cuts at a word boundary
 * (dictionary-based for CJK) and never inside a grapheme, so never inside a surrogate pair.
 */
export function truncateText(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const budget = max - ellipsis.length;
  let cut = take(wordSegmenter, text, budget);
  // A single overlong "word" (a URL, a run of Thai): fall back to characters.
  if (cut.length < budget / 2) cut = take(graphemeSegmenter, text, budget);
  const trimmed = cut.replace(danglingEnd, '');
  return (trimmed === '' ? cut : trimmed) + ellipsis;
}

/**
 * Past the budget only the word that straddles it matters. Segmenting CJK text runs its dictionary over the
 * whole run of Han characters at once, which for a long paragraph cost more than the rest of the summary.
 */
const lookahead = 64;

function take(segmenter: Intl.Segmenter, text: string, budget: number): string {
  let out = '';
  for (const { segment } of segmenter.segment(text.slice(0, budget + lookahead))) {
    if (out.length + segment.length > budget) break;
    out += segment;
  }
  return out;
}
