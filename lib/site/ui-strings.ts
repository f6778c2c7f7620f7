/** Interface text in the site's language; Chinese for `zh*`, English otherwise. */
export interface UiStrings {
  /** The BCP 47 tag of these strings themselves. */
  lang: string;
  skipToContent: string;
  siteNav: string;
  articleNav: string;
  home: string;
  sources: string;
  archive: string;
  /** After a year another site of the same archive holds (a shard). */
  onOtherSite: string;
  breadcrumb: string;
  /** Column heads of a calendar month, Monday first. */
  weekdays: string[];
  latest: string;
  older: string;
  newer: string;
  olderArticles: string;
  latestArticles: string;
  previousArticle: string;
  nextArticle: string;
  moreFrom: string;
  fromDay: string;
  /** Heads a day's stories: events several sources reported. */
  stories: string;
  /** Before the other sources of a story. */
  alsoReportedBy: string;
  /** Heads, on an article's page, the same story in other sources. */
  sameStory: string;
  /** Heads, on an article's page, the most similar articles. */
  related: string;
  topics: string;
  noTopics: string;
  /** Before the newest article's time on the home page. */
  updated: string;
  /** Heads the links from a day page to the same date in other years. */
  onThisDay: string;
  /** Labels the link to the article where it was first published, before its host: `原文 ↗ bbc.com`. */
  readOriginal: string;
  /** The Web Archive's copies of the original, for originals that have died. */
  archivedOriginal: string;
  /** The site's title and description when `site.config.ts` gives none. */
  siteTitle: string;
  siteDescription: string;
  readingTime: string;
  articles: string;
  page: string;
  pagination: string;
  feedAtom: string;
  feedJson: string;
  notFoundTitle: string;
  notFoundText: string;
  empty: string;
  by: string;
  search: string;
  searchLabel: string;
  searchButton: string;
  searchSource: string;
  searchYear: string;
  searchLanguage: string;
  searchSort: string;
  searchRelevance: string;
  searchNewest: string;
  searchNeedsScript: string;
  /** What the search page's script shows; `{n}` and `{query}` are filled in there. */
  searchScript: { results: string; noResults: string; otherScript: string; fewerWords: string; more: string; all: string; failed: string; resultsIn: string; noResultsIn: string; older: string };
}

const zh: UiStrings = {
  lang: 'zh-Hans',
  skipToContent: '跳到正文',
  siteNav: '网站导航',
  articleNav: '文章导航',
  home: '首页',
  sources: '来源',
  archive: '归档',
  onOtherSite: '（另一站点）',
  breadcrumb: '位置',
  weekdays: ['一', '二', '三', '四', '五', '六', '日'],
  latest: '最新摘要',
  older: '更早',
  newer: '更新',
  olderArticles: '更早的文章',
  latestArticles: '最新文章',
  previousArticle: '上一篇（更早）',
  nextArticle: '下一篇（更新）',
  moreFrom: '更多来自',
  fromDay: '当日摘要',
  stories: '要闻',
  alsoReportedBy: '亦见于',
  sameStory: '同一事件的其他报道',
  related: '相关文章',
  topics: '话题',
  noTopics: '还没有话题：文章没有标签，也没有几篇文章共有的关键词。',
  updated: '更新于',
  onThisDay: '历年今日',
  readOriginal: '原文 ↗',
  archivedOriginal: '网页时光机存档',
  siteTitle: '新闻摘要',
  siteDescription: '保存下来的新闻文章，按日归档。',
  readingTime: '阅读约 {n} 分钟',
  articles: '{n} 篇',
  page: '第 {n} 页',
  pagination: '分页',
  feedAtom: 'Atom 订阅',
  feedJson: 'JSON 订阅',
  notFoundTitle: '找不到页面',
  notFoundText: '这个地址没有页面。它可能已被移除，或者链接有误。',
  empty: '还没有文章。',
  by: '作者',
  search: '搜索',
  searchLabel: '搜索文章',
  searchButton: '搜索',
  searchSource: '来源',
  searchYear: '年份',
  searchLanguage: '语言',
  searchSort: '排序',
  searchRelevance: '相关度',
  searchNewest: '最新优先',
  searchNeedsScript: '搜索结果需要 JavaScript。',
  searchScript: {
    results: '找到 {n} 篇文章',
    noResults: '没有找到与“{query}”相关的文章。',
    otherScript: '试试 {query}',
    fewerWords: '只搜 {query}',
    more: '更多结果',
    all: '全部',
    failed: '搜索出错了，请重新加载页面。',
    resultsIn: '在{span}的文章中找到 {n} 篇',
    noResultsIn: '在{span}的文章中没有找到与“{query}”相关的文章。',
    older: '搜索更早的文章（{span}）',
  },
};

const en: UiStrings = {
  lang: 'en',
  skipToContent: 'Skip to content',
  siteNav: 'Site',
  articleNav: 'Around this article',
  home: 'Home',
  sources: 'Sources',
  archive: 'Archive',
  onOtherSite: '(on another site)',
  breadcrumb: 'You are here',
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  latest: 'Latest digest',
  older: 'Older',
  newer: 'Newer',
  olderArticles: 'Older articles',
  latestArticles: 'Latest articles',
  previousArticle: 'Previous (older)',
  nextArticle: 'Next (newer)',
  moreFrom: 'More from',
  fromDay: 'Digest of the day',
  stories: 'Stories',
  alsoReportedBy: 'Also reported by',
  sameStory: 'The same story elsewhere',
  related: 'Related articles',
  topics: 'Topics',
  noTopics: 'No topics yet: no article has tags, and no keyword is shared by several articles.',
  updated: 'Updated',
  onThisDay: 'On this day in other years',
  readOriginal: 'Original ↗',
  archivedOriginal: 'Web Archive copy',
  siteTitle: 'News Digest',
  siteDescription: 'A daily archive of saved news articles.',
  readingTime: '{n} min read',
  articles: '{n} articles',
  page: 'Page {n}',
  pagination: 'Pagination',
  feedAtom: 'Atom feed',
  feedJson: 'JSON feed',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. It may have been removed, or the link is wrong.',
  empty: 'No articles yet.',
  by: 'By',
  search: 'Search',
  searchLabel: 'Search the articles',
  searchButton: 'Search',
  searchSource: 'Source',
  searchYear: 'Year',
  searchLanguage: 'Language',
  searchSort: 'Order',
  searchRelevance: 'Relevance',
  searchNewest: 'Newest first',
  searchNeedsScript: 'Search results need JavaScript.',
  searchScript: {
    results: '{n} articles found',
    noResults: 'No articles found for “{query}”.',
    otherScript: 'Try {query}',
    fewerWords: 'Search only {query}',
    more: 'More results',
    all: 'All',
    failed: 'Search failed; please reload the page.',
    resultsIn: '{n} articles found in the articles of {span}',
    noResultsIn: 'No articles of {span} found for “{query}”.',
    older: 'Search older articles ({span})',
  },
};

export function uiStrings(language: string): UiStrings {
  return language.toLowerCase().startsWith('zh') ? zh : en;
}

/** Fills `{n}` in a string from {@link UiStrings}. */
export const fillCount = (text: string, n: number): string => text.replace('{n}', String(n));

/** The site's title and description: `site.config.ts`'s, else the interface language's defaults. */
export function siteIdentity(config: { title?: string | undefined; description?: string | undefined; language: string }): { title: string; description: string } {
  const ui = uiStrings(config.language);
  return { title: config.title ?? ui.siteTitle, description: config.description ?? ui.siteDescription };
}
