import type { SiteArticle } from '../archive/archived-article.ts';
import { groupStories, storyInputs, type Stories } from '../stories/group-stories.ts';
import { articleLink, type ArticleLink, type ArticleView } from './article-view.ts';

/** A story as a day shows it: its headline (the first report), then one article of each other source. */
export interface StoryView {
  headline: ArticleLink & { sourceUrl: string; time: string; datetime: string };
  /** "Also reported by": each other source once, with its first article in the story. */
  also: (ArticleLink & { sourceUrl: string })[];
}

/** At most this many articles of the same story listed on an article's page. */
const sameStoryShown = 7;

/**
 * Groups the articles (in the same order as their views) into stories, sets each view's `sameStory` (the
 * story's other articles, other sources first) and `related` (the most similar articles outside it, of any
 * source and time), and returns the stories by the day of their headline, those with most sources first.
 */
export function storyViews(articles: readonly SiteArticle[], views: ArticleView[], grouped?: Stories): Map<string, StoryView[]> {
  const { stories, storyOf, similar } = grouped ?? groupStories(storyInputs(articles));
  const byDay = new Map<string, { view: StoryView; sources: number; time: number }[]>();
  for (const story of stories) {
    const headline = views[story[0]!]!;
    const seen = new Set([headline.source]);
    const also: StoryView['also'] = [];
    for (const index of story) {
      const view = views[index]!;
      if (seen.has(view.source)) continue;
      seen.add(view.source);
      also.push({ ...articleLink(view), sourceUrl: view.sourceUrl });
    }
    const entry = {
      view: { headline: { ...articleLink(headline), sourceUrl: headline.sourceUrl, time: headline.time, datetime: headline.datetime }, also },
      sources: seen.size,
      time: articles[story[0]!]!.data.publishedAt.getTime(),
    };
    const day = byDay.get(headline.dayKey);
    if (day) day.push(entry);
    else byDay.set(headline.dayKey, [entry]);
  }

  views.forEach((view, index) => {
    const story = storyOf[index]!;
    const members = story === -1 ? [] : stories[story]!.filter((other) => other !== index);
    const others = [...members.filter((other) => views[other]!.source !== view.source), ...members.filter((other) => views[other]!.source === view.source)];
    view.sameStory = others.slice(0, sameStoryShown).map((other) => articleLink(views[other]!));
    view.related = similar[index]!.filter((other) => !members.includes(other)).map((other) => articleLink(views[other]!));
  });

  const result = new Map<string, StoryView[]>();
  for (const [day, entries] of byDay) result.set(day, entries.sort((a, b) => b.sources - a.sources || b.time - a.time).map((entry) => entry.view));
  return result;
}
