import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { siteConfigSchema } from '../lib/config/site-config-schema.ts';
import siteConfig from '../site.config.ts';
import { outputSizesByKind } from '../lib/render/output-size.ts';
import { formatReport, type BenchResult, type SizeResult } from './bench-report.ts';
import { loadCorpusTemplates, type CorpusTemplate } from './corpus-templates.ts';
import { planArchive, plannedDrop, writeArchive, writeRawArticle } from './generate-archive.ts';
import { writeHugoContent } from './hugo-content.ts';
import { measureServe } from './serve-latency.ts';
import { measureQueries } from './search-query-cost.ts';
import { articlePagePath, midnightIn } from './site-page-path.ts';
import type { FloorPages } from './stack-floor.ts';
import { templateBodies, type TemplateBody } from './template-bodies.ts';
import { killChildren, timedRun, type TimedRun } from './timed-process.ts';

const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const hugoSite = join(repoDir, 'bench', 'hugo-site');
const hugoBin = '/usr/bin/hugo';
// Stock Pagefind, as a Hugo user runs it: the extended binary the npm package ships.
const pagefindBin = join(repoDir, 'node_modules', '@pagefind', 'linux-x64', 'bin', 'pagefind_extended');
const plainConfig = join(repoDir, 'bench', 'plain.config.ts');
/** Queries run on the searchable 10k site: Chinese in both scripts, a name, English words and a phrase. */
const benchQueries = ['香港国安法', '選區', '普京', 'hong kong', '"human rights"'];
const defaultSeed = 20200601;
/** A 50k run takes minutes on two cores: one of each unless --runs-50k says otherwise. */
const largeSize = 50_000;
/** Issue #14's serve targets are at these sizes; a run with neither serves its largest size. */
const serveSizes = [10_000, 100_000];

class BenchFailure extends Error {}

const usage = `npm run bench -- [--sizes 1000,10000,50000,100000] [--runs 3] [--runs-50k 1] [--skip-serve] [--skip-floor] [--skip-search] [--seed N] [--keep]`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,50000' },
      runs: { type: 'string', default: '3' },
      'runs-50k': { type: 'string', default: '1' },
      'skip-serve': { type: 'boolean', default: false },
      'skip-floor': { type: 'boolean', default: false },
      'skip-search': { type: 'boolean', default: false },
      seed: { type: 'string', default: String(defaultSeed) },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const count = (text: string, name: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new BenchFailure(`--${name} must be a positive whole number (got "${text}")\n${usage}`);
    return value;
  };
  return {
    help: values.help,
    sizes: values.sizes.split(',').map((size) => count(size.trim().replace(/_/g, ''), 'sizes')),
    runs: count(values.runs, 'runs'),
    runsLarge: count(values['runs-50k'], 'runs-50k'),
    skipServe: values['skip-serve'],
    skipFloor: values['skip-floor'],
    skipSearch: values['skip-search'],
    seed: count(values.seed, 'seed'),
    keep: values.keep,
  };
}

function ensureHugo(): string {
  if (!existsSync(hugoBin)) {
    process.stdout.write('hugo is missing: apt-get install -y hugo\n');
    let install = spawnSync('apt-get', ['install', '-y', 'hugo'], { stdio: 'inherit' });
    if (install.status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: 'inherit' });
      install = spawnSync('apt-get', ['install', '-y', 'hugo'], { stdio: 'inherit' });
    }
    if (install.status !== 0 || !existsSync(hugoBin)) throw new BenchFailure('could not install hugo with apt-get');
  }
  return spawnSync(hugoBin, ['version'], { encoding: 'utf8' }).stdout.trim().split(' ').slice(0, 2).join(' ');
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

function failed(what: string, run: TimedRun, logDir: string): BenchFailure {
  return new BenchFailure(`${what} failed (exit ${run.code}); logs in ${logDir} (kept only with --keep)\n--- stderr (last lines) ---\n${run.stderrTail || '(empty)'}`);
}

