import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';
import { formatIssues } from '../schema/format-issues.ts';
import { decodeTitle } from './decode-title.ts';
import { LineCursor } from './line-cursor.ts';
import { parseArticleUrl } from './parse-article-url.ts';
import { parseFrontMatter, type FrontMatter } from './parse-front-matter.ts';
import { parseHeader, startsWithHeader, type RawHeader } from './parse-header.ts';
import { parseDateText, parseTimestamp } from './parse-published-at.ts';

/** What a raw article file says about itself, before its HTML body is cleaned. */
export const rawArticleSchema = z.object({
  title: z.string().trim().min(1, 'must not be empty'),
  url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
  publishedAt: z.date({ error: 'must be a valid date' }),
  /** Raw HTML, uncleaned. */
  body: z.string().trim().min(1, 'must not be empty'),
  author: z.string().min(1).optional(),
  tags: z.array(z.string().min(1)),
});

export type RawArticle = z.infer<typeof rawArticleSchema>;

export type ParseRawArticleOptions = {
  /** The moment dates must not be later than; defaults to the current time. */
  now?: Date;
};

/**
 * Decoded file text (LF line ends) → header fields and the raw HTML body.
 * Reads the plain header, the `日期：` variant, and Jekyll front matter with or without a header;
 * where both exist the header's title, URL and time win and the front matter adds author and tags.
 */
export function parseRawArticle(text: string, options: ParseRawArticleOptions = {}): Result<RawArticle> {
  const now = options.now ?? new Date();
  const split = parseFrontMatter(text);
  if (!split.ok) return split;
  const { frontMatter, rest } = split.value;

  if (frontMatter === undefined || startsWithHeader(rest)) {
    const header = parseHeader(rest);
    if (!header.ok) return header;
    return fromHeader(header.value, frontMatter, now);
  }
  return fromFrontMatter(frontMatter, rest, now);
}

function fromHeader(header: RawHeader, frontMatter: FrontMatter | undefined, now: Date): Result<RawArticle> {
  const times: Array<() => Result<Date>> = [];
  if (header.timestamp !== undefined) times.push(() => parseTimestamp(header.timestamp ?? '', now));
  if (header.dateText !== undefined) times.push(() => parseDateText(header.dateText ?? '', now));
  if (frontMatter?.date != null) times.push(() => parseDateText(frontMatter.date ?? '', now));

  return assemble(
    {
      title: decodeTitle(header.title),
      url: parseArticleUrl(header.url),
      publishedAt: firstDate(times, 'publishedAt: missing: expected "<!--epoch ms-->" above the title or a "日期：" line below the dashes'),
      body: nonEmptyBody(header.body),
    },
    frontMatter,
  );
}

function fromFrontMatter(frontMatter: FrontMatter, rest: string, now: Date): Result<RawArticle> {
  const missing = (key: string) => `missing: no header and no "${key}" in front matter`;
  const { title, from, date } = frontMatter;
  return assemble(
    {
      title: title == null ? fail(`title: ${missing('title')}`) : decodeTitle(title),
      url: from == null ? fail(`url: ${missing('from')}`) : parseArticleUrl(from),
      publishedAt: date == null ? fail(`publishedAt: ${missing('date')}`) : parseDateText(date, now),
      body: nonEmptyBody(new LineCursor(rest).skipBlank().rest().trimEnd()),
    },
    frontMatter,
  );
}

/** Tries each source of the publication time in order of trust; reports the most trusted one's problem. */
function firstDate(candidates: Array<() => Result<Date>>, missingReason: string): Result<Date> {
  let firstFailure: Result<Date> | undefined;
  for (const candidate of candidates) {
    const result = candidate();
    if (result.ok) return result;
    firstFailure ??= result;
  }
  return firstFailure ?? fail(missingReason);
}

function nonEmptyBody(body: string): Result<string> {
  return body.trim() === '' ? fail('empty body') : ok(body);
}

type Fields = { title: Result<string>; url: Result<string>; publishedAt: Result<Date>; body: Result<string> };

/** Every field's problem at once, so a person fixes the file in one go. */
function assemble(fields: Fields, frontMatter: FrontMatter | undefined): Result<RawArticle> {
  const { title, url, publishedAt, body } = fields;
  if (!title.ok || !url.ok || !publishedAt.ok || !body.ok) {
    const reasons = [title, url, publishedAt, body].flatMap((field) => (field.ok ? [] : [field.reason]));
    return fail(reasons.join('\n'));
  }
  const parsed = rawArticleSchema.safeParse({
    title: title.value,
    url: url.value,
    publishedAt: publishedAt.value,
    body: body.value,
    author: frontMatter?.author,
    tags: frontMatter?.tags ?? [],
  });
  return parsed.success ? ok(parsed.data) : fail(formatIssues(parsed.error).join('\n'));
}
