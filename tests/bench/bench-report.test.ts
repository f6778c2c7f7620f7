import { describe, expect, test } from 'vitest';
import { formatReport, targets, upgradeBenchResult, type BenchResult, type ServeRun, type SizeResult, type StoredBenchResult, type Target } from '../../bench/bench-report.ts';
import type { TimedRun } from '../../bench/timed-process.ts';
import { outputKinds, type OutputSizes } from '../../lib/render/output-size.ts';

const run = (seconds: number, peakMiB: number, code: number | null = 0): TimedRun => ({ seconds, maxRssKiB: peakMiB * 1024, code, stderrTail: '' });

function sizes(bytesByKind: Partial<Record<keyof OutputSizes, [files: number, bytes: number]>>): OutputSizes {
  const all = Object.fromEntries(outputKinds.map((kind) => [kind, { files: 0, bytes: 0 }])) as OutputSizes;
  for (const [kind, [files, bytes]] of Object.entries(bytesByKind) as [keyof OutputSizes, [number, number]][]) all[kind] = { files, bytes };
  return all;
}

/** A size's runs: Hugo takes `hugo` seconds; ours the given seconds; peaks in MiB. */
function sizeResult(size: number, times: { hugo: number; cold: number; warm: number; addOne: number; searchCold?: TimedRun[]; searchAddOne?: number }, outputSizes?: SizeResult['outputSizes']): SizeResult {
  return {
    size,
    articles: size,
    runs: 1,
    ours: { cold: [run(times.cold, 900)], warm: [run(times.warm, 700)], warmAddOne: [run(times.addOne, 800)] },
    hugo: [run(times.hugo, 1300)],
    pages: { ours: size + 1000, hugo: size + 1100 },
    ...(times.searchCold
      ? { search: { cold: times.searchCold, addOne: times.searchAddOne === undefined ? [] : [run(times.searchAddOne, 1500)], hugoPagefind: [], pagefind: [] } }
      : {}),
    ...(outputSizes ? { outputSizes } : {}),
  };
}

const serve = (size: number, drops: (number | undefined)[]): ServeRun => ({ size, startSeconds: 20, drops: drops.map((seconds, index) => ({ path: `/2016/02/1${index}/a/`, seconds })), failure: undefined });

function bench(sizeResults: SizeResult[], serveRuns: ServeRun[]): BenchResult {
  return {
    date: '2026-12-02T06:00:00.000Z',
    seed: 20200601,
    machine: { cpus: 2, memoryGiB: 23, node: 'v20.19.0', hugo: 'hugo v0.111.3', loadAverage: { start: 1, end: 2 } },
    templates: { used: 60, skipped: 1, via: 'digest parse --json', note: undefined },
    sizes: sizeResults,
    serve: serveRuns,
    notes: [],
  };
}

const byName = (list: Target[], name: string): Target => {
  const found = list.find((target) => target.name === name);
  if (!found) throw new Error(`no target "${name}" in ${list.map((target) => target.name).join(' | ')}`);
  return found;
};
const verdict = (target: Target) => (target.pass === undefined ? 'not measured' : target.pass ? 'PASS' : 'FAIL');
/** The report's line of a target, as printed: `| name | measured | PASS |`. */
const reportLine = (report: string, name: string) => report.split('\n').find((line) => line.startsWith(`| ${name} `));

const tenKPlain = sizes({ 'article pages': [10_003, 112_000_000], 'day pages': [410, 20_500_000], 'home pages': [34, 1_700_000], feeds: [62, 9_000_000] });
const tenKSearch = sizes({ 'article pages': [10_003, 113_000_000], 'day pages': [410, 20_600_000], 'home pages': [34, 1_700_000], feeds: [62, 9_000_000], 'search index': [3_900, 61_000_000] });
const hundredKPlain = sizes({ 'article pages': [100_001, 700_000_000], 'day pages': [3_700, 150_000_000], feeds: [62, 9_000_000] });
const hundredKSearch = sizes({ 'article pages': [100_001, 700_000_000], 'day pages': [3_700, 150_000_000], feeds: [62, 9_000_000], 'search index': [39_000, 400_000_000] });