/**
 * Our build; `search`: with the search index (site.config.ts as it is), otherwise with search off. A failed build
 * stops the bench unless `allowFailure`, where the caller records the run and its exit code.
 */
async function oursBuild(
  dirs: { content: string; out: string; cache: string; logs: string },
  name: string,
  search = false,
  { allowFailure = false } = {},
): Promise<TimedRun> {
  const config = search ? [] : ['--config', plainConfig];
  const run = await timedRun(process.execPath, ['bin/digest.js', 'build', ...config, '--content', dirs.content, '--out', dirs.out, '--cache', dirs.cache], {
    cwd: repoDir,
    logDir: dirs.logs,
    name,
  });
  if (run.code !== 0 && !allowFailure) throw failed(`digest build (${name})`, run, dirs.logs);
  return run;
}

async function hugoBuild(dirs: { content: string; out: string; cache: string; logs: string }, name: string): Promise<TimedRun> {
  const args = ['--source', hugoSite, '--contentDir', dirs.content, '--destination', dirs.out, '--cacheDir', dirs.cache, '--quiet'];
  const run = await timedRun(hugoBin, args, { cwd: repoDir, logDir: dirs.logs, name });
  if (run.code !== 0) throw failed(`hugo (${name})`, run, dirs.logs);
  return run;
}

/** Stock Pagefind over Hugo's article pages (those at /YYYY/MM/DD/<slug>/, the bench's years all being 20xx). */
async function pagefindOverHugo(site: string, logs: string, name: string): Promise<TimedRun> {
  const run = await timedRun(pagefindBin, ['--site', site, '--glob', '20*/*/*/*/index.html', '--silent'], { cwd: repoDir, logDir: logs, name });
  if (run.code !== 0) throw failed(`pagefind (${name})`, run, logs);
  return run;
}

/** Runs one part of the stack floor (see stack-floor.ts) and reads the time it measured of its own work. */
async function floorPart(args: string[], logs: string, name: string): Promise<number> {
  const run = await timedRun(process.execPath, ['--import', 'tsx', 'bench/stack-floor.ts', ...args], { cwd: repoDir, logDir: logs, name });
  if (run.code !== 0) throw failed(`stack floor (${name})`, run, logs);
  const seconds = Number(/floor-seconds ([\d.]+)/.exec(await readFile(join(logs, `${name}.out`), 'utf8'))?.[1]);
  if (!Number.isFinite(seconds)) throw new BenchFailure(`stack floor (${name}) printed no time; logs in ${logs} (kept only with --keep)`);
  return seconds;
}

