const dayNumber = (key: string): number => {
  const [year = 1970, month = 1, day = 1] = key.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / 86_400_000;
};

/**
 * The home page's digest from the newest-first days: the newest days until they hold at least `articles`
 * articles, never reaching `spanDays` or more calendar days before the newest day, so three days with one
 * article each, years apart, make a digest of the newest day alone. The newest day is always in it.
 */
export function homeDigestDays<T extends { key: string; count: number }>(days: T[], { articles, spanDays }: { articles: number; spanDays: number }): T[] {
  const newest = days[0];
  if (!newest) return [];
  const digest: T[] = [];
  let held = 0;
  for (const day of days) {
    if (held >= articles || dayNumber(newest.key) - dayNumber(day.key) >= spanDays) break;
    digest.push(day);
    held += day.count;
  }
  return digest;
}
