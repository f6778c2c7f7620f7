import type { TimedRun } from './timed-process.ts';
import type { ServeResult } from './serve-latency.ts';
import type { QueryCost } from './search-query-cost.ts';

export interface SizeResult {
  size: number;
  /** Articles our build and Hugo were given (corpus files our engine rejects are not replicated). */
  articles: number;
  runs: number;
  ours: { cold: TimedRun[]; warm: TimedRun[]; warmAddOne: TimedRun[] };
  hugo: TimedRun[];
  /** HTML pages each site wrote, to check they are comparable. */
  pages: { ours: number; hugo: number };
  /**
   * The stack's own cost with none of our work, seconds per run (see stack-floor.ts): bare rehype over the
   * raw files on every core, and bare Eleventy writing one page per article, a process per core.
   */
  floor?: { rehype: number[]; eleventy: number[] };
  /**
   * With search: our cold build and one new file, and the peer a Hugo user has (Hugo, then stock
   * pagefind_extended over its article pages; `hugoPagefind` is their sum and the larger peak), and at 10k
   * the cost of queries on our site.
   */
  search?: { cold: TimedRun[]; addOne: TimedRun[]; hugoPagefind: TimedRun[]; pagefind: TimedRun[]; queries?: QueryCost[] };
}

export interface BenchResult {
  date: string;
  seed: number;
  machine: { cpus: number; memoryGiB: number; node: string; hugo: string; loadAverage: { start: number; end: number } };
  templates: { used: number; skipped: number; via: string; note: string | undefined };
  sizes: SizeResult[];
  serve: (ServeResult & { size: number }) | undefined;
  notes: string[];
}

export interface Summary {
  size: number;
  oursCold: number;
  hugo: number;
  coldRatio: number;
  oursWarm: number;
  warmRatio: number;
  oursWarmAddOne: number;
  addOneRatio: number;
  /** Highest max RSS over the runs, in MiB. */
  oursPeakMiB: number;
  hugoPeakMiB: number;
  memoryRatio: number;
}

export interface Target {
  name: string;
  measured: string;
  pass: boolean | undefined;
}

export interface SearchSummary {
  size: number;
  oursCold: number;
  oursAddOne: number;
  /** Hugo + Pagefind, seconds; NaN where the peer was not run. */
  peer: number;
  pagefind: number;
  coldRatio: number;
  addOneRatio: number;
  oursPeakMiB: number;
  peerPeakMiB: number;
}

export function summarizeSearch(result: SizeResult): SearchSummary | undefined {
  const search = result.search;
  if (!search) return undefined;
  const peer = search.hugoPagefind.length > 0 ? seconds(search.hugoPagefind) : Number.NaN;
  const oursCold = seconds(search.cold);
  const oursAddOne = seconds(search.addOne);
  return {
    size: result.size,
    oursCold,
    oursAddOne,
    peer,
    pagefind: search.pagefind.length > 0 ? seconds(search.pagefind) : Number.NaN,
    coldRatio: oursCold / peer,
    addOneRatio: oursAddOne / peer,
    oursPeakMiB: peakMiB([...search.cold, ...search.addOne]),
    peerPeakMiB: search.pagefind.length > 0 ? peakMiB(search.pagefind) : Number.NaN,
  };
}

export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const peakMiB = (runs: readonly TimedRun[]): number => Math.max(...runs.map((run) => run.maxRssKiB).filter(Number.isFinite)) / 1024;
const seconds = (runs: readonly TimedRun[]): number => median(runs.map((run) => run.seconds));

export function summarize(result: SizeResult): Summary {
  const hugo = seconds(result.hugo);
  const oursCold = seconds(result.ours.cold);
  const oursWarm = seconds(result.ours.warm);
  const oursWarmAddOne = seconds(result.ours.warmAddOne);
  const oursPeakMiB = peakMiB([...result.ours.cold, ...result.ours.warm, ...result.ours.warmAddOne]);
  const hugoPeakMiB = peakMiB(result.hugo);
  return {
    size: result.size,
    oursCold,
    hugo,
    coldRatio: oursCold / hugo,
    oursWarm,
    warmRatio: oursWarm / hugo,
    oursWarmAddOne,
    addOneRatio: oursWarmAddOne / hugo,
    oursPeakMiB,
    hugoPeakMiB,
    memoryRatio: oursPeakMiB / hugoPeakMiB,
  };
}

