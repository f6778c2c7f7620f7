import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be an absolute http(s) URL' });

/** Frontmatter of one article: every field the site and the feeds may show. */
export const articleDataSchema = z.object({
  /** Stable: derived from the normalized source URL, so a re-dropped file keeps its id. */
  id: z.string().regex(/^[0-9a-f]{12}$/, 'must be 12 hex digits'),
  title: z.string().trim().min(1, 'must not be empty'),
  url: httpUrl,
  /** Display name of the source: the host, or the name `site.config.ts` maps it to. */
  source: z.string().min(1),
  host: z.string().min(1),
  publishedAt: z.date({ error: 'must be a valid date' }),
  /** BCP 47 language tag detected from the body's text (`zh-Hans`, `zh-Hant`, `en`…). */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a BCP 47 tag'),
  /** The title's language, which may differ from the body's (an English title over a Chinese body). */
  titleLang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a BCP 47 tag'),
  image: httpUrl.optional(),
  /** What the lead image shows, for its `alt`: '' for none. */
  imageAlt: z.string().optional(),
  summary: z.string().max(320),
  /** The body's text begins with the summary: pages need not show it twice. */
  summaryOpensBody: z.boolean(),
  /** Path relative to the content folder, with forward slashes. */
  file: z.string().min(1),
  readingMinutes: z.number().int().min(1),
  author: z.string().min(1).optional(),
  tags: z.array(z.string().min(1)),
});

export type ArticleData = z.infer<typeof articleDataSchema>;

/** What search needs of an article, worked out once when it is parsed (see lib/search/article-search-text.ts). */
export const searchTextSchema = z.object({
  /** The title, folded and tokenised. */
  title: z.string(),
  /** The body's text, folded and tokenised. */
  body: z.string(),
  /** The start of the body's text as written, for the snippets in results. */
  text: z.string(),
});

export type SearchText = z.infer<typeof searchTextSchema>;

/** What stories, related articles and topics need of an article, worked out once when it is parsed (see lib/stories/article-features.ts). */
export const articleFeaturesSchema = z.object({
  /** The article's most telling words, hashed (lib/stories/term-hash.ts), most telling first. */
  terms: z.array(z.number().int().nonnegative()),
  /** Each term's TF-IDF weight, in thousandths of the first's. */
  weights: z.array(z.number().int().positive()),
  /** A handful of nouns that say what the article is about (Chinese articles only), most telling first. */
  keywords: z.array(z.string().min(1)),
});

export type ArticleFeatures = z.infer<typeof articleFeaturesSchema>;

export const articleSchema = z.object({
  data: articleDataSchema,
  html: z.string().min(1, 'is empty once cleaned'),
  /** Only when the site has search. */
  search: searchTextSchema.optional(),
  /** Absent only for articles made without the parse pipeline (hand-made in tests): they join no story. */
  features: articleFeaturesSchema.optional(),
});

export type Article = z.infer<typeof articleSchema>;
