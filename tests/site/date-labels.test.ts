import { expect, test } from 'vitest';
import { dayLabel, dayRangeLabel, shortDayLabel, shortMonthLabel, zoneLabel } from '../../lib/site/date-labels.ts';
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

test('a date range names each part once: the pager labels of older pages', () => {
  expect(dayRangeLabel('2020-06-01', '2020-06-14', 'zh')).toBe('2020年6月1日至14日');
  expect(dayRangeLabel('2020-06-28', '2020-07-02', 'zh')).toBe('2020年6月28日至7月2日');
  expect(dayRangeLabel('2019-12-30', '2020-01-02', 'zh')).toBe('2019年12月30日至2020年1月2日');
  expect(dayRangeLabel('2020-06-01', '2020-06-01', 'zh')).toBe('2020年6月1日');
  expect(dayRangeLabel('2020-06-01', '2020-06-14', 'en')).toBe('June 1\u2009–\u200914, 2020');
  expect(dayRangeLabel('2020-06-01', '2020-06-01', 'en')).toBe('June 1, 2020');
});

test('breadcrumbs say a month and a day under their year and month', () => {
  expect(shortMonthLabel('2020-07', 'zh')).toBe('7月');
  expect(shortMonthLabel('2020-07', 'en')).toBe('July');
  expect(shortDayLabel('2020-07-04', 'zh')).toBe('4日');
  expect(shortDayLabel('2020-07-04', 'en')).toBe('4');
});
