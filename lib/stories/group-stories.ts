import type { SiteArticle } from '../archive/archived-article.ts';
import type { ArticleFeatures } from '../schema/article.ts';

/** What grouping reads of an article. */
export interface StoryInput {
  /** Epoch milliseconds. */
  time: number;
  source: string;
  features: ArticleFeatures | undefined;
}

/** What stories are grouped from, per article, in the site's order. */
export const storyInputs = (articles: readonly SiteArticle[]): StoryInput[] =>
  articles.map((article) => ({ time: article.data.publishedAt.getTime(), source: article.data.source, features: article.features }));

export interface StoryOptions {
  /** How similar (cosine of TF-IDF weights) two articles must be to report one event. */
  storySimilarity: number;
  /** A story's articles lie at most this far apart. */
  spanMs: number;
  /** At most this many articles a story. */
  maxSize: number;
  /** How similar an article must be to be shown as related. */
  relatedSimilarity: number;
  related: number;
}

export const defaultStoryOptions: StoryOptions = {
  storySimilarity: 0.5,
  spanMs: 2 * 86_400_000,
  maxSize: 8,
  relatedSimilarity: 0.3,
  related: 5,
};

export interface Stories {
  /** Each story's articles (indexes into the input): at least two sources, the first published first. */
  stories: number[][];
  /** Per article, the story it is in (an index into `stories`), or -1. */
  storyOf: number[];
  /** Per article, the most similar other articles, most similar first (its story's included). */
  similar: number[][];
}

/** No stories and nothing related, for `count` articles. */
export const noStories = (count: number): Stories => ({ stories: [], storyOf: new Array<number>(count).fill(-1), similar: Array.from({ length: count }, () => []) });

/** Only the articles sharing one of their first few terms are ever compared: the candidate pairs are never all pairs. */
const blockingTerms = 4;
/** In a term's list (in time order), each article is compared with at most this many that follow it. */
const neighbours = 16;

/**
 * Groups articles into stories, the same event as several sources reported it, and finds each article's most
 * similar others. Articles are compared by the cosine of their weighted terms, but only within blocks: those
 * sharing one of their most telling terms, and there with their nearest in time, so the work grows with the
 * archive, not with its square. Pairs similar enough and close enough in time are joined (union-find), most
 * similar first, as long as the story stays within its span and size; a group of one source is no story.
 */
export function groupStories(items: readonly StoryInput[], options: StoryOptions = defaultStoryOptions): Stories {
  const vectors = items.map((item) => unitVector(item.features));
  const blocks = new Map<number, number[]>();
  items.forEach((item, index) => {
    for (const term of item.features?.terms.slice(0, blockingTerms) ?? []) {
      const block = blocks.get(term);
      if (block) block.push(index);
      else blocks.set(term, [index]);
    }
  });

  const similar: { index: number; score: number }[][] = items.map(() => []);
  const edges: { a: number; b: number; score: number }[] = [];
  const keep = (from: number, index: number, score: number) => {
    const list = similar[from]!;
    if (list.some((entry) => entry.index === index)) return;
    if (list.length === options.related && list[list.length - 1]!.score >= score) return;
    list.push({ index, score });
    list.sort((x, y) => y.score - x.score || x.index - y.index);
    if (list.length > options.related) list.pop();
  };
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    block.sort((a, b) => items[a]!.time - items[b]!.time || a - b);
    for (let p = 0; p < block.length; p++) {
      const a = block[p]!;
      for (let q = p + 1; q < block.length && q <= p + neighbours; q++) {
        const b = block[q]!;
        const score = cosine(vectors[a]!, vectors[b]!);
        if (score < options.relatedSimilarity) continue;
        keep(a, b, score);
        keep(b, a, score);
        if (score >= options.storySimilarity && items[b]!.time - items[a]!.time <= options.spanMs) edges.push(a < b ? { a, b, score } : { a: b, b: a, score });
      }
    }
  }

  // The same pair may come from several blocks; most similar first, then by position, so the result never depends on map order.
  edges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  const parent = items.map((_, index) => index);
  const first = items.map((item) => item.time);
  const last = items.map((item) => item.time);
  const size = items.map(() => 1);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  for (const { a, b } of edges) {
    const ra = root(a);
    const rb = root(b);
    if (ra === rb) continue;
    const from = Math.min(first[ra]!, first[rb]!);
    const to = Math.max(last[ra]!, last[rb]!);
    if (to - from > options.spanMs || size[ra]! + size[rb]! > options.maxSize) continue;
    parent[rb] = ra;
    first[ra] = from;
    last[ra] = to;
    size[ra] = size[ra]! + size[rb]!;
  }

  const groups = new Map<number, number[]>();
  items.forEach((_, index) => {
    if (size[root(index)]! < 2) return;
    const group = groups.get(root(index));
    if (group) group.push(index);
    else groups.set(root(index), [index]);
  });
  const stories: number[][] = [];
  const storyOf = items.map(() => -1);
  for (const group of groups.values()) {
    if (new Set(group.map((index) => items[index]!.source)).size < 2) continue;
    group.sort((a, b) => items[a]!.time - items[b]!.time || a - b);
    for (const index of group) storyOf[index] = stories.length;
    stories.push(group);
  }
  return { stories, storyOf, similar: similar.map((list) => list.map((entry) => entry.index)) };
}

/** Terms sorted, with weights scaled to length one: the cosine of two is then a merge of the two lists. */
interface UnitVector {
  terms: Int32Array;
  weights: Float64Array;
}

function unitVector(features: ArticleFeatures | undefined): UnitVector {
  const order = (features?.terms ?? []).map((term, index) => ({ term, weight: features!.weights[index] ?? 0 })).sort((a, b) => a.term - b.term);
  const norm = Math.sqrt(order.reduce((sum, { weight }) => sum + weight * weight, 0)) || 1;
  return { terms: Int32Array.from(order, ({ term }) => term), weights: Float64Array.from(order, ({ weight }) => weight / norm) };
}

function cosine(a: UnitVector, b: UnitVector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length; ) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
