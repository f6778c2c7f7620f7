import type { TimedRun } from './timed-process.ts';
import type { ServeResult } from './serve-latency.ts';
import type { QueryCost } from './search-query-cost.ts';
import { outputKinds, type OutputSizes } from '../lib/render/output-size.ts';

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
  /**
   * What the last plain and searchable outputs hold, kind by kind (`outputSizesByKind`, bytes as `outputBytes`
   * counts them), walked before they are deleted. Absent from result files written before issue #14.
   */
  outputSizes?: { plain: OutputSizes; search?: OutputSizes };
}

/** `digest serve` on one size's archive, with the warm cache of its plain builds. */
export type ServeRun = ServeResult & { size: number };

export interface BenchResult {
  date: string;
  seed: number;
  machine: { cpus: number; memoryGiB: number; node: string; hugo: string; loadAverage: { start: number; end: number } };
  templates: { used: number; skipped: number; via: string; note: string | undefined };
  sizes: SizeResult[];
  /** At 10,000 and at 100,000 articles when those sizes ran, else at the largest size. */
  serve: ServeRun[];
  notes: string[];
}

/** A result file as written: before issue #14, `serve` held one run or none. */
export type StoredBenchResult = Omit<BenchResult, 'serve'> & { serve?: ServeRun | ServeRun[] | null };

export function upgradeBenchResult(stored: StoredBenchResult): BenchResult {
  const serve = Array.isArray(stored.serve) ? stored.serve : stored.serve ? [stored.serve] : [];
  return { ...stored, serve };
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
  /** Every cold build with search exited 0 (a failed one is kept in the result, and no +1 with search follows it). */
  finished: boolean;
  /** Median of the cold builds with search that finished; NaN when none did. */
  oursCold: number;
  oursAddOne: number;
  /** Hugo + Pagefind, seconds; NaN where the peer was not run. */
  peer: number;
  pagefind: number;
  coldRatio: number;
  addOneRatio: number;
  /** Peak of the cold builds with search alone, failed ones included, MiB. */
  oursColdPeakMiB: number;
  oursPeakMiB: number;
  peerPeakMiB: number;
}

