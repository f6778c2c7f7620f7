// Labels for calendar keys; keyed by language so one formatter serves the whole archive.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, kind: 'day' | 'month'): Intl.DateTimeFormat {
  const key = `${language}|${kind}`;
  let found = cache.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }
        : { timeZone: 'UTC', year: 'numeric', month: 'long' };
    found = new Intl.DateTimeFormat(language, options);
    cache.set(key, found);
  }
  return found;
}

const utc = (year: string, month = '01', day = '01'): Date => new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));

/** `2020-06-01` → `2020年6月1日周一` / `Mon, June 1, 2020`. */
export function dayLabel(key: string, language: string): string {
  const [year = '1970', month, day] = key.split('-');
  return formatter(language, 'day').format(utc(year, month, day));
}

/** `2020-06` → `2020年6月` / `June 2020`. */
export function monthLabel(key: string, language: string): string {
  const [year = '1970', month] = key.split('-');
  return formatter(language, 'month').format(utc(year, month));
}

export const yearLabel = (year: string, language: string): string => (language.startsWith('zh') ? `${year}年` : year);

const rangeFormats = new Map<string, Intl.DateTimeFormat>();

/** The days a list of articles spans, oldest first: `2020年6月1日至14日` / `June 1 – 14, 2020`; one day alone when they agree. */
export function dayRangeLabel(oldestKey: string, newestKey: string, language: string): string {
  const [fromYear = '1970', fromMonth = '01', fromDay = '01'] = oldestKey.split('-');
  const [toYear = '1970', toMonth = '01', toDay = '01'] = newestKey.split('-');
  if (language.startsWith('zh')) {
    // ICU's Chinese range pattern is numeric (2020/6/1 – 2020/6/14); the calendar pages say 年月日.
    const from = `${fromYear}年${Number(fromMonth)}月${Number(fromDay)}日`;
    if (oldestKey === newestKey) return from;
    if (fromYear !== toYear) return `${from}至${toYear}年${Number(toMonth)}月${Number(toDay)}日`;
    return `${from}至${fromMonth === toMonth ? '' : `${Number(toMonth)}月`}${Number(toDay)}日`;
  }
  let format = rangeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
    rangeFormats.set(language, format);
  }
  return format.formatRange(utc(fromYear, fromMonth, fromDay), utc(toYear, toMonth, toDay));
}

/** A month under its year, as a breadcrumb shows it: `2020-07` → `7月` / `July`. */
export function shortMonthLabel(key: string, language: string): string {
  const [, month = '01'] = key.split('-');
  if (language.startsWith('zh')) return `${Number(month)}月`;
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', month: 'long' }).format(utc('2000', month));
}

/** A day under its month, as a breadcrumb shows it: `2020-07-14` → `14日` / `14`. */
export const shortDayLabel = (key: string, language: string): string => {
  const day = String(Number(key.split('-')[2] ?? '1'));
  return language.startsWith('zh') ? `${day}日` : day;
};

// Zones a Chinese reader knows by name; every other zone is shown by its offset.
const zoneNames: Record<string, Record<string, string>> = {
  zh: { 'Asia/Shanghai': '北京时间', 'Asia/Chongqing': '北京时间', 'Asia/Harbin': '北京时间', PRC: '北京时间', 'Asia/Taipei': '台北时间', 'Asia/Hong_Kong': '香港时间' },
  en: {},
};

/** What a time is in: `北京时间` where the zone has a name in the language, else its offset, `UTC+8`, `UTC-5:30`, `UTC`. */
export function zoneLabel(timeZone: string, offset: string, language: string): string {
  const named = zoneNames[language.toLowerCase().startsWith('zh') ? 'zh' : 'en']![timeZone];
  if (named) return named;
  const [, sign = '+', hours = '00', minutes = '00'] = /^([+-])(\d\d):(\d\d)$/.exec(offset) ?? [];
  if (hours === '00' && minutes === '00') return 'UTC';
  return `UTC${sign}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`;
}
