/**
 * For each day key (`YYYY-MM-DD`), the days of the same month and day in the other years the archive
 * has, oldest year first: `2020-07-14` → `2019-07-14`, `2021-07-14`.
 */
export function sameDayOtherYears<T extends { key: string }>(days: T[]): Map<string, T[]> {
  const byMonthDay = new Map<string, T[]>();
  for (const day of days) {
    const monthDay = day.key.slice(5);
    const group = byMonthDay.get(monthDay);
    if (group) group.push(day);
    else byMonthDay.set(monthDay, [day]);
  }
  const others = new Map<string, T[]>();
  for (const group of byMonthDay.values()) {
    const byYear = [...group].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const day of group) others.set(day.key, byYear.filter((other) => other !== day));
  }
  return others;
}
