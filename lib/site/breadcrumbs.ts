import { shortDayLabel, shortMonthLabel, yearLabel } from './date-labels.ts';
import { dayPath, monthPath, yearPath } from './site-paths.ts';

export interface Crumb {
  url: string;
  label: string;
}

/**
 * The path from the home page down to a calendar key (`2020`, `2020-07` or `2020-07-14`), the key's own
 * page last: home › 2020年 › 7月 › 14日.
 */
export function dateCrumbs(key: string, language: string, homeLabel: string): Crumb[] {
  const [year = '', month, day] = key.split('-');
  const crumbs: Crumb[] = [
    { url: '/', label: homeLabel },
    { url: yearPath(year), label: yearLabel(year, language) },
  ];
  if (month) crumbs.push({ url: monthPath(year, month), label: shortMonthLabel(`${year}-${month}`, language) });
  if (month && day) crumbs.push({ url: dayPath(key), label: shortDayLabel(key, language) });
  return crumbs;
}
