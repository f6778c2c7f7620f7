import { fail, ok, type Result } from '../result.ts';

/** The header exactly as written: nothing decoded or validated yet. */
export type RawHeader = {
  /** Inside `<!--…-->` on the first line, when there is one. */
  timestamp: string | undefined;
  title: string;
  url: string;
  /** After `日期：` on the line below the dashes, when there is one. */
  dateText: string | undefined;
  body: string;
};

const noHeader = 'no header: expected "[title](url)" followed by a line of dashes';
const commentLine = /^<!--(.*)-->$/;
const dashLine = /^-{3,}$/;
const dateLine = /^日期[：:]\s*(.*)$/;
/** The title may hold brackets and newlines; the URL is whatever follows the last `](`. */
const markdownLink = /^\[([\s\S]*)\]\(([^\n]*)\)$/;
/** A title broken over lines still closes within a few lines of its start. */
const maxLinkLines = 10;

/** Whether the text opens with a header (`<!--…-->` line or `[`), as opposed to a bare HTML body. */
export function startsWithHeader(text: string): boolean {
  const [first, second] = text.trimStart().split('\n');
  return first !== undefined && (first.startsWith('[') || (commentLine.test(first.trim()) && (second ?? '').startsWith('[')));
}

/**
 * `<!--time-->` (optional), `[title](url)`, a line of dashes, an optional `日期：` line, then the body.
 * Blank lines between the parts are tolerated.
 */
export function parseHeader(text: string): Result<RawHeader> {
  const lines = text.split('\n');
  let index = skipBlank(lines, 0);

  const comment = commentLine.exec((lines[index] ?? '').trim());
  const timestamp = comment?.[1]?.trim();
  if (comment) index = skipBlank(lines, index + 1);

  if (!(lines[index] ?? '').startsWith('[')) return fail(noHeader);
  const dashIndex = lines.findIndex((line, at) => at > index && at <= index + maxLinkLines && dashLine.test(line.trim()));
  const link = lines
    .slice(index, dashIndex === -1 ? index + 1 : dashIndex)
    .join('\n')
    .trim();
  const match = markdownLink.exec(link);
  if (!match) return fail(dashIndex === -1 ? noHeader : 'no header: expected "[title](url)" before the line of dashes');
  if (dashIndex === -1) return fail('no header: expected a line of dashes after "[title](url)"');

  index = skipBlank(lines, dashIndex + 1);
  const date = dateLine.exec((lines[index] ?? '').trim());
  if (date) index = skipBlank(lines, index + 1);

  return ok({
    timestamp,
    title: match[1] ?? '',
    url: match[2] ?? '',
    dateText: date?.[1]?.trim(),
    body: lines.slice(index).join('\n').trimEnd(),
  });
}

function skipBlank(lines: string[], from: number): number {
  let index = from;
  while (index < lines.length && (lines[index] ?? '').trim() === '') index += 1;
  return index;
}
