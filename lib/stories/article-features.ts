import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';
import type { ArticleFeatures } from '../schema/article.ts';
import { charMap, foldText, type CharMap } from '../search/fold-text.ts';
import { t2sPairs } from '../search/t2s-pairs.ts';
import { termHash } from './term-hash.ts';

/** How much of the body's text is read: a story's event is in its first paragraphs. */
const readChars = 3000;
/**
 * The words an article is compared by: its most telling ones by TF-IDF. Measured on the corpus, a dozen
 * weighted words tell articles on one event from articles on one subject better than forty unweighted ones.
 */
const termCount = 12;
const topicWords = 5;
// Names of people, places, organisations and other proper nouns: what a reader would choose as a news topic.
// Common nouns (n) were tried: 视频, 大家, 事情, 用户 came out beside 疫情 and 国安法. jieba tags 谢谢 or 东西
// as names too: only a name the title also holds is kept, which is what the article is about.
const topicTags = ['nr', 'ns', 'nt', 'nz'];

let tools: { jieba: Jieba; tfidf: TfIdf; fold: CharMap } | undefined;
// Loading jieba's dictionaries takes about half a second: done once per thread, and only when a file is parsed.
const loaded = () => (tools ??= { jieba: Jieba.withDict(dict), tfidf: TfIdf.withDict(idf), fold: charMap(t2sPairs()) });
export const loadFeatureTools = (): void => void loaded();
export const featureToolsLoaded = (): boolean => tools !== undefined;

/**
 * What stories, related articles and topics need of an article, worked out once when it is parsed and kept in
 * the parse cache: its most telling words (jieba's segmentation and TF-IDF over the text folded to simplified
 * characters and lower case, so 國安法 and 国安法 are one word), hashed, with their weights; and, for Chinese,
 * its keywords: the names among its telling words that its title holds. The title is read twice: its words say
 * most about what the article is about.
 */
export function articleFeatures(title: string, text: string, lang: string): ArticleFeatures {
  const { jieba, tfidf, fold } = loaded();
  const foldedTitle = foldText(title, fold);
  const folded = `${foldedTitle}\n${foldedTitle}\n${foldText(text.slice(0, readChars), fold)}`;
  const words = tfidf.extractKeywords(jieba, folded, termCount * 2).filter(({ keyword }) => meaningful(keyword));
  const terms: number[] = [];
  const weights: number[] = [];
  const top = words[0]?.weight ?? 1;
  for (const { keyword, weight } of words) {
    const term = termHash(keyword);
    if (terms.includes(term)) continue;
    terms.push(term);
    // Relative to the article's first word, in thousandths: integers, and the cosine needs no more.
    weights.push(Math.max(1, Math.round((weight / top) * 1000)));
    if (terms.length === termCount) break;
  }
  const keywords = lang.startsWith('zh')
    ? tfidf
        .extractKeywords(jieba, folded, topicWords * 2, topicTags)
        .map(({ keyword }) => keyword)
        .filter((word) => meaningful(word) && foldedTitle.includes(word))
        .slice(0, topicWords)
    : [];
  return { terms, weights, keywords };
}

/** Not a number, a lone character or a short Latin fragment: those say nothing about what an article is about. */
const meaningful = (word: string): boolean => /\p{L}/u.test(word) && [...word].length >= 2 && !/^[a-z]{1,2}$/.test(word);
