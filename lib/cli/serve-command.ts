import { loadArchive, settleCacheWrites } from '../archive/load-archive.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import { serveSite } from '../site/serve-site.ts';
import { formatReport, namedReport } from './build-report.ts';

/** `digest serve`: builds, serves on localhost, and rebuilds when content/ changes. */
export async function serveCommand(options: { contentDir: string; port: number; config: SiteConfig; cacheDir: string }): Promise<number> {
  const load = async () => {
    const archive = await loadArchive({ contentDir: options.contentDir, config: options.config, cacheDir: options.cacheDir, writeCacheLater: true });
    process.stdout.write(`${formatReport(namedReport(archive.report, options.contentDir))}\n`);
    return archive;
  };
  await serveSite({ contentDir: options.contentDir, config: options.config, port: options.port, load, cacheDir: options.cacheDir });
  await settleCacheWrites();
  return 0;
}