/** Bare rehype over the raw files, then bare Eleventy over the pages, a process per core. */
async function stackFloor(dirs: { content: string; pages: string; out: string; logs: string }, run: number): Promise<{ rehype: number; eleventy: number }> {
  const rehype = await floorPart(['rehype', dirs.content], dirs.logs, `floor-rehype-${run}`);
  await rm(dirs.out, { recursive: true, force: true });
  const parts = availableParallelism();
  const eleventy = await Promise.all(
    Array.from({ length: parts }, (_, part) => floorPart(['eleventy', dirs.pages, dirs.out, String(part), String(parts)], dirs.logs, `floor-eleventy-${run}-${part}`)),
  );
  return { rehype, eleventy: Math.max(...eleventy) };
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const brief = (run: TimedRun) => `${run.seconds.toFixed(2)} s, ${Math.round(run.maxRssKiB / 1024)} MiB`;

async function benchSize(
  size: number,
  runs: number,
  base: string,
  seed: number,
  templates: CorpusTemplate[],
  bodies: TemplateBody[],
  config: ReturnType<typeof siteConfigSchema.parse>,
  floor: boolean,
  search: boolean,
  notes: string[],
): Promise<{ result: SizeResult; content: string; warmCache: string; newest: number }> {
  const dir = join(base, String(size));
  const logs = join(dir, 'logs');
  const content = join(dir, 'content');
  const hugoContent = join(dir, 'hugo-content');
  await mkdir(logs, { recursive: true });
  const plan = planArchive(templates, { size, seed, firstDay: midnightIn(config.timeZone, 2015, 1, 1) });
  await writeArchive(content, plan, templates);
  // Files added later (warm +1, serve) are the archive's next articles, as a bot saving today's news adds them.
  const newest = plan.at(-1)?.publishedAt ?? Date.now();
  await writeHugoContent(hugoContent, plan, templates, bodies, { timeZone: config.timeZone, sources: config.sources });
  log(`\n${size} articles (${plan[0] ? new Date(plan[0].publishedAt).toISOString().slice(0, 10) : ''} … ${new Date(plan.at(-1)?.publishedAt ?? 0).toISOString().slice(0, 10)}): ${runs} runs each`);

  const ours = { content, out: join(dir, 'out-ours'), cache: '', logs };
  const hugo = { content: hugoContent, out: join(dir, 'out-hugo'), cache: join(dir, 'hugo-cache'), logs };
  const result: SizeResult = { size, articles: plan.length, runs, ours: { cold: [], warm: [], warmAddOne: [] }, hugo: [], pages: { ours: 0, hugo: 0 } };
  // Stock Pagefind needs far more than this machine has from 50,000 articles on: there only our side is measured.
  const searchPeer = size < largeSize;
  const searching = { content, out: join(dir, 'out-ours-search'), cache: '', logs };
  if (search) result.search = { cold: [], addOne: [], hugoPagefind: [], pagefind: [] };
  let searchFailed = false;
  const floorDirs = { content, pages: join(dir, 'floor-pages.json'), out: join(dir, 'out-floor'), logs };
  if (floor) {
    const pages: FloorPages = {
      bodies: bodies.map((body) => body.html),
      pages: plan.map((article) => ({ path: articlePagePath(article, config.timeZone), title: article.title, body: article.template })),
    };
    await writeFile(floorDirs.pages, JSON.stringify(pages));
    result.floor = { rehype: [], eleventy: [] };
  }

  // Alternate, so a noisy minute on the shared machine falls on both.
  for (let run = 1; run <= runs; run++) {
    if (ours.cache) await rm(ours.cache, { recursive: true, force: true });
    ours.cache = join(dir, `cache-${run}`);
    await rm(ours.out, { recursive: true, force: true });
    const cold = await oursBuild(ours, `ours-cold-${run}`);
    result.ours.cold.push(cold);
    log(`  ours cold ${run}: ${brief(cold)}`);
    await rm(hugo.out, { recursive: true, force: true });
    await rm(hugo.cache, { recursive: true, force: true });
    const hugoRun = await hugoBuild(hugo, `hugo-${run}`);
    result.hugo.push(hugoRun);
    log(`  hugo      ${run}: ${brief(hugoRun)}`);
    if (result.search && !searchFailed) {
      if (searching.cache) await rm(searching.cache, { recursive: true, force: true });
      searching.cache = join(dir, `cache-search-${run}`);
      await rm(searching.out, { recursive: true, force: true });
      // A cold build with search that fails is a target's FAIL (#14: it must finish at 100k), not the bench's crash.
      const cold = await oursBuild(searching, `ours-search-cold-${run}`, true, { allowFailure: true });
      result.search.cold.push(cold);
      log(`  ours+search cold ${run}: ${brief(cold)}${cold.code === 0 ? '' : ` FAILED (exit ${cold.code})`}`);
      if (cold.code !== 0) {
        searchFailed = true;
        const lastLine = cold.stderrTail.trim().split('\n').at(-1) || '(empty stderr)';
        notes.push(`${size} articles: cold build with search ${run} failed (exit ${cold.code}): ${lastLine}; no more builds with search at this size (logs in ${logs}, kept only with --keep)`);
      }
    }
    if (result.floor) {
      const parts = await stackFloor(floorDirs, run);
      result.floor.rehype.push(parts.rehype);
      result.floor.eleventy.push(parts.eleventy);
      log(`  floor     ${run}: bare rehype ${parts.rehype.toFixed(2)} s + bare Eleventy ${parts.eleventy.toFixed(2)} s`);
    }
  }
  result.pages = { ours: await countPages(ours.out), hugo: await countPages(hugo.out) };

  for (let run = 1; run <= runs; run++) {
    const warm = await oursBuild(ours, `ours-warm-${run}`);
    result.ours.warm.push(warm);
    log(`  ours warm ${run}: ${brief(warm)}`);
  }
  for (let run = 1; run <= runs; run++) {
    await writeRawArticle(content, plannedDrop(templates, seed, run - 1, newest + run * 120_000), templates);
    const added = await oursBuild(ours, `ours-warm-add-${run}`);
    result.ours.warmAddOne.push(added);
    log(`  ours +1   ${run}: ${brief(added)}`);
    if (result.search && !searchFailed) {
      const addedSearch = await oursBuild(searching, `ours-search-add-${run}`, true);
      result.search.addOne.push(addedSearch);
      log(`  ours+search +1 ${run}: ${brief(addedSearch)}`);
    }
  }
  // Stock Pagefind last, over Hugo's pages of the last run (the same articles each run): with ~9 GB it pushes the
  // other builds' files out of the page cache, and warm rebuilds measured after it read everything from disk
  // (16 s instead of 2-4 s at 10,000 articles).
  if (result.search && searchPeer) {
    for (let run = 1; run <= runs; run++) {
      const hugoRun = result.hugo[run - 1]!;
      const pagefindRun = await pagefindOverHugo(hugo.out, logs, `pagefind-${run}`);
      result.search.pagefind.push(pagefindRun);
      result.search.hugoPagefind.push({ ...pagefindRun, seconds: hugoRun.seconds + pagefindRun.seconds, maxRssKiB: Math.max(hugoRun.maxRssKiB, pagefindRun.maxRssKiB) });
      log(`  pagefind  ${run}: ${brief(pagefindRun)} (Hugo + Pagefind ${(hugoRun.seconds + pagefindRun.seconds).toFixed(2)} s)`);
    }
  }
  if (result.search && !searchFailed && size === 10_000) {
    result.search.queries = await measureQueries(searching.out, '/', benchQueries);
    for (const cost of result.search.queries) log(`  query ${cost.query}: ${cost.ms} ms, ${(cost.bytes / 1024).toFixed(0)} KB${cost.first ? ' (first, with the code)' : ''}`);
  }
  // A walk of the kept outputs (no build): where each site's room goes, for issue #14's 1 GB.
  result.outputSizes = { plain: await outputSizesByKind(ours.out) };
  if (result.search && !searchFailed) result.outputSizes.search = await outputSizesByKind(searching.out);
  await rm(searching.out, { recursive: true, force: true });
  await rm(ours.out, { recursive: true, force: true });
  await rm(hugo.out, { recursive: true, force: true });
  await rm(hugoContent, { recursive: true, force: true });
  await rm(floorDirs.out, { recursive: true, force: true });
  return { result, content, warmCache: ours.cache, newest };
}

async function main(): Promise<number> {
  const options = parseOptions();
  if (options.help) {
    log(usage);
    return 0;
  }
  const config = siteConfigSchema.parse(siteConfig);
  const hugoVersion = ensureHugo();
  const base = await mkdtemp(join(tmpdir(), 'digest-bench-'));
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    killChildren();
    if (options.keep) log(`kept ${base}`);
    else await rm(base, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void cleanup().finally(() => process.exit(130));
    });
  }
  process.once('exit', () => killChildren());

  try {
    const corpus = await loadCorpusTemplates();
    const cleanedBodies = await templateBodies(corpus.templates, repoDir);
    const pairs = corpus.templates.flatMap((template, index) => {
      const body = cleanedBodies.bodies[index];
      return body ? [{ template, body }] : [];
    });
    const templates = pairs.map((pair) => pair.template);
    const bodies = pairs.map((pair) => pair.body);
    const notes: string[] = [];
    if (cleanedBodies.note) notes.push(cleanedBodies.note);
    if (corpus.skipped.length > 0) notes.push(`${corpus.skipped.length} corpus files do not parse: not replicated`);
    log(`${templates.length} corpus files to replicate (Hugo bodies via ${cleanedBodies.via}); ${hugoVersion}; temp ${base}`);

    const result: BenchResult = {
      date: new Date().toISOString(),
      seed: options.seed,
      machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, hugo: hugoVersion, loadAverage: { start: loadavg()[0] ?? 0, end: 0 } },
      templates: { used: templates.length, skipped: corpus.skipped.length + corpus.templates.length - templates.length, via: cleanedBodies.via, note: cleanedBodies.note },
      sizes: [],
      serve: [],
      notes,
    };
    const serveAt = options.sizes.some((size) => serveSizes.includes(size)) ? serveSizes : [Math.max(...options.sizes)];
    for (const size of options.sizes) {
      const runs = size >= largeSize ? Math.min(options.runs, options.runsLarge) : options.runs;
      if (runs < options.runs) notes.push(`${size} articles: ${runs} run(s) each instead of ${options.runs} (slow on 2 cores; --runs-50k to change)`);
      const measured = await benchSize(size, runs, base, options.seed, templates, bodies, config, !options.skipFloor && size < largeSize, !options.skipSearch, notes);
      result.sizes.push(measured.result);
      if (serveAt.includes(size) && !options.skipServe) {
        log(`  serve on ${size} articles…`);
        const drops = [0, 1, 2].map((index) => plannedDrop(templates, options.seed + 1, index, measured.newest + (runs + index + 1) * 120_000));
        const serve = await measureServe({
          repoDir,
          contentDir: measured.content,
          cacheDir: measured.warmCache,
          // The plain builds' cache: serve runs as they did.
          configFile: plainConfig,
          logDir: join(base, String(size), 'logs'),
          timeZone: config.timeZone,
          drops,
          templates,
          startLimitMs: 10 * 60_000,
          dropLimitMs: 60_000,
        });
        result.serve.push({ size, ...serve });
        log(`  serve: ${serve.failure ?? serve.drops.map((drop) => (drop.seconds === undefined ? 'failed' : `${drop.seconds.toFixed(3)} s`)).join(', ')}`);
      }
      if (!options.keep) await rm(join(base, String(size)), { recursive: true, force: true });
    }
    if (options.skipServe) notes.push('serve not measured (--skip-serve)');
    if (options.skipFloor) notes.push('stack floor not measured (--skip-floor)');
    if (options.skipSearch) notes.push('search not measured (--skip-search)');
    else notes.push('plain builds run with search: false (bench/plain.config.ts); the search side with site.config.ts as it is, against Hugo then stock pagefind_extended over its article pages (below 50k only: stock Pagefind does not fit this machine above)');
    result.machine.loadAverage.end = loadavg()[0] ?? 0;
    const { start, end } = result.machine.loadAverage;
    // Others share these machines: a load well above the core count slows both builds, and ratios less than seconds.
    notes.push(`1-minute load average ${start.toFixed(1)} at the start, ${end.toFixed(1)} at the end, on ${result.machine.cpus} cores`);

    const report = formatReport(result);
    log(`\n${report}\n`);
    const resultsDir = join(repoDir, 'bench', 'results');
    await mkdir(resultsDir, { recursive: true });
    const file = join(resultsDir, `${result.date.replace(/[:.]/g, '-')}.json`);
    await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${file}`);
    return 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    killChildren();
    process.stderr.write(`bench: ${error instanceof BenchFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
