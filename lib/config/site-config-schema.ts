import { z } from 'zod';

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as "Asia/Shanghai" or "UTC"');

/** A publication year, as the site's `/YYYY/` pages count them (in its time zone). */
const year = z.number().int().min(1990, 'must be a year from 1990').max(9999, 'must be a year such as 2021');

// Another site's address: absolute, or a path from the root of this site's origin (a Pages site beside this one).
const shardUrl = z
  .string()
  .refine((url) => (url.startsWith('/') && !url.startsWith('//')) || (URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)), 'must be an absolute http(s) URL such as "https://me.github.io/news-2020/" or a path such as "/news-2020/"')
  .refine((url) => url.endsWith('/'), 'must end with "/"');

const shard = z.strictObject({
  /** The years that site holds. */
  years: z.array(year).min(1, 'must name at least one year'),
  /** Where it is published (its home page). */
  url: shardUrl,
});

/** Each year is one shard's: a year in two shards would have two year pages, and links to either. */
const shards = z.array(shard).superRefine((list, context) => {
  const holder = new Map<number, number>();
  list.forEach((entry, index) => {
    entry.years.forEach((value, at) => {
      const first = holder.get(value);
      if (first !== undefined && first !== index) context.addIssue({ code: 'custom', path: [index, 'years', at], message: `${value} is already in shards.${first}: a year belongs to one shard` });
      else holder.set(value, index);
    });
  });
});

// Strict: a mistyped key (`perpage`) would otherwise be dropped silently and its default used instead.
export const siteConfigSchema = z.strictObject({
  /** Without one, the site is called by its interface language's default (`新闻摘要`, `News Digest`). */
  title: z.string().trim().min(1).optional(),
  /** Without one, a line in the interface language; `''` for none. */
  description: z.string().optional(),
  /** Absolute URL of the published site's origin, used in feeds and the sitemap. */
  url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL such as "https://example.org"' }),
  /** BCP 47 language of the site's own interface. */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a BCP 47 tag such as "zh" or "en"').default('en'),
  /** Days are grouped, and times shown, in this zone. */
  timeZone: timeZone.default('UTC'),
  author: z.string().default(''),
  perPage: z.number().int().min(1).max(500).default(30),
  /** The home page's digest is the newest days until it holds at least this many articles… */
  homeArticles: z.number().int().min(1).max(500).default(30),
  /** …but never a day this many days or more before the newest, so a sparse archive shows only its newest day(s). */
  homeSpanDays: z.number().int().min(1).max(60).default(7),
  /** How many articles a feed carries. */
  feedSize: z.number().int().min(1).max(1000).default(50),
  /** Display names for sources, keyed by host (`www.` is ignored): `{ 'rfi.fr': 'RFI' }`. */
  sources: z.record(z.string(), z.string().min(1)).default({}),
  /** Article files larger than this are rejected. */
  maxFileBytes: z.number().int().min(1024).default(5 * 1024 * 1024),
  /** Full-text search: a search page, a search box on every page, and an index of every article. */
  search: z.boolean().default(true),
  /**
   * How much of the index (in KB, as it travels) one search may load. A search runs over the newest articles that
   * fit, and the reader can go on to older ones; a larger number searches further back at once, a slower load.
   */
  searchQueryKB: z.number().int().min(100).max(1_000_000).default(300),
  /**
   * Tags are topics. Keywords extracted from Chinese articles are topics too when at least this many articles
   * of two sources or more share one; 0: tags only.
   */
  keywordTopics: z.number().int().min(0).max(1000).default(3),
  /**
   * The sites an archive too big for one is split over, by year: `[{ years: [2020], url: 'https://me.github.io/news-2020/' }, …]`.
   * A build of some years (`years`, or `digest build --years`) links the other shards' years and merges their search.
   */
  shards: shards.default([]),
  /** This build's shard: only the articles published in these years are built (`digest build --years 2021` overrides it). All when absent. */
  years: z.array(year).min(1, 'must name at least one year').optional(),
});

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** Typed helper for `site.config.ts`. */
export const defineSiteConfig = (config: SiteConfigInput): SiteConfigInput => config;
