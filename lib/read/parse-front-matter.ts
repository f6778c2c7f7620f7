import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';
import { formatIssues } from '../schema/format-issues.ts';
import { cleanHeaderText } from './decode-title.ts';
import { LineCursor } from './line-cursor.ts';

/** YAML scalars people write for text: `2020` is a number to YAML but a tag or title to us. */
const scalarText = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** Tags as strings: trimmed, empty ones dropped, duplicates removed; YAML may give a list or one scalar. */
const tagList = z
  .union([scalarText, z.array(scalarText.nullable())])
  .nullish()
  .transform((tags) => {
    const list = tags === null || tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
    const cleaned = list.map((tag) => (tag === null ? '' : cleanHeaderText(tag))).filter((tag) => tag !== '');
    return [...new Set(cleaned)];
  });

/** Jekyll-style front matter as the archiving bots write it; other keys (`layout`, `categories`…) are ignored. */
export const frontMatterSchema = z.looseObject({
  title: scalarText.nullish(),
  date: z.union([z.string(), z.date()]).nullish(),
  /** The source URL. */
  from: z.string().nullish(),
  author: scalarText
    .nullish()
    .transform((author) => (author === null || author === undefined ? undefined : cleanHeaderText(author) || undefined)),
  tags: tagList,
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type FrontMatterSplit = {
  /** Undefined when the text has no front matter. */
  frontMatter: FrontMatter | undefined;
  /** The text after the closing `---` (the whole text when there is no front matter). */
  rest: string;
};

const fence = /^---[ \t]*$/;
const closingFence = /^(?:---|\.\.\.)[ \t]*$/;

/** Separates a leading `---` … `---` YAML block from what follows and validates it. */
export function parseFrontMatter(text: string): Result<FrontMatterSplit> {
  const cursor = new LineCursor(text).skipBlank();
  if (!fence.test(cursor.next())) return ok({ frontMatter: undefined, rest: text });

  const yamlStart = cursor.position;
  let yamlEnd = -1;
  while (!cursor.atEnd) {
    const lineStart = cursor.position;
    if (closingFence.test(cursor.next())) {
      yamlEnd = lineStart;
      break;
    }
  }
  if (yamlEnd === -1) return fail('front matter: no closing "---" line');

  let data: unknown;
  try {
    data = parseYaml(text.slice(yamlStart, yamlEnd));
  } catch (error) {
    const firstLine = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return fail(`front matter: ${firstLine}`);
  }
  const parsed = frontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) return fail(formatIssues(parsed.error).map((issue) => `front matter: ${issue}`).join('\n'));
  return ok({ frontMatter: parsed.data, rest: cursor.rest() });
}
