import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadArchive } from '../archive/load-archive.ts';
import { checkContentFolder } from '../content/check-content-folder.ts';
import { readErrorReason } from '../read/read-error-reason.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import { buildSite, defaultTemplatesDir } from '../render/build-site.ts';
import { checkOutputFolder } from '../render/output-folder.ts';
import { formatMegabytes, outputBytes, siteSizeWarning } from '../render/output-size.ts';
import { recoverInterruptedSwap } from '../render/output-swap.ts';
import { formatCacheNotes, formatReport, namedReport, noArticleFiles } from './build-report.ts';
import { createProgress } from './progress.ts';
import { selectShardYears } from '../site/select-shard-years.ts';
import { ok } from '../result.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  pathPrefix: string | undefined;
  strict: boolean;
  reportFile: string | undefined;
  cacheDir: string;
  /** The site.config.ts in use: its folder is the project, never to be replaced by an output. */
  configFile: string;
  config: SiteConfig;
}

/** `digest build`: the whole site into the output folder, with an account of every file under content/. */
export async function buildCommand(options: BuildOptions): Promise<number> {
  const started = performance.now();
  const outDir = await checkOutputFolder({
    outDir: options.outDir,
    contentDir: options.contentDir,
    cacheDir: options.cacheDir,
    projectDirs: [dirname(options.configFile), process.cwd()],
    templatesDir: defaultTemplatesDir,
  });
  if (!outDir.ok) {
    process.stderr.write(`digest build: --out ${options.outDir}: ${outDir.reason} (nothing was changed)\n`);
    return 2;
  }
  // Before anything can fail: the output path holds a whole site again even if this build stops early.
  await recoverInterruptedSwap(outDir.value);
  const folder = await checkContentFolder(options.contentDir);
  if (!folder.ok) {
    process.stderr.write(`digest: ${folder.reason}\n`);
    return 2;
  }
  const progress = createProgress();
  const whole = await loadArchive({
    contentDir: options.contentDir,
    config: options.config,
    cacheDir: options.cacheDir,
    onProgress: ({ parsed, total }) => progress.update('parsed', parsed, total),
  });
  progress.done();
  // A damaged or read-only cache costs only time: said here, and the build goes on.
  const named = new Set<string>();
  process.stderr.write(formatCacheNotes(whole.cacheNotes, named));
  const shard = options.config.years ? selectShardYears(whole, options.config.years, options.config.timeZone) : ok(whole);
  if (!shard.ok) {
    process.stderr.write(`digest build: ${shard.reason}; ${options.outDir} is left as it was\n`);
    return 2;
  }
  const archive = shard.value;
  const report = namedReport(archive.report, options.contentDir);
  if (options.reportFile) {
    try {
      await writeFile(options.reportFile, `${JSON.stringify(report, null, 2)}\n`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      process.stderr.write(`digest: cannot write the report ${JSON.stringify(options.reportFile)}: ${code === 'ENOENT' ? 'its folder does not exist' : readErrorReason(error)}\n`);
      return 2;
    }
  }
  if (options.strict && report.rejected.length > 0) {
    process.stderr.write(`${formatReport(report)}\nnot built: --strict and ${report.rejected.length} files were rejected\n`);
    return 1;
  }
  // An emptied or mistyped content folder would otherwise replace a whole published site with an empty one.
  if (noArticleFiles(report)) {
    const empty = `content folder ${JSON.stringify(options.contentDir)} holds no article files (.txt, .md, .html)`;
    if (options.strict) {
      process.stderr.write(`not built: --strict and ${empty}; ${options.outDir} is left as it was\n`);
      return 1;
    }
    process.stderr.write(`digest: ${empty}: building an empty site\n`);
  }
  const built = await buildSite({
    archive,
    config: options.config,
    outDir: outDir.value,
    pathPrefix: options.pathPrefix,
    cacheDir: options.cacheDir,
    onProgress: ({ written, total }) => progress.update('pages written', written, total),
  });
  progress.done();
  const { pages, rendered, cacheNotes } = built;
  process.stderr.write(formatCacheNotes(cacheNotes, named));
  const bytes = built.bytes ?? (await outputBytes(outDir.value));
  process.stderr.write(siteSizeWarning(bytes, options.outDir) ?? '');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const parsed = `${archive.stats.parsed} files parsed, ${archive.stats.cached} from the cache`;
  process.stdout.write(`${formatReport(report)}\n${parsed}; ${pages} pages in ${options.outDir} (${rendered} rendered, ${pages - rendered} unchanged, ${formatMegabytes(bytes)}) in ${seconds} s\n`);
  return 0;
}
