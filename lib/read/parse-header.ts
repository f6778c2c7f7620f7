import { fail, ok, type Result } from '../result.ts';
import { LineCursor } from './line-cursor.ts';

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
  const cursor = new LineCursor(text).skipBlank();
  const first = cursor.next();
  if (first.startsWith('[')) return true;
  return commentLine.test(first.trim()) && cursor.skipBlank().peek().startsWith('[');
}

/**
 * `<!--time-->` (optional), `[title](url)`, a line of dashes, an optional `日期：` line, then the body.
 * Blank lines between the parts are tolerated.
 */
export function parseHeader(text: string): Result<RawHeader> {
  const cursor = new LineCursor(text).skipBlank();

  const comment = commentLine.exec(cursor.peek().trim());
  if (comment) cursor.next();
  const timestamp = comment?.[1]?.trim();

  if (!cursor.skipBlank().peek().startsWith('[')) return fail(noHeader);
  const linkLines: string[] = [];
  let sawDashes = false;
  while (!cursor.atEnd && linkLines.length < maxLinkLines) {
    const line = cursor.next();
    if (linkLines.length > 0 && dashLine.test(line.trim())) {
      sawDashes = true;
      break;
    }
    linkLines.push(line);
  }

  const match = markdownLink.exec((sawDashes ? linkLines : linkLines.slice(0, 1)).join('\n').trim());
  if (!match) return fail(sawDashes ? 'no header: expected "[title](url)" before the line of dashes' : noHeader);
  if (!sawDashes) return fail('no header: expected a line of dashes after "[title](url)"');

  const date = dateLine.exec(cursor.skipBlank().peek().trim());
  if (date) cursor.next();

  return ok({
    timestamp,
    title: match[1] ?? '',
    url: match[2] ?? '',
    dateText: date?.[1]?.trim(),
    body: cursor.skipBlank().rest().trimEnd(),
  });
}
