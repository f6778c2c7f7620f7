import { defineSiteConfig } from './lib/config/site-config-schema.ts';

// The one file to edit: what the site is called, where it lives, and how it groups days.
export default defineSiteConfig({
  // Without a title and description the site takes its language's: 新闻摘要, 保存下来的新闻文章，按日归档。
  // title: 'News Digest',
  // description: 'A daily archive of saved news articles.',
  url: 'https://example.org',
  language: 'zh',
  timeZone: 'Asia/Shanghai',
  perPage: 30,
  homeArticles: 30,
  homeSpanDays: 7,
  feedSize: 50,
  sources: {
    'rfi.fr': 'RFI',
    'bbc.com': 'BBC',
    'dw.com': 'DW',
    'voachinese.com': 'VOA',
    'reuters.com': 'Reuters',
    'ft.com': 'FT中文网',
    'nytimes.com': 'NYTimes',
    'ftchinese.com': 'FT中文网',
    'rfa.org': 'RFA',
    'chinadigitaltimes.net': '中国数字时代',
  },
  // An archive too big for one Pages site, split by year (see "Splitting a big archive by year" in the README):
  // shards: [{ years: [2020], url: '/news-2020/' }, { years: [2021], url: '/news-2021/' }],
  // years: [2021], // this repository's shard (or: digest build --years 2021)
});
