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
