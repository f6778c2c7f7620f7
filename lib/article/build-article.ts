import { decodeText } from '../read/decode-text.ts';
import { parseRawArticle } from '../read/parse-raw-article.ts';
import { cleanBody } from '../clean/clean-body.ts';
import { articleSchema, type Article } from '../schema/article.ts';
import { formatIssues } from '../schema/format-issues.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import { fail, ok, type Result } from '../result.ts';
import { articleId } from './article-id.ts';
import { detectLanguage, detectTitleLanguage } from './detect-language.ts';
import { readingMinutes } from './reading-time.ts';
import { sourceName } from './source-name.ts';
import { summaryOpensBody } from './summary-opens-body.ts';
import { articleSearchText } from '../search/article-search-text.ts';
import { titleWithoutSiteName } from './title-without-site-name.ts';
import { articleFeatures } from '../stories/article-features.ts';

export interface ArticleSource {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  bytes: Uint8Array;
}

export type ArticleOptions = Pick<SiteConfig, 'sources' | 'language' | 'maxFileBytes'> & Partial<Pick<SiteConfig, 'search'>>;

/** One raw file in, one validated article out, or the reason it cannot be one (a line per problem). */
export function buildArticle(source: ArticleSource, options: ArticleOptions): Result<Article> {
  if (source.bytes.byteLength > options.maxFileBytes) {
    return fail(`file is ${megabytes(source.bytes.byteLength)}, over the ${megabytes(options.maxFileBytes)} limit (maxFileBytes in site.config.ts)`);
  }
  try {
    return assemble(source, options);
  } catch (error) {
    // A pathological file must cost only itself, whatever breaks inside a library.
    if (error instanceof RangeError && /call stack/.test(error.message)) {
      return fail('body: HTML nested too deeply to process (hundreds of levels of elements inside each other)');
    }
    return fail(`cannot be processed: ${(error as Error).message}`);
  }
}

function assemble(source: ArticleSource, options: ArticleOptions): Result<Article> {
  const text = decodeText(source.bytes);
  if (!text.ok) return text;
  const raw = parseRawArticle(text.value);
  if (!raw.ok) return raw;
  const { url, publishedAt, body, author, tags } = raw.value;
  const host = new URL(url).hostname;
  const sourceLabel = sourceName(host, options.sources);
  const title = titleWithoutSiteName(raw.value.title, host, sourceLabel);
  const cleaned = cleanBody(body, { url, publishedAt, title, language: options.language });
  if (cleaned.text.trim() === '' && !cleaned.hasMedia) return fail('body: no text or media left (an empty body, or only the feed footer and boilerplate)');
  // A body of a link or two says too little on its own: the title speaks for it.
  const lang = detectLanguage(cleaned.text.length < 200 ? `${title}\n${cleaned.text}` : cleaned.text, options.language);
  const titleLang = detectTitleLanguage(title, lang);
  const candidate = {
    data: {
      id: articleId(url),
      title,
      url,
      source: sourceLabel,
      host: host.replace(/^www\./, ''),
      publishedAt,
      lang,
      titleLang,
      image: cleaned.image,
      imageAlt: cleaned.imageAlt,
      summary: cleaned.summary,
      summaryOpensBody: summaryOpensBody(cleaned.summary, cleaned.text, cleaned.lead),
      file: source.file,
      readingMinutes: readingMinutes(cleaned.text),
      author,
      tags: [...new Set([...tags, ...cleaned.tags])],
    },
    html: cleaned.html,
    ...(options.search ? { search: articleSearchText(title, cleaned.text) } : {}),
    features: articleFeatures(title, cleaned.text, lang),
  };
  const parsed = articleSchema.safeParse(candidate);
  if (!parsed.success) return fail(formatIssues(parsed.error).join('\n'));
  return ok(parsed.data);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
