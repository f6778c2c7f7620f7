import { loadArchive } from '../archive/load-archive.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import { checkContentFolder } from '../content/check-content-folder.ts';
import { namedReport, noArticleFiles } from './build-report.ts';
import { linesFor, textName } from './display-path.ts';

/** `digest check [--content DIR] [--json]`: every file under DIR checked; exit 1 when any fails. */
export async function checkCommand(options: { contentDir: string; json: boolean; config: SiteConfig }): Promise<number> {
  const folder = await checkContentFolder(options.contentDir);
  if (!folder.ok) {
    process.stderr.write(`digest: ${folder.reason}\n`);
    return 2;
  }
  const archive = await loadArchive({ contentDir: options.contentDir, config: options.config });
  const report = namedReport(archive.report, options.contentDir);
  if (noArticleFiles(report)) process.stderr.write(`digest: content folder ${JSON.stringify(options.contentDir)} holds no article files (.txt, .md, .html)\n`);
  const okFiles = [...report.built, ...report.duplicates.map((duplicate) => duplicate.file)].sort();
  if (options.json) {
    const json = {
      ok: okFiles,
      errors: report.rejected.map(({ file, reason }) => ({ file, message: reason })),
      ignored: report.ignored,
      duplicates: report.duplicates,
    };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } else {
    for (const { file, reason } of report.rejected) process.stdout.write(`${linesFor(textName(file), reason).join('\n')}\n`);
    for (const { file, of } of report.duplicates) process.stdout.write(`${textName(file)}: duplicate of ${textName(of)} (same source URL)\n`);
    process.stdout.write(
      `${okFiles.length} ok, ${report.rejected.length} with errors, ${report.duplicates.length} duplicates, ${report.ignored.length} ignored (not article files)\n`,
    );
  }
  return report.rejected.length > 0 ? 1 : 0;
}
