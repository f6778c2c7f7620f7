import { expect, test } from 'vitest';
import { dayLabel, zoneLabel } from '../../lib/site/date-labels.ts';
import { zonedDate } from '../../lib/site/zoned-date.ts';

const offsetIn = (timeZone: string) => zonedDate(new Date('2020-07-04T12:00:00Z'), timeZone).offset;

test('a Chinese site names Beijing time; other zones and languages show the offset', () => {
  expect(zoneLabel('Asia/Shanghai', offsetIn('Asia/Shanghai'), 'zh')).toBe('北京时间');
  expect(zoneLabel('Asia/Shanghai', offsetIn('Asia/Shanghai'), 'en')).toBe('UTC+8');
  expect(zoneLabel('Asia/Kolkata', offsetIn('Asia/Kolkata'), 'zh')).toBe('UTC+5:30');
  expect(zoneLabel('America/New_York', offsetIn('America/New_York'), 'en')).toBe('UTC-4');
  expect(zoneLabel('UTC', offsetIn('UTC'), 'zh')).toBe('UTC');
});

test('day labels are the whole date, kept for one line by the stylesheet', () => {
  expect(dayLabel('2020-07-04', 'zh')).toBe('2020年7月4日周六');
  expect(dayLabel('2020-07-04', 'en')).toBe('Sat, July 4, 2020');
});
