import { articleSchema, type Article } from '../../lib/schema/article.ts';
import { siteConfigSchema, type SiteConfig } from '../../lib/config/site-config-schema.ts';

export const hostileTitle = `</title><script>alert("x")</script> & {{ 7*7 }} {% raw %} ]]> \u0001 'quote'`;

export const testConfig: SiteConfig = siteConfigSchema.parse({
  title: 'Test Digest <&>',
  description: 'Hand-made "articles" for tests',
  url: 'https://example.org',
  language: 'zh',
  timeZone: 'Asia/Shanghai',
  perPage: 3,
  homeArticles: 4,
  feedSize: 5,
});

const sources = [
  { source: 'BBC', host: 'bbc.com', lang: 'en' },
  { source: 'FT中文网', host: 'ftchinese.com', lang: 'zh' },
  { source: '中国数字时代', host: 'chinadigitaltimes.net', lang: 'zh' },
];

const titles = [
  'US-China talks resume in Geneva',
  '中美会谈在日内瓦恢复',
  hostileTitle,
  'Café owners protest new tax',
  '香港 2020 年 6 月 新闻',
];

/** `count` valid articles, newest first, spread over days and sources; every one passes `articleSchema`. */
export function handMadeArticles(count: number): Article[] {
  const start = Date.UTC(2020, 5, 30, 15, 30);
  const articles: Article[] = [];
  for (let index = 0; index < count; index++) {
    const source = sources[index % sources.length]!;
    const title = titles[index % titles.length]!;
    const id = (0xabc000000000 + index).toString(16).padStart(12, '0');
    const summary = index % 2 === 0 ? `Summary ${index}: ${title}` : '';
    articles.push(
      articleSchema.parse({
        data: {
          id,
          title,
          url: `https://www.${source.host}/news/${index}?a=1&b=2`,
          source: source.source,
          host: source.host,
          publishedAt: new Date(start - index * 7 * 3600_000),
          lang: source.lang,
          titleLang: source.lang,
          image: index % 3 === 0 ? `https://img.${source.host}/${index}.jpg` : undefined,
          summary,
          summaryOpensBody: summary === '',
          file: `a/${index}.txt`,
          readingMinutes: 1 + (index % 4),
          author: index % 4 === 0 ? 'Reporter <b>One</b>' : undefined,
          tags: [],
        },
        html: `<p>${index % 4 === 1 ? '' : `Summary ${index}: `}Body of article ${index}. {{ 7*7 }} {% if true %}x{% endif %}</p><p><a href="https://example.com/ref/${index}">ref</a></p>`,
      }),
    );
  }
  return articles;
}
