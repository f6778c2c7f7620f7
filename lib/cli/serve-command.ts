import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArticle } from '../article/build-article.ts';
import { loadArchive, settleCacheWrites } from '../archive/load-archive.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import { serveSite } from '../site/serve-site.ts';
import { formatReport, namedReport } from './build-report.ts';

/** `digest serve`: builds, serves on 127.0.0.1 (or --host), and rebuilds when content/ changes. */
export async function serveCommand(options: { contentDir: string; port: number; host: string; config: SiteConfig; cacheDir: string }): Promise<number> {
  let warmed = false;
  const load = async () => {
    const archive = await loadArchive({ contentDir: options.contentDir, config: options.config, cacheDir: options.cacheDir, writeCacheLater: true });
    process.stdout.write(`${formatReport(namedReport(archive.report, options.contentDir))}\n`);
    const sample = archive.articles[0]?.data.file;
    if (!warmed && sample) {
      warmed = true;
      setTimeout(() => warmUpPipeline(join(options.contentDir, sample), options.config), 0);
    }
    return archive;
  };
  // Served from a folder kept in the cache: a restarted serve renders only what changed since it last ran.
  const outDir = join(options.cacheDir, 'serve-site');
  const served = await serveSite({ contentDir: options.contentDir, config: options.config, port: options.port, host: options.host, load, outDir, cacheDir: options.cacheDir });
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
