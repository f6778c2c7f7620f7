import { writeFile } from 'node:fs/promises';
import { loadArchive } from '../archive/load-archive.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import { buildSite } from '../site/build-site.ts';
import { formatCacheNotes, formatReport, namedReport } from './build-report.ts';
import { createProgress } from './progress.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  pathPrefix: string | undefined;
  strict: boolean;
  reportFile: string | undefined;
  cacheDir: string;
  config: SiteConfig;
}

/** `digest build`: the whole site into the output folder, with an account of every file under content/. */
export async function buildCommand(options: BuildOptions): Promise<number> {
  const started = performance.now();
  const progress = createProgress();
  const archive = await loadArchive({
    contentDir: options.contentDir,
    config: options.config,
    cacheDir: options.cacheDir,
    onProgress: ({ parsed, total }) => progress.update('parsed', parsed, total),
  });
  progress.done();
  // A damaged or read-only cache costs only time: said here, and the build goes on.
  const named = new Set<string>();
  process.stderr.write(formatCacheNotes(archive.cacheNotes, named));
  const report = namedReport(archive.report, options.contentDir);
  if (options.reportFile) await writeFile(options.reportFile, `${JSON.stringify(report, null, 2)}\n`);
  if (options.strict && report.rejected.length > 0) {
    process.stderr.write(`${formatReport(report)}\nnot built: --strict and ${report.rejected.length} files were rejected\n`);
    return 1;
  }
  const { pages, rendered, cacheNotes } = await buildSite({
    archive,
    config: options.config,
    outDir: options.outDir,
    pathPrefix: options.pathPrefix,
    cacheDir: options.cacheDir,
    onProgress: ({ written, total }) => progress.update('pages written', written, total),
  });
  progress.done();
  process.stderr.write(formatCacheNotes(cacheNotes, named));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const parsed = `${archive.stats.parsed} files parsed, ${archive.stats.cached} from the cache`;
  process.stdout.write(`${formatReport(report)}\n${parsed}; ${pages} pages in ${options.outDir} (${rendered} rendered, ${pages - rendered} unchanged) in ${seconds} s\n`);
  return 0;
}
