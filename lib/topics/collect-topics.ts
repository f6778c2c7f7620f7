import { topicSlug } from './topic-slug.ts';

/** What topics read of an article. */
export interface TopicInput {
  tags: readonly string[];
  /** Extracted keywords (see lib/stories/article-features.ts); none where there are no features. */
  keywords: readonly string[];
  source: string;
}

export interface Topic {
  name: string;
  slug: string;
  /** Indexes into the input, in its order. */
  articles: number[];
}

export interface Topics {
  /** By number of articles, most first, then by slug. */
  topics: Topic[];
  /** Per article, its topics (indexes into `topics`), its tags first in their order. */
  topicsOf: number[][];
}

// Agencies credited in a dateline (路透, 法新社…) are proper nouns to jieba, but no subject a reader follows.
const wireCredits = new Set(['路透', '路透社', '法新社', '美联社', '新华社', '中新社', '共同社', '彭博', '彭博社', '美国之音', '德国之声', '法广', '自由亚洲电台', '中央社']);

/**
 * Topics from articles' tags, each tag one topic; and, where `minArticles` is above 0, from their extracted
 * keywords, but only those that at least `minArticles` articles of two sources or more share (a keyword of
 * one article, or one source's habit, says little). Names with the same slug are one topic, named as most
 * of its articles spell it; a keyword that is also a tag is that tag's topic.
 */
export function collectTopics(items: readonly TopicInput[], minArticles: number): Topics {
  const bySlug = new Map<string, { spellings: Map<string, number>; tagged: Set<number>; keyed: Set<number>; sources: Set<string> }>();
  const entry = (name: string) => {
    const slug = topicSlug(name);
    let found = bySlug.get(slug);
    if (!found) bySlug.set(slug, (found = { spellings: new Map(), tagged: new Set(), keyed: new Set(), sources: new Set() }));
    return found;
  };
  items.forEach((item, index) => {
    for (const tag of item.tags) {
      const name = tag.normalize('NFKC').trim();
      if (!name) continue;
      const found = entry(name);
      found.spellings.set(name, (found.spellings.get(name) ?? 0) + 1);
      found.tagged.add(index);
    }
    if (minArticles === 0) return;
    for (const keyword of item.keywords) {
      if (wireCredits.has(keyword)) continue;
      const found = entry(keyword);
      found.spellings.set(keyword, (found.spellings.get(keyword) ?? 0) + 1);
      found.keyed.add(index);
      found.sources.add(item.source);
    }
  });

  const topics: Topic[] = [];
  for (const [slug, found] of bySlug) {
    const byKeyword = found.keyed.size >= minArticles && found.sources.size >= 2;
    const articles = new Set(found.tagged);
    if (byKeyword) for (const index of found.keyed) articles.add(index);
    if (articles.size === 0) continue;
    const name = [...found.spellings].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
    topics.push({ name, slug, articles: [...articles].sort((a, b) => a - b) });
  }
  topics.sort((a, b) => b.articles.length - a.articles.length || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

  const topicsOf: number[][] = items.map(() => []);
  const rank = new Map(topics.map((topic, index) => [topic.slug, index]));
  topics.forEach((topic, index) => {
    for (const article of topic.articles) topicsOf[article]!.push(index);
  });
  items.forEach((item, index) => {
    // Its own tags first, as written; then the keyword topics, biggest first.
    const tagOrder = item.tags.map((tag) => rank.get(topicSlug(tag.normalize('NFKC').trim())));
    topicsOf[index]!.sort((a, b) => {
      const x = tagOrder.indexOf(a);
      const y = tagOrder.indexOf(b);
      return (x === -1 ? Infinity : x) - (y === -1 ? Infinity : y) || a - b;
    });
  });
  return { topics, topicsOf };
}
