import { decodeText } from '../read/decode-text.ts';
import { parseRawArticle } from '../read/parse-raw-article.ts';
import { cleanBody } from '../clean/clean-body.ts';
import { articleSchema, type Article } from '../schema/article.ts';
import { formatIssues } from '../schema/format-issues.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import { fail, ok, type Result } from '../result.ts';
import { articleId } from './article-id.ts';
import { detectLanguage } from './detect-language.ts';
import { readingMinutes } from './reading-time.ts';
import { sourceName } from './source-name.ts';
import { summaryOpensBody } from './summary-opens-body.ts';

export interface ArticleSource {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  bytes: Uint8Array;
}

export type ArticleOptions = Pick<SiteConfig, 'sources' | 'language' | 'maxFileBytes'>;

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
  const { title, url, publishedAt, body, author, tags } = raw.value;
  const cleaned = cleanBody(body, { url, publishedAt });
  if (cleaned.text.trim() === '' && !cleaned.hasMedia) return fail('body: no text or media left (an empty body, or only the feed footer and boilerplate)');
  const host = new URL(url).hostname;
  const candidate = {
    data: {
      id: articleId(url),
      title,
      url,
      source: sourceName(host, options.sources),
      host: host.replace(/^www\./, ''),
      publishedAt,
      lang: detectLanguage(`${title}\n${cleaned.text}`, options.language),
      image: cleaned.image,
      summary: cleaned.summary,
      summaryOpensBody: summaryOpensBody(cleaned.summary, cleaned.text),
      file: source.file,
      readingMinutes: readingMinutes(cleaned.text),
      author,
      tags: [...new Set([...tags, ...cleaned.tags])],
    },
    html: cleaned.html,
  };
  const parsed = articleSchema.safeParse(candidate);
  if (!parsed.success) return fail(formatIssues(parsed.error).join('\n'));
  return ok(parsed.data);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
