import { fail, ok, type Result } from '../result.ts';

const earliest = new Date('1990-01-01T00:00:00Z');
/** Bots stamp files in their own time zone and clocks drift: allow a little past "now". */
const futureSlackHours = 36;
const futureSlackMs = futureSlackHours * 60 * 60 * 1000;

const isoDate = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const rfc2822Date =
  /^(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{4}|UT|UTC|GMT|[ECMP][SD]T|Z))?$/;

/** The `<!--…-->` header value: 13 digits are epoch milliseconds, 10 digits epoch seconds. */
export function parseTimestamp(raw: string, now: Date = new Date()): Result<Date> {
  const value = raw.trim();
  if (/^-\d+$/.test(value)) return fail(`timestamp ${value} is negative: ${tooEarly}`);
  if (!/^\d+$/.test(value)) return fail(`timestamp "${value}" is not a number`);
  if (value.length !== 13 && value.length !== 10) {
    return fail(`timestamp "${value}" must be 13 digits (milliseconds) or 10 digits (seconds)`);
  }
  const ms = value.length === 13 ? Number(value) : Number(value) * 1000;
  return checkPlausible(new Date(ms), `timestamp "${value}"`, now);
}

/** A `日期：` line or a front matter date: RFC 2822 or ISO 8601 text, or a Date YAML already made. */
export function parseDateText(raw: string | Date, now: Date = new Date()): Result<Date> {
  if (raw instanceof Date) return checkPlausible(raw, `date ${String(raw)}`, now);
  const value = raw.trim();
  const label = `date "${value}"`;
  const iso = isoDate.exec(value);
  let ms = Number.NaN;
  if (iso) {
    // ISO date-times without an offset would be read in the machine's zone: read them as UTC.
    const hasTime = value.length > 10;
    ms = Date.parse(hasTime && iso[1] === undefined ? `${value.replace(' ', 'T')}Z` : value.replace(' ', 'T'));
  } else if (rfc2822Date.test(value)) {
    ms = Date.parse(value);
  } else {
    return fail(`${label} is not an RFC 2822 or ISO 8601 date`);
  }
  return checkPlausible(new Date(ms), label, now);
}

const tooEarly = `dates before ${earliest.toISOString().slice(0, 10)} are not accepted`;

function checkPlausible(date: Date, label: string, now: Date): Result<Date> {
  if (Number.isNaN(date.getTime())) return fail(`${label} is not a valid date`);
  if (date < earliest) return fail(`${label} is ${date.toISOString()}: ${tooEarly}`);
  if (date.getTime() > now.getTime() + futureSlackMs) {
    return fail(`${label} is ${date.toISOString()}: in the future (dates more than ${futureSlackHours} hours after now are not accepted)`);
  }
  return ok(date);
}
