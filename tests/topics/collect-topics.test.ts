import { describe, expect, test } from 'vitest';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { collectTopics } from '../../lib/topics/collect-topics.ts';
import { topicSlug } from '../../lib/topics/topic-slug.ts';
import { loadCorpusArticles } from '../site/corpus-archive.ts';

const config = siteConfigSchema.parse({ title: 'T', url: 'https://example.org', search: false });
const loaded = await loadCorpusArticles(config);
if ('unavailable' in loaded) throw new Error(loaded.unavailable);
const articles = loaded.articles;
const inputs = articles.map((article) => ({ tags: article.data.tags, keywords: article.features?.keywords ?? [], source: article.data.source }));

describe('topicSlug', () => {
  test('keeps CJK names as they are, never empty, the same every time', () => {
    expect(topicSlug('港版国安法')).toBe('港版国安法');
    expect(topicSlug('RTI 中央廣播電臺')).toBe('rti-中央廣播電臺');
    expect(topicSlug('香港问题，')).toBe('香港问题');
    expect(topicSlug('！？')).toMatch(/^topic-[0-9a-f]{8}$/);
    expect(topicSlug('！？')).toBe(topicSlug('！？'));
    expect(topicSlug('！？')).not.toBe(topicSlug('……'));
  });
});

describe('collectTopics on the corpus', () => {
  test('every tag is a topic holding every article tagged with it', () => {
    const { topics } = collectTopics(inputs, 0);
    const tagged = articles.filter((article) => article.data.tags.includes('港版国安法'));
    expect(tagged.length).toBeGreaterThan(1);
    const topic = topics.find((candidate) => candidate.name === '港版国安法')!;
    expect(topic.slug).toBe('港版国安法');
    expect(topic.articles.map((index) => articles[index]!.data.id).sort()).toEqual(tagged.map((article) => article.data.id).sort());
    // Tags only: every topic is someone's tag.
    const tags = new Set(articles.flatMap((article) => article.data.tags.map(topicSlug)));
    expect(topics.every((candidate) => tags.has(candidate.slug))).toBe(true);
  });

  test('a keyword is a topic only when several articles of two sources or more share it', () => {
    const { topics } = collectTopics(inputs, 3);
    const tags = new Set(articles.flatMap((article) => article.data.tags.map(topicSlug)));
    const fromKeywords = topics.filter((topic) => !tags.has(topic.slug));
    expect(fromKeywords.map((topic) => topic.name)).toEqual(expect.arrayContaining(['美国', '特朗普', '华为']));
    for (const topic of fromKeywords) {
      const members = topic.articles.map((index) => articles[index]!);
      expect(members.length).toBeGreaterThanOrEqual(3);
      expect(new Set(members.map((article) => article.data.source)).size).toBeGreaterThanOrEqual(2);
      expect(members.every((article) => article.features!.keywords.includes(topic.name))).toBe(true);
    }
  });

  test('a wire service credited in datelines is no topic, one source\'s habit neither, a tag always is', () => {
    const items = [
      { tags: [], keywords: ['路透', '华为', '哭墙'], source: 'cn.reuters.com' },
      { tags: [], keywords: ['路透', '华为', '哭墙'], source: 'rfi.fr' },
      { tags: ['路透'], keywords: ['华为', '哭墙'], source: 'rfi.fr' },
      { tags: [], keywords: ['路透', '哭墙'], source: 'rfi.fr' },
    ];
    const { topics } = collectTopics(items, 3);
    expect(topics.map((topic) => [topic.name, topic.articles])).toEqual([
      ['哭墙', [0, 1, 2, 3]],
      ['华为', [0, 1, 2]],
      ['路透', [2]],
    ]);
    expect(collectTopics(items.slice(1), 3).topics.map((topic) => topic.name)).toEqual(['路透']);
  });

  test('a keyword that is also a tag is that tag\'s topic, not a second one', () => {
    const { topics } = collectTopics(inputs, 3);
    expect(topics.filter((topic) => topic.slug === '香港')).toHaveLength(1);
    const hongKong = topics.find((topic) => topic.slug === '香港')!;
    expect(hongKong.articles.length).toBeGreaterThan(articles.filter((article) => article.data.tags.includes('香港')).length);
  });

  test('an article\'s own tags come first among its topics, in their order', () => {
    const { topics, topicsOf } = collectTopics(inputs, 3);
    articles.forEach((article, index) => {
      const names = topicsOf[index]!.map((topic) => topics[topic]!.slug);
      const own = [...new Set(article.data.tags.map(topicSlug))];
      expect(names.slice(0, own.length)).toEqual(own);
    });
  });
});
