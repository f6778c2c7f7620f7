import { decodeHTMLStrict } from 'entities';
import { fail, ok, type Result } from '../result.ts';

/**
 * Entities decoded, whitespace runs (newlines included) collapsed to one space.
 * A lone ideographic space is kept: CJK titles use it as a deliberate separator.
 */
export function cleanHeaderText(raw: string): string {
  return decodeHTMLStrict(raw)
    .replace(/\s+/g, (run) => (run === '\u3000' ? run : ' '))
    .trim();
}

export function decodeTitle(raw: string): Result<string> {
  const title = cleanHeaderText(raw);
  return title === '' ? fail('title: must not be empty') : ok(title);
}
