import type { SiteArticle } from '../archive/archived-article.ts';
import { collectTopics } from '../topics/collect-topics.ts';
import type { ArticleView } from './article-view.ts';

export interface TopicGroup {
  name: string;
  slug: string;
  url: string;
  count: number;
  /** Newest first. */
  articles: ArticleView[];
}

/** `/topics/港版国安法/`: the slug keeps the name's own letters (see lib/topics/topic-slug.ts). */
export const topicPath = (slug: string): string => `/topics/${slug}/`;

/**
 * The archive's topics (from tags, and from keywords shared by at least `minArticles` articles of two sources;
 * 0 for tags only), biggest first, each with its articles; sets each view's `topics`, its tags' first.
 */
export function topicGroups(articles: readonly SiteArticle[], views: ArticleView[], minArticles: number): TopicGroup[] {
  const { topics, topicsOf } = collectTopics(
    articles.map((article) => ({ tags: article.data.tags, keywords: article.features?.keywords ?? [], source: article.data.source })),
    minArticles,
  );
  const groups = topics.map((topic) => ({ name: topic.name, slug: topic.slug, url: topicPath(topic.slug), count: topic.articles.length, articles: topic.articles.map((index) => views[index]!) }));
  views.forEach((view, index) => {
    view.topics = topicsOf[index]!.map((topic) => ({ name: groups[topic]!.name, url: groups[topic]!.url }));
  });
  return groups;
}
