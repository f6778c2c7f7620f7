// Names sources give themselves in title suffixes, besides their host's name (rfi, iyouport) and the display name.
const siteNames: readonly string[] = ['法国国际广播电台', '德国之声', '美国之音', '自由亚洲电台', 'BBC News 中文', 'BBC 中文网', '纽约时报中文网', 'FT中文网', '联合早报', '端传媒'];

const fold = (text: string): string => text.normalize('NFKC').replace(/[\s\p{P}]+/gu, '').toLowerCase();

/** A spaced dash or bar, or a full-width bar: where sources append their name. */
const lastSeparator = /\s+[-–—|]\s+|\s*｜\s*/gu;

/**
 * The title without the site names its source appends (`… – 法国国际广播电台 - RFI`, `… - iYouPort`): the
 * page shows the source beside the title already. A title that is only a site name is kept as it is.
 */
export function titleWithoutSiteName(title: string, host: string, source: string): string {
  const bare = host.replace(/^www\./, '');
  const names = new Set([source, bare, bare.split('.').at(-2) ?? bare, ...siteNames].map(fold).filter(Boolean));
  let rest = title;
  for (;;) {
    const separators = [...rest.matchAll(lastSeparator)];
    const last = separators.at(-1);
    if (!last || last.index === 0) return rest;
    if (!names.has(fold(rest.slice(last.index + last[0].length)))) return rest;
    rest = rest.slice(0, last.index).trimEnd();
  }
}
