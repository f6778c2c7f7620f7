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