/** The issue's targets; a size or the serve run that was not measured gives `undefined` (not measured), never a pass. */
export function targets(result: BenchResult): Target[] {
  const at = (size: number) => {
    const found = result.sizes.find((item) => item.size === size);
    return found ? summarize(found) : undefined;
  };
  const tenK = at(10_000);
  const fiftyK = at(50_000);
  const served = result.serve?.drops.map((drop) => drop.seconds) ?? [];
  const allServed = served.length > 0 && served.every((value) => value !== undefined);
  const serveMedian = median(served.filter((value): value is number => value !== undefined));
  return [
    { name: '10k cold ≤ 1.0× Hugo', measured: tenK ? `${fixed(tenK.coldRatio)}×` : 'not measured', pass: tenK ? tenK.coldRatio <= 1 : undefined },
    { name: '10k warm ≤ 0.5× Hugo', measured: tenK ? `${fixed(tenK.warmRatio)}×` : 'not measured', pass: tenK ? tenK.warmRatio <= 0.5 : undefined },
    {
      name: `serve drop → page ≤ 1 s${result.serve ? ` (${result.serve.size} articles)` : ''}`,
      measured: result.serve === undefined ? 'not measured' : result.serve.failure ?? (allServed ? `${fixed(serveMedian)} s median of ${served.length}` : `${served.filter((value) => value === undefined).length} of ${served.length} drops not served within the limit`),
      pass: result.serve === undefined ? undefined : result.serve.failure === undefined && allServed && serveMedian <= 1,
    },
    {
      name: '10k peak memory below Hugo',
      measured: tenK ? `${Math.round(tenK.oursPeakMiB)} MiB vs ${Math.round(tenK.hugoPeakMiB)} MiB` : 'not measured',
      pass: tenK ? tenK.oursPeakMiB < tenK.hugoPeakMiB : undefined,
    },
    { name: '50k max RSS < 2 GiB', measured: fiftyK ? `${Math.round(fiftyK.oursPeakMiB)} MiB` : 'not measured', pass: fiftyK ? fiftyK.oursPeakMiB < 2048 : undefined },
    ...searchTargets(result),
  ];
}

function searchTargets(result: BenchResult): Target[] {
  const at = (size: number) => {
    const found = result.sizes.find((item) => item.size === size);
    return found ? summarizeSearch(found) : undefined;
  };
  const tenK = at(10_000);
  const fiftyK = at(50_000);
  const queries = result.sizes.find((item) => item.size === 10_000)?.search?.queries ?? [];
  const slowest = Math.max(...queries.map((cost) => cost.ms));
  // The first query also fetches the page's and Pagefind's code, once: it counts too, as do the steps into older articles.
  const heaviest = Math.max(...queries.map((cost) => cost.bytes));
  const ratio = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? 'not measured' : `${fixed(value)}×`);
  return [
    { name: '10k cold with search ≤ 0.5× Hugo + Pagefind', measured: ratio(tenK?.coldRatio), pass: tenK && Number.isFinite(tenK.coldRatio) ? tenK.coldRatio <= 0.5 : undefined },
    { name: '10k +1 file with search ≤ 0.1× Hugo + Pagefind', measured: ratio(tenK?.addOneRatio), pass: tenK && Number.isFinite(tenK.addOneRatio) ? tenK.addOneRatio <= 0.1 : undefined },
    { name: '10k with search peak memory ≤ 2 GiB', measured: tenK ? `${Math.round(tenK.oursPeakMiB)} MiB` : 'not measured', pass: tenK ? tenK.oursPeakMiB <= 2048 : undefined },
    { name: '50k with search peak memory ≤ 2 GiB', measured: fiftyK ? `${Math.round(fiftyK.oursPeakMiB)} MiB` : 'not measured', pass: fiftyK ? fiftyK.oursPeakMiB <= 2048 : undefined },
    {
      name: '10k query shows results ≤ 300 ms',
      measured: queries.length > 0 ? `slowest ${slowest} ms of ${queries.length}` : 'not measured',
      pass: queries.length > 0 ? slowest <= 300 : undefined,
    },
    {
      name: '10k query transfers ≤ 300 KB',
      measured: queries.length > 1 ? `heaviest ${Math.round(heaviest / 1024)} KB of ${queries.length} (first, with the code: ${Math.round((queries[0]?.bytes ?? 0) / 1024)} KB)` : 'not measured',
      pass: queries.length > 1 ? heaviest <= 300 * 1024 : undefined,
    },
  ];
}