export function summarizeSearch(result: SizeResult): SearchSummary | undefined {
  const search = result.search;
  if (!search) return undefined;
  const peer = search.hugoPagefind.length > 0 ? seconds(search.hugoPagefind) : Number.NaN;
  const finished = search.cold.length > 0 && search.cold.every((run) => run.code === 0);
  const oursCold = seconds(search.cold.filter((run) => run.code === 0));
  const oursAddOne = seconds(search.addOne);
  return {
    size: result.size,
    finished,
    oursCold,
    oursAddOne,
    peer,
    pagefind: search.pagefind.length > 0 ? seconds(search.pagefind) : Number.NaN,
    coldRatio: oursCold / peer,
    addOneRatio: oursAddOne / peer,
    oursColdPeakMiB: peakMiB(search.cold),
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

const ratio = (value: number | undefined): string => (value === undefined || !Number.isFinite(value) ? 'not measured' : `${fixed(value)}×`);

/** A build with search that did not finish fails its memory target whatever its peak was. */
function searchMemoryTarget(name: string, search: SearchSummary | undefined): Target {
  if (!search) return { name, measured: 'not measured', pass: undefined };
  const peak = `${Math.round(search.oursPeakMiB)} MiB`;
  return { name, measured: search.finished ? peak : `${peak}, did not finish`, pass: search.finished && search.oursPeakMiB <= 2048 };
}

const sizeName = (size: number): string => (size % 1000 === 0 ? `${size / 1000}k` : String(size));

/**
 * The targets of issue #14 (10k and 100k, site size) and of the issues before it (10k memory, 50k memory, search):
 * a size or a serve run that was not measured gives `undefined` (not measured), never a pass.
 */
export function targets(result: BenchResult): Target[] {
  const sizeAt = (size: number) => result.sizes.find((item) => item.size === size);
  const at = (size: number) => {
    const found = sizeAt(size);
    return found ? summarize(found) : undefined;
  };
  const tenK = at(10_000);
  const fiftyK = at(50_000);
  const ratioTarget = (name: string, value: number | undefined, limit: number): Target => ({
    name,
    measured: ratio(value),
    pass: value !== undefined && Number.isFinite(value) ? value <= limit : undefined,
  });
  const servedAt = (size: number) => result.serve.find((run) => run.size === size);
  const otherServes = result.serve.filter((run) => run.size !== 10_000 && run.size !== 100_000);
  return [
    ratioTarget('10k cold ≤ 1.2× Hugo', tenK?.coldRatio, 1.2),
    ratioTarget('10k warm ≤ 0.5× Hugo', tenK?.warmRatio, 0.5),
    ratioTarget('10k +1 file ≤ 0.4× Hugo', tenK?.addOneRatio, 0.4),
    serveTarget('10k serve drop → page ≤ 1 s', servedAt(10_000)),
    {
      name: '10k peak memory below Hugo',
      measured: tenK ? `${Math.round(tenK.oursPeakMiB)} MiB vs ${Math.round(tenK.hugoPeakMiB)} MiB` : 'not measured',
      pass: tenK ? tenK.oursPeakMiB < tenK.hugoPeakMiB : undefined,
    },
    { name: '50k max RSS < 2 GiB', measured: fiftyK ? `${Math.round(fiftyK.oursPeakMiB)} MiB` : 'not measured', pass: fiftyK ? fiftyK.oursPeakMiB < 2048 : undefined },
    ...hundredKTargets(sizeAt(100_000)),
    serveTarget('100k serve drop → page ≤ 1 s', servedAt(100_000)),
    siteSizeTarget(sizeAt(100_000)),
    ...otherServes.map((run) => serveTarget(`${sizeName(run.size)} serve drop → page ≤ 1 s`, run)),
    ...searchTargets(result),
  ];
}

function serveTarget(name: string, serve: ServeRun | undefined): Target {
  if (serve === undefined) return { name, measured: 'not measured', pass: undefined };
  const served = serve.drops.map((drop) => drop.seconds);
  const allServed = served.length > 0 && served.every((value) => value !== undefined);
  const serveMedian = median(served.filter((value): value is number => value !== undefined));
  return {
    name,
    measured: serve.failure ?? (allServed ? `${fixed(serveMedian)} s median of ${served.length}` : `${served.filter((value) => value === undefined).length} of ${served.length} drops not served within the limit`),
    pass: serve.failure === undefined && allServed && serveMedian <= 1,
  };
}

/** The cold build with search at 100k: it finishes, within 2 GiB, in at most 1.2× plain Hugo; then +1 with search. */
function hundredKTargets(size: SizeResult | undefined): Target[] {
  const names = {
    finishes: '100k cold with search finishes (exit 0)',
    memory: '100k cold with search peak memory ≤ 2 GiB',
    time: '100k cold with search ≤ 1.2× Hugo (Hugo without search)',
    addOne: '100k +1 file with search (the default) < 10 s',
  };
  const search = size ? summarizeSearch(size) : undefined;
  if (!size || !search) return Object.values(names).map((name) => ({ name, measured: 'not measured', pass: undefined }));
  const plain = summarize(size);
  const failedCodes = size.search?.cold.filter((run) => run.code !== 0).map((run) => String(run.code)) ?? [];
  const notFinished = failedCodes.length > 0 ? `did not finish (exit ${failedCodes.join(', ')})` : 'not measured';
  const coldRatio = search.oursCold / plain.hugo;
  const peak = `${Math.round(search.oursColdPeakMiB)} MiB`;
  const addOne = size.search?.addOne.length ? search.oursAddOne : Number.NaN;
  return [
    { name: names.finishes, measured: search.finished ? `exit 0 in ${size.search?.cold.length} of ${size.search?.cold.length}` : notFinished, pass: search.finished },
    { name: names.memory, measured: search.finished ? peak : `${peak}, ${notFinished}`, pass: search.finished && search.oursColdPeakMiB <= 2048 },
    {
      name: names.time,
      measured: search.finished ? `${fixed(coldRatio)}× (${fixed(search.oursCold)} s vs ${fixed(plain.hugo)} s)` : notFinished,
      pass: search.finished ? coldRatio <= 1.2 : false,
    },
    {
      name: names.addOne,
      measured: Number.isFinite(addOne) ? `${fixed(addOne)} s (plain: ${fixed(plain.oursWarmAddOne)} s)` : search.finished ? 'not measured' : notFinished,
      pass: Number.isFinite(addOne) ? addOne < 10 : search.finished ? undefined : false,
    },
  ];
}

/** GitHub Pages publishes at most 1 GB, counted in files' bytes (decimal). */
const pagesLimitBytes = 1_000_000_000;
const totalBytes = (sizes: OutputSizes): number => outputKinds.reduce((sum, kind) => sum + sizes[kind].bytes, 0);
const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

function siteSizeTarget(size: SizeResult | undefined): Target {
  const name = '100k site with search ≤ 1 GB';
  const withSearch = size?.outputSizes?.search;
  if (!withSearch) return { name, measured: 'not measured', pass: undefined };
  const bytes = totalBytes(withSearch);
  const plain = size.outputSizes?.plain;
  return {
    name,
    measured: `${megabytes(bytes)} (search index ${megabytes(withSearch['search index'].bytes)}${plain ? `; plain site ${megabytes(totalBytes(plain))}` : ''})`,
    pass: bytes <= pagesLimitBytes,
  };
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
  return [
    { name: '10k cold with search ≤ 0.5× Hugo + Pagefind', measured: ratio(tenK?.coldRatio), pass: tenK && Number.isFinite(tenK.coldRatio) ? tenK.coldRatio <= 0.5 : undefined },
    { name: '10k +1 file with search ≤ 0.1× Hugo + Pagefind', measured: ratio(tenK?.addOneRatio), pass: tenK && Number.isFinite(tenK.addOneRatio) ? tenK.addOneRatio <= 0.1 : undefined },
    searchMemoryTarget('10k with search peak memory ≤ 2 GiB', tenK),
    searchMemoryTarget('50k with search peak memory ≤ 2 GiB', fiftyK),
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

/** Peak memory of every size side by side: the plain builds, the builds with search, and the peers. */
function memoryTable(result: BenchResult): string {
  const peak = (runs: readonly TimedRun[] | undefined) => (runs && runs.length > 0 ? String(Math.round(peakMiB(runs))) : '–');
  return table(
    ['articles', 'ours peak MiB', 'ours+search cold peak MiB', 'ours+search +1 peak MiB', 'Hugo peak MiB', 'Pagefind peak MiB'],
    result.sizes.map((size) => [
      String(size.articles),
      peak([...size.ours.cold, ...size.ours.warm, ...size.ours.warmAddOne]),
      peak(size.search?.cold),
      peak(size.search?.addOne),
      peak(size.hugo),
      peak(size.search?.pagefind),
    ]),
  );
}

/** Where each kept site's room goes, kind by kind, at each size: empty when no size recorded its outputs. */
function siteSizeTable(result: BenchResult): string {
  const rows = result.sizes.flatMap((size) => {
    const sites = [
      ['plain', size.outputSizes?.plain],
      ['with search', size.outputSizes?.search],
    ] as const;
    return sites.flatMap(([site, sizes]) => {
      if (!sizes) return [];
      const kinds = outputKinds.filter((kind) => sizes[kind].files > 0).map((kind) => ({ kind: kind as string, ...sizes[kind] }));
      const total = kinds.reduce((sum, kind) => ({ kind: 'total', bytes: sum.bytes + kind.bytes, files: sum.files + kind.files }), { kind: 'total', bytes: 0, files: 0 });
      return [...kinds, total].map((kind) => [String(size.articles), site, kind.kind, String(kind.files), (kind.bytes / 1_000_000).toFixed(1), kind.files > 0 ? String(Math.round(kind.bytes / kind.files)) : '–']);
    });
  });
  return rows.length > 0 ? table(['articles', 'site', 'kind', 'files', 'MB', 'bytes per file'], rows) : '';
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
  const dropCount = Math.max(0, ...result.serve.map((run) => run.drops.length));
  const serve =
    result.serve.length > 0
      ? table(
          ['serve (articles)', 'start s', ...Array.from({ length: dropCount }, (_, index) => `drop ${index + 1} s`)],
          result.serve.map((run) => [
            String(run.size),
            fixed(run.startSeconds ?? Number.NaN),
            ...Array.from({ length: dropCount }, (_, index) => {
              const drop = run.drops[index];
              return drop === undefined ? '–' : drop.seconds === undefined ? 'failed' : fixed(drop.seconds, 3);
            }),
          ]),
        )
      : 'serve: not measured';
  const goals = table(
    ['target', 'measured', ''],
    targets(result).map((target) => [target.name, target.measured, target.pass === undefined ? '–' : target.pass ? 'PASS' : 'FAIL']),
  );
  const notes = result.notes.map((note) => `- ${note}`).join('\n');
  return [builds, floor, search, memoryTable(result), siteSizeTable(result), queryTable, serve, goals, notes].filter(Boolean).join('\n\n');
}