describe('the targets of issue #14', () => {
  const tenK = sizeResult(10_000, { hugo: 10, cold: 11, warm: 3, addOne: 4.5, searchCold: [run(30, 1700)], searchAddOne: 2 }, { plain: tenKPlain, search: tenKSearch });
  const hundredK = sizeResult(100_000, { hugo: 100, cold: 150, warm: 20, addOne: 12, searchCold: [run(130, 1900)], searchAddOne: 9.5 }, { plain: hundredKPlain, search: hundredKSearch });
  const result = bench([tenK, hundredK], [serve(10_000, [0.5, 0.6, 0.7]), serve(100_000, [1.2, 1.4, 0.9])]);
  const list = targets(result);

  test('10k cold against 1.2× Hugo, warm against 0.5×, +1 file against 0.4×', () => {
    expect(byName(list, '10k cold ≤ 1.2× Hugo')).toEqual({ name: '10k cold ≤ 1.2× Hugo', measured: '1.10×', pass: true });
    expect(byName(list, '10k warm ≤ 0.5× Hugo')).toEqual({ name: '10k warm ≤ 0.5× Hugo', measured: '0.30×', pass: true });
    expect(byName(list, '10k +1 file ≤ 0.4× Hugo')).toEqual({ name: '10k +1 file ≤ 0.4× Hugo', measured: '0.45×', pass: false });
    expect(list.some((target) => target.name.includes('1.0×'))).toBe(false);
  });

  test('100k cold with search: finished, under 2 GiB, against 1.2× Hugo without search; +1 with search under 10 s beside the plain +1', () => {
    expect(verdict(byName(list, '100k cold with search finishes (exit 0)'))).toBe('PASS');
    expect(byName(list, '100k cold with search peak memory ≤ 2 GiB')).toMatchObject({ measured: '1900 MiB', pass: true });
    // 130 s with search against Hugo's 100 s without: 1.30×.
    expect(byName(list, '100k cold with search ≤ 1.2× Hugo (Hugo without search)')).toMatchObject({ measured: '1.30× (130.00 s vs 100.00 s)', pass: false });
    expect(byName(list, '100k +1 file with search (the default) < 10 s')).toMatchObject({ measured: '9.50 s (plain: 12.00 s)', pass: true });
  });

  test('serve targets name their size: 10k passes at 0.6 s, 100k fails at 1.2 s', () => {
    expect(byName(list, '10k serve drop → page ≤ 1 s')).toMatchObject({ measured: '0.60 s median of 3', pass: true });
    expect(byName(list, '100k serve drop → page ≤ 1 s')).toMatchObject({ measured: '1.20 s median of 3', pass: false });
  });

  test('the 100k site with search, its index included, against 1 GB in files’ bytes', () => {
    // 700 + 150 + 9 + 400 MB = 1,259 MB.
    expect(byName(list, '100k site with search ≤ 1 GB')).toMatchObject({ measured: '1259.0 MB (search index 400.0 MB; plain site 859.0 MB)', pass: false });
    const lean = sizeResult(100_000, { hugo: 100, cold: 150, warm: 20, addOne: 12, searchCold: [run(110, 1900)], searchAddOne: 9.5 }, {
      plain: hundredKPlain,
      search: sizes({ 'article pages': [100_001, 500_000_000], 'search index': [39_000, 400_000_000] }),
    });
    expect(byName(targets(bench([lean], [])), '100k site with search ≤ 1 GB')).toMatchObject({ measured: '900.0 MB (search index 400.0 MB; plain site 859.0 MB)', pass: true });
  });

  test('the report prints each target with PASS or FAIL', () => {
    const report = formatReport(result);
    expect(reportLine(report, '10k cold ≤ 1.2× Hugo')).toMatch(/\| 1\.10× +\| PASS \|$/);
    expect(reportLine(report, '10k +1 file ≤ 0.4× Hugo')).toMatch(/\| 0\.45× +\| FAIL \|$/);
    expect(reportLine(report, '100k cold with search ≤ 1.2× Hugo (Hugo without search)')).toMatch(/FAIL \|$/);
    expect(reportLine(report, '100k +1 file with search (the default) < 10 s')).toMatch(/PASS \|$/);
    expect(reportLine(report, '100k serve drop → page ≤ 1 s')).toMatch(/FAIL \|$/);
    expect(reportLine(report, '100k site with search ≤ 1 GB')).toMatch(/FAIL \|$/);
  });

  test('a 100k cold build with search that did not finish fails every 100k search target, memory included', () => {
    const failed = sizeResult(100_000, { hugo: 100, cold: 150, warm: 20, addOne: 12, searchCold: [run(300, 1500, 137)] }, { plain: hundredKPlain });
    const failedList = targets(bench([failed], []));
    expect(byName(failedList, '100k cold with search finishes (exit 0)')).toMatchObject({ measured: 'did not finish (exit 137)', pass: false });
    expect(byName(failedList, '100k cold with search peak memory ≤ 2 GiB')).toMatchObject({ measured: '1500 MiB, did not finish (exit 137)', pass: false });
    expect(byName(failedList, '100k cold with search ≤ 1.2× Hugo (Hugo without search)')).toMatchObject({ measured: 'did not finish (exit 137)', pass: false });
    expect(byName(failedList, '100k +1 file with search (the default) < 10 s').pass).toBe(false);
    // No searchable site was kept, so its size is not measured: never a pass.
    expect(verdict(byName(failedList, '100k site with search ≤ 1 GB'))).toBe('not measured');
    const failedFiftyK = sizeResult(50_000, { hugo: 50, cold: 100, warm: 10, addOne: 12, searchCold: [run(200, 1200, 1)] });
    expect(byName(targets(bench([failedFiftyK], [])), '50k with search peak memory ≤ 2 GiB')).toMatchObject({ measured: '1200 MiB, did not finish', pass: false });
  });
});

