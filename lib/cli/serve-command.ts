import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildArticle } from '../article/build-article.ts';
import { loadArchive, settleCacheWrites } from '../archive/load-archive.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import { noArticleOf, shardOf } from '../site/select-shard-years.ts';
import { serveSite } from '../render/serve-site.ts';
import { formatCacheNotes, formatReport, namedReport } from './build-report.ts';
import { unwritable } from '../archive/cache-note.ts';
import { makeFolders } from '../util/make-folders.ts';

/** `digest serve`: builds, serves on 127.0.0.1 (or --host), and rebuilds when content/ changes. */
export async function serveCommand(options: { contentDir: string; port: number; host: string; config: SiteConfig; cacheDir: string }): Promise<number> {
  let warmed = false;
  const named = new Set<string>();
  const load = async () => {
    const whole = await loadArchive({ contentDir: options.contentDir, config: options.config, cacheDir: options.cacheDir, writeCacheLater: true });
    process.stderr.write(formatCacheNotes(whole.cacheNotes, named));
    const { years, timeZone } = options.config;
    const archive = years ? shardOf(whole, years, timeZone) : whole;
    // Serving goes on, as it does with no content: the files of those years may be on their way.
    if (years && archive.articles.length === 0 && whole.articles.length > 0) process.stderr.write(`digest serve: ${noArticleOf(years, archive, timeZone)}\n`);
    process.stdout.write(`${formatReport(namedReport(archive.report, options.contentDir))}\n`);
    const sample = archive.articles[0]?.data.file;
    if (!warmed && sample) {
      warmed = true;
      setTimeout(() => warmUpPipeline(join(options.contentDir, sample), options.config), 0);
    }
    return archive;
  };
  // Served from a folder kept in the cache: a restarted serve renders only what changed since it last ran.
  const outDir = await servedFolder(options.cacheDir, named);
  const served = await serveSite({
    contentDir: options.contentDir,
    config: options.config,
    port: options.port,
    host: options.host,
    load,
    cacheDir: options.cacheDir,
    namedCacheFiles: named,
    ...(outDir ? { outDir, checkOutput: true } : {}),
  });
  await settleCacheWrites();
  if (!served.ok) {
    process.stderr.write(`digest serve: ${served.reason}\n`);
    return 1;
  }
  return 0;
}

/**
 * The first file this process cleans pays for compiling the whole pipeline (a second or more when the
 * start-up build came from the cache or from worker threads): pay it now, rather than on the first file
 * the user drops in.
 */
function warmUpPipeline(path: string, config: SiteConfig): void {
  try {
    buildArticle({ file: path, bytes: readFileSync(path) }, { sources: config.sources, language: config.language, maxFileBytes: config.maxFileBytes });
  } catch {
    // Gone already, or unreadable: the warm-up was only an optimisation.
  }
}

/**
 * `serve-site` in the cache, when the cache folder can be written (a build writes beside the folder it
 * replaces); otherwise none, and the site is served from a temporary folder.
 */
async function servedFolder(cacheDir: string, named: Set<string>): Promise<string | undefined> {
  const outDir = join(cacheDir, 'serve-site');
  const probe = join(cacheDir, `.serve-probe-${process.pid}`);
  try {
    await makeFolders(outDir);
    await writeFile(probe, '');
    await rm(probe);
    return outDir;
  } catch (error) {
    process.stderr.write(formatCacheNotes([unwritable(cacheDir, error, 'serving from a temporary folder without saving the cache')], named));
    return undefined;
  }
}
