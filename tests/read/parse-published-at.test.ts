import { describe, expect, test } from 'vitest';
import { parseDateText, parseTimestamp } from '../../lib/read/parse-published-at.ts';

const now = new Date('2026-01-01T00:00:00Z');
const iso = (result: ReturnType<typeof parseDateText>) => (result.ok ? result.value.toISOString() : result.reason);

describe('parseTimestamp', () => {
  test('13 digits are milliseconds, 10 digits seconds', () => {
    expect(iso(parseTimestamp('1593446049000', now))).toBe('2020-06-29T15:54:09.000Z');
    expect(iso(parseTimestamp(' 1593446049 ', now))).toBe('2020-06-29T15:54:09.000Z');
  });

  test('names a value that is not a number', () => {
    expect(iso(parseTimestamp('NaN', now))).toBe('timestamp "NaN" is not a number');
    expect(iso(parseTimestamp('1.5e12', now))).toBe('timestamp "1.5e12" is not a number');
  });

  test('a negative timestamp is called negative, with the earliest date accepted', () => {
    expect(iso(parseTimestamp('-5', now))).toBe('timestamp -5 is negative: dates before 1990-01-01 are not accepted');
    expect(iso(parseTimestamp('-1593446049000', now))).toBe('timestamp -1593446049000 is negative: dates before 1990-01-01 are not accepted');
  });

  test('a time before 1990 names the date and the limit', () => {
    expect(iso(parseTimestamp('0000000001', now))).toBe('timestamp "0000000001" is 1970-01-01T00:00:01.000Z: dates before 1990-01-01 are not accepted');
    expect(iso(parseTimestamp('631152000', now))).toMatch(/must be 13 digits/);
    expect(iso(parseTimestamp('0631151999', now))).toMatch(/: dates before 1990-01-01 are not accepted$/);
    expect(iso(parseTimestamp('0631152000', now))).toBe('1990-01-01T00:00:00.000Z');
  });

  test('allows a little clock drift but not a date days ahead', () => {
    expect(iso(parseTimestamp(String(now.getTime() + 60 * 60 * 1000), now))).toBe('2026-01-01T01:00:00.000Z');
    expect(iso(parseTimestamp(String(now.getTime() + 36 * 60 * 60 * 1000), now))).toBe('2026-01-02T12:00:00.000Z');
    expect(iso(parseTimestamp(String(now.getTime() + 3 * 24 * 60 * 60 * 1000), now))).toBe(
      'timestamp "1767484800000" is 2026-01-04T00:00:00.000Z: in the future (dates more than 36 hours after now are not accepted)',
    );
  });
});

describe('parseDateText', () => {
  test.each([
    ['Thu, 25 Jun 2020 21:37:05 +0000', '2020-06-25T21:37:05.000Z'],
    ['25 Jun 2020 21:37:05 +0800', '2020-06-25T13:37:05.000Z'],
    ['Thu, 25 Jun 2020 21:37:05 GMT', '2020-06-25T21:37:05.000Z'],
    ['2019-09-16T16:04:02+00:00', '2019-09-16T16:04:02.000Z'],
    ['2019-09-16T16:04:02+0800', '2019-09-16T08:04:02.000Z'],
    ['2020-07-20T02:45:24.000Z', '2020-07-20T02:45:24.000Z'],
    ['2020-07-20 02:45', '2020-07-20T02:45:00.000Z'],
    ['2017-03-01', '2017-03-01T00:00:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(iso(parseDateText(text, now))).toBe(expected);
  });

  test('accepts a Date that YAML already made', () => {
    expect(iso(parseDateText(new Date('2020-01-02T03:04:05Z'), now))).toBe('2020-01-02T03:04:05.000Z');
  });

  test.each(['yesterday', '2020', '12/06/2020', '2020-13-45'])('refuses %s', (text) => {
    expect(iso(parseDateText(text, now))).toMatch(new RegExp(`^date "${text}" is not (an RFC 2822 or ISO 8601|a valid) date$`));
  });

  test('refuses dates before 1990', () => {
    expect(iso(parseDateText('1989-12-31', now))).toBe('date "1989-12-31" is 1989-12-31T00:00:00.000Z: dates before 1990-01-01 are not accepted');
  });

  test('refuses dates in the future, naming the limit', () => {
    expect(iso(parseDateText('2031-05-01', now))).toBe('date "2031-05-01" is 2031-05-01T00:00:00.000Z: in the future (dates more than 36 hours after now are not accepted)');
  });
});