describe('sizes that were not run', () => {
  test('a 10k-only run leaves every 100k target not measured, and a 100k-only run every 10k one', () => {
    const tenKOnly = targets(bench([sizeResult(10_000, { hugo: 10, cold: 11, warm: 3, addOne: 3, searchCold: [run(30, 1700)], searchAddOne: 2 })], [serve(10_000, [0.5])]));
    const hundredKNames = tenKOnly.map((target) => target.name).filter((name) => name.startsWith('100k'));
    expect(hundredKNames).toEqual([
      '100k cold with search finishes (exit 0)',
      '100k cold with search peak memory ≤ 2 GiB',
      '100k cold with search ≤ 1.2× Hugo (Hugo without search)',
      '100k +1 file with search (the default) < 10 s',
      '100k serve drop → page ≤ 1 s',
      '100k site with search ≤ 1 GB',
    ]);
    for (const name of hundredKNames) expect(byName(tenKOnly, name)).toMatchObject({ measured: 'not measured', pass: undefined });

    const hundredKOnly = targets(bench([sizeResult(100_000, { hugo: 100, cold: 110, warm: 20, addOne: 12 })], []));
    for (const name of ['10k cold ≤ 1.2× Hugo', '10k warm ≤ 0.5× Hugo', '10k +1 file ≤ 0.4× Hugo', '10k serve drop → page ≤ 1 s']) {
      expect(byName(hundredKOnly, name)).toMatchObject({ measured: 'not measured', pass: undefined });
    }
    // Run without search, the 100k search targets are not measured either.
    expect(verdict(byName(hundredKOnly, '100k cold with search finishes (exit 0)'))).toBe('not measured');
    expect(reportLine(formatReport(bench([sizeResult(100_000, { hugo: 100, cold: 110, warm: 20, addOne: 12 })], [])), '10k +1 file ≤ 0.4× Hugo')).toMatch(/\| not measured +\| – +\|$/);
  });

  test('a serve run at another size (a smoke run) is its own line, named by its size', () => {
    const small = targets(bench([sizeResult(1000, { hugo: 1, cold: 5, warm: 1, addOne: 2 })], [serve(1000, [0.4, 0.5, 0.6])]));
    expect(byName(small, '1k serve drop → page ≤ 1 s')).toMatchObject({ measured: '0.50 s median of 3', pass: true });
    expect(verdict(byName(small, '10k serve drop → page ≤ 1 s'))).toBe('not measured');
  });
});

