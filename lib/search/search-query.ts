import { foldText, type CharMap } from './fold-text.ts';
import { partTokens, searchParts, type SearchPart } from './search-tokens.ts';

export interface SearchQuery {
  /** What Pagefind is asked: the query's tokens, with a quoted phrase kept in quotes. */
  term: string;
  /** The query's words and runs, for marking matches. */
  parts: SearchPart[];
  /** Every distinct token: a result must have them all. */
  tokens: string[];
}

/** A query as typed, folded and tokenised as the index was: `"hong kong" 選區` → `"hong kong" 选区`. */
export function searchQuery(typed: string, map: CharMap): SearchQuery {
  const parts: SearchPart[] = [];
  const terms: string[] = [];
  typed.split('"').forEach((segment, index) => {
    const segmentParts = searchParts(foldText(segment, map));
    if (segmentParts.length === 0) return;
    parts.push(...segmentParts);
    const tokens = segmentParts.flatMap(queryTokens).join(' ');
    // Odd segments were between quotes (an unclosed quote runs to the end); one token needs none.
    terms.push(index % 2 === 1 && tokens.includes(' ') ? `"${tokens}"` : tokens);
  });
  return { term: terms.join(' '), parts, tokens: [...new Set(parts.flatMap(queryTokens))] };
}

/**
 * The pairs a query asks for: enough to cover every character of a run (香港国安法 → 香港 国安 安法), not all
 * of them. Each pair costs the page a download per bundle, and an article holding the run holds every pair.
 */
function queryTokens(part: SearchPart): string[] {
  const tokens = partTokens(part);
  if (!part.cjk || tokens.length <= 2) return tokens;
  const covering = tokens.filter((_, index) => index % 2 === 0);
  if ((tokens.length - 1) % 2 === 1) covering.push(tokens.at(-1)!);
  return covering;
}
