import { beforeAll, describe, expect, test } from 'vitest';
import type { Article } from '../../lib/schema/article.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { defaultStoryOptions, groupStories, type Stories } from '../../lib/stories/group-stories.ts';
import { loadCorpusArticles } from '../site/corpus-archive.ts';

const config = siteConfigSchema.parse({ title: 'T', url: 'https://example.org', search: false });
let articles: Article[];
let grouped: Stories;

beforeAll(async () => {
  const loaded = await loadCorpusArticles(config);
  if ('unavailable' in loaded) throw new Error(loaded.unavailable);
  articles = loaded.articles;
  grouped = groupStories(articles.map((article) => ({ time: article.data.publishedAt.getTime(), source: article.data.source, features: article.features })));
});

const storyWith = (title: string): Article[] => {
  const index = articles.findIndex((article) => article.data.title.includes(title));
  expect(index, title).toBeGreaterThanOrEqual(0);
  const story = grouped.storyOf[index]!;
  return story === -1 ? [] : grouped.stories[story]!.map((member) => articles[member]!);
};

describe('groupStories on the corpus', () => {
  test('RFI, RFA and VOA on Beijing passing the Hong Kong security law are one story', () => {
    const sources = storyWith('北京通过“港版国安法”').map((article) => article.data.source);
    expect(sources).toEqual(expect.arrayContaining(['rfi.fr', 'rfa.org', 'voachinese.com']));
  });

  test('DW, RFI and the New York Times on the democrats\' primary are one story', () => {
    const titles = storyWith('无惧国安法阴霾').map((article) => article.data.title);
    expect(titles).toEqual(expect.arrayContaining([expect.stringContaining('港民仍踊跃参与民主派初选'), expect.stringContaining('香港民主派初选')]));
  });

  test('unrelated articles of the same days stay apart', () => {
    const story = storyWith('俄罗斯选民投票压倒性支持修宪').map((article) => article.data.title);
    expect(story.length).toBe(2);
    expect(story.some((title) => title.includes('国安法'))).toBe(false);
  });

  test('every story has two sources or more, lies within its span, first published first', () => {
    expect(grouped.stories.length).toBeGreaterThan(5);
    for (const story of grouped.stories) {
      const members = story.map((index) => articles[index]!);
      expect(new Set(members.map((article) => article.data.source)).size).toBeGreaterThanOrEqual(2);
      expect(members.length).toBeLessThanOrEqual(defaultStoryOptions.maxSize);
      const times = members.map((article) => article.data.publishedAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.at(-1)! - times[0]!).toBeLessThanOrEqual(defaultStoryOptions.spanMs);
    }
  });

  test('similar articles come from any source and any time, most similar first', () => {
    const index = articles.findIndex((article) => article.data.title.includes('五张图为你详解法律重点'));
    const similar = grouped.similar[index]!.map((other) => articles[other]!);
    expect(similar.length).toBeGreaterThan(2);
    expect(new Set(similar.map((article) => article.data.source)).size).toBeGreaterThan(1);
    expect(similar.every((article) => article !== articles[index])).toBe(true);
    expect(similar.some((article) => /国安|香港/.test(article.data.title))).toBe(true);
  });

  test('the same articles in another order make the same stories', () => {
    const reversed = [...articles].reverse();
    const again = groupStories(reversed.map((article) => ({ time: article.data.publishedAt.getTime(), source: article.data.source, features: article.features })));
    const ids = (stories: number[][], list: Article[]) => stories.map((story) => story.map((index) => list[index]!.data.id).join(' ')).sort();
    expect(ids(again.stories, reversed)).toEqual(ids(grouped.stories, articles));
  });
});