describe('the report’s tables', () => {
  const tenK = sizeResult(10_000, { hugo: 10, cold: 11, warm: 3, addOne: 4.5, searchCold: [run(30, 1700)], searchAddOne: 2 }, { plain: tenKPlain, search: tenKSearch });
  const hundredK = sizeResult(100_000, { hugo: 100, cold: 150, warm: 20, addOne: 12, searchCold: [run(130, 1900)], searchAddOne: 9.5 }, { plain: hundredKPlain, search: hundredKSearch });
  const report = formatReport(bench([tenK, hundredK], [serve(10_000, [0.5, 0.6, 0.7]), serve(100_000, [1.2, 1.4, 0.9])]));
  const rows = (header: string) => {
    const lines = report.split('\n');
    const start = lines.findIndex((line) => line.startsWith(`| ${header}`));
    expect(start, header).toBeGreaterThanOrEqual(0);
    const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
    return lines.slice(start + 2, end === -1 ? undefined : end).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  };

  test('site size: kind, files, MB and bytes per file for the plain site and the site with search, at each size', () => {
    const table = rows('articles | site');
    expect(table).toContainEqual(['10000', 'plain', 'article pages', '10003', '112.0', String(Math.round(112_000_000 / 10_003))]);
    expect(table).toContainEqual(['10000', 'with search', 'search index', '3900', '61.0', String(Math.round(61_000_000 / 3_900))]);
    expect(table).toContainEqual(['100000', 'plain', 'day pages', '3700', '150.0', String(Math.round(150_000_000 / 3_700))]);
    expect(table).toContainEqual(['100000', 'with search', 'total', String(100_001 + 3_700 + 62 + 39_000), '1259.0', String(Math.round(1_259_000_000 / 142_763))]);
    // Kinds a site has no file of are left out; each site's rows end with its total.
    expect(table.filter((row) => row[0] === '10000' && row[1] === 'plain').map((row) => row[2])).toEqual(['article pages', 'day pages', 'home pages', 'feeds', 'total']);
  });

  test('peak memory of each size side by side, the builds with search beside the plain ones', () => {
    expect(rows('articles | ours peak MiB')).toEqual([
      ['10000', '900', '1700', '1500', '1300', '–'],
      ['100000', '900', '1900', '1500', '1300', '–'],
    ]);
  });

  test('serve: a row per size it ran at', () => {
    expect(rows('serve (articles)')).toEqual([
      ['10000', '20.00', '0.500', '0.600', '0.700'],
      ['100000', '20.00', '1.200', '1.400', '0.900'],
    ]);
  });
});

test('a result file from before issue #14 (one serve run, no sizes of the output) still reports', () => {
  const stored: StoredBenchResult = { ...bench([sizeResult(10_000, { hugo: 10, cold: 11, warm: 3, addOne: 3 })], []), serve: serve(10_000, [0.5, 0.6, 0.7]) };
  const upgraded = upgradeBenchResult(JSON.parse(JSON.stringify(stored)) as StoredBenchResult);
  expect(byName(targets(upgraded), '10k serve drop → page ≤ 1 s')).toMatchObject({ measured: '0.60 s median of 3', pass: true });
  expect(upgradeBenchResult({ ...stored, serve: null }).serve).toEqual([]);
  const report = formatReport(upgraded);
  expect(report).not.toContain('| articles | site');
  expect(reportLine(report, '100k site with search ≤ 1 GB')).toMatch(/not measured/);
});