const fixed = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The printed report: a Markdown table per measure, so it pastes into the README as is. */
export function formatReport(result: BenchResult): string {
  const summaries = result.sizes.map(summarize);
  const floors = result.sizes.flatMap((size, index) => {
    if (!size.floor) return [];
    const summary = summaries[index] as Summary;
    const rehype = median(size.floor.rehype);
    const eleventy = median(size.floor.eleventy);
    return [[String(size.articles), fixed(rehype), fixed(eleventy), fixed(rehype + eleventy), fixed(summary.hugo), `${fixed((rehype + eleventy) / summary.hugo)}×`, `${fixed(summary.coldRatio)}×`]];
  });
  const floor =
    floors.length > 0
      ? table(['articles', 'bare rehype s', 'bare Eleventy s', 'stack floor s', 'Hugo s', 'floor/Hugo', 'ours cold/Hugo'], floors)
      : '';
  const builds = table(
    ['articles', 'runs', 'ours cold s', 'Hugo s', 'cold/Hugo', 'ours warm s', 'warm/Hugo', 'warm +1 file s', '+1/Hugo', 'ours peak MiB', 'Hugo peak MiB', 'mem ours/Hugo', 'pages ours/Hugo'],
    summaries.map((summary, index) => {
      const size = result.sizes[index] as SizeResult;
      return [
        String(size.articles),
        String(size.runs),
        fixed(summary.oursCold),
        fixed(summary.hugo),
        `${fixed(summary.coldRatio)}×`,
        fixed(summary.oursWarm),
        `${fixed(summary.warmRatio)}×`,
        fixed(summary.oursWarmAddOne),
        `${fixed(summary.addOneRatio)}×`,
        String(Math.round(summary.oursPeakMiB)),
        String(Math.round(summary.hugoPeakMiB)),
        `${fixed(summary.memoryRatio)}×`,
        `${size.pages.ours}/${size.pages.hugo}`,
      ];
    }),
  );
  const searchRows = result.sizes.flatMap((size) => {
    const summary = summarizeSearch(size);
    if (!summary) return [];
    return [[String(size.articles), fixed(summary.oursCold), fixed(summary.peer), fixed(summary.pagefind), `${fixed(summary.coldRatio)}×`, fixed(summary.oursAddOne), `${fixed(summary.addOneRatio)}×`, String(Math.round(summary.oursPeakMiB)), fixed(summary.peerPeakMiB, 0)]];
  });
  const search =
    searchRows.length > 0
      ? table(['articles', 'ours+search cold s', 'Hugo+Pagefind s', 'of it Pagefind s', 'cold/peer', 'ours+search +1 s', '+1/peer', 'ours+search peak MiB', 'Pagefind peak MiB'], searchRows)
      : '';
  const queries = result.sizes.flatMap((size) => (size.search?.queries ?? []).map((cost) => [String(size.articles), cost.query, String(cost.ms), cost.snippetsMs === undefined ? '–' : String(cost.snippetsMs), String(Math.round(cost.bytes / 1024)), cost.first ? 'first (with the code)' : cost.older ? 'older articles' : '', cost.results]));
  const queryTable = queries.length > 0 ? table(['articles', 'query', 'ms', 'snippets ms', 'KB', '', 'results'], queries) : '';
  const serve = result.serve
    ? table(
        ['serve (articles)', 'start s', ...result.serve.drops.map((_, index) => `drop ${index + 1} s`)],
        [[String(result.serve.size), fixed(result.serve.startSeconds ?? Number.NaN), ...result.serve.drops.map((drop) => (drop.seconds === undefined ? 'failed' : fixed(drop.seconds, 3)))]],
      )
    : 'serve: not measured';
  const goals = table(
    ['target', 'measured', ''],
    targets(result).map((target) => [target.name, target.measured, target.pass === undefined ? '–' : target.pass ? 'PASS' : 'FAIL']),
  );
  const notes = result.notes.map((note) => `- ${note}`).join('\n');
  return [builds, floor, search, queryTable, serve, goals, notes].filter(Boolean).join('\n\n');
}
