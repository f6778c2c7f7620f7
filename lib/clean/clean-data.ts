/** What the cleaning pipeline needs to know about the article it cleans. */
export interface CleanContext {
  /** The article's source URL: base for relative links and images. */
  url: string;
  /** When the article was published: a dateline repeating it is dropped. */
  publishedAt: Date;
  /** The article's title: a heading opening the body that repeats it is dropped. */
  title?: string;
  /** The site's interface language (`language` in site.config.ts): what our own words in a body are written in. */
  language?: string;
}

declare module 'vfile' {
  interface DataMap {
    /** In: the article the body belongs to. */
    cleanContext: CleanContext;
    /** Out: absolute http(s) URL of the lead image taken out of the body. */
    leadImage: string;
    /** Out: what the lead image shows (its alt or its figure's caption), or '' when nothing says. */
    leadImageAlt: string;
    /** Out: plain-text lead, at most about 300 characters. */
    summary: string;
    /** Out: plain text of the cleaned body. */
    plainText: string;
    /** Out: text of the cleaned body's first paragraph of prose, past captions and bylines. */
    leadText: string;
    /** Out: whether the cleaned body still shows an image, video or audio. */
    hasMedia: boolean;
    /** Between plugins: some `id` or anchor name was kept as the target of an in-page link. */
    keptLinkTargets: boolean;
    /** Out: tags the body listed (a post footer's "Post tags: …"), taken out of it. */
    tags: string[];
  }
}
