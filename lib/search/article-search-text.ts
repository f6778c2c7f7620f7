import type { SearchText } from '../schema/article.ts';
import { charMap, foldText, type CharMap } from './fold-text.ts';
import { searchTokens, searchTokensOnce } from './search-tokens.ts';
import { t2sPairs } from './t2s-pairs.ts';

/**
 * How much of an article search keeps. Every result shown loads its record, so records must stay small
 * (a query transfers at most 300 KB): the index holds the tokens of the first `indexedChars` characters
 * of the body, and snippets are cut from the first `snippetChars` as written (a match further on shows the
 * article's opening instead). The text is a third of a record's bytes and of Pagefind's memory for it.
 */
export const indexedChars = 5000;
export const snippetChars = 2000;

let map: CharMap | undefined;
export const searchCharMap = (): CharMap => (map ??= charMap(t2sPairs()));

/** An article's title and body text as search indexes and shows them. */
export function articleSearchText(title: string, text: string): SearchText {
  const fold = searchCharMap();
  return {
    title: searchTokens(foldText(title, fold)),
    body: searchTokensOnce(foldText(cutAt(text, indexedChars), fold)),
    text: cutAt(text, snippetChars),
  };
}

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return text.slice(0, end);
}
