import { cacheNoteLine, type CacheNote } from '../archive/cache-note.ts';
import type { ArchiveReport } from '../archive/load-archive.ts';
import { displayPath, linesFor, textName } from './display-path.ts';

/** The build report with every file named as the user would type it. */
export function namedReport(report: ArchiveReport, contentDir: string): ArchiveReport {
  const name = (file: string) => displayPath(contentDir, file);
  return {
    built: report.built.map(name),
    duplicates: report.duplicates.map(({ file, of }) => ({ file: name(file), of: name(of) })),
    ignored: report.ignored.map(name),
    rejected: report.rejected.map(({ file, reason }) => ({ file: name(file), reason })),
    ...(report.otherYears ? { otherYears: { years: report.otherYears.years, files: report.otherYears.files.map(name) } } : {}),
  };
}

/** What a build tells the user at the end: every file that did not become its own page, and why. */
export function formatReport(report: ArchiveReport): string {
  const lines: string[] = [];
  for (const { file, reason } of report.rejected) lines.push(...linesFor(`skipped ${textName(file)}`, reason));
  for (const { file, of } of report.duplicates) lines.push(`skipped ${textName(file)}: duplicate of ${textName(of)} (same source URL; the newer one is kept)`);
  const otherYears = report.otherYears?.files.length ?? 0;
  const total = report.built.length + report.duplicates.length + report.ignored.length + report.rejected.length + otherYears;
  // Not skipped: another shard's to build.
  if (report.otherYears && otherYears > 0) lines.push(`${otherYears} ${otherYears === 1 ? 'article' : 'articles'} of other years (${report.otherYears.years.join(', ')}) left to their shards`);
  lines.push(
    `${report.built.length} articles built, ${report.rejected.length} rejected, ${report.duplicates.length} duplicates, ${report.ignored.length} ignored (${total} files)`,
  );
  return lines.join('\n');
}

/**
 * A line for each cache file or folder that was damaged or could not be written, and what was done instead; a
 * file already named (the folder that cannot be written, say, by both loading and rendering) is not named twice.
 */
export function formatCacheNotes(notes: CacheNote[], named = new Set<string>()): string {
  const lines: string[] = [];
  for (const note of notes) {
    if (named.has(note.file)) continue;
    named.add(note.file);
    lines.push(`${cacheNoteLine(note)}\n`);
  }
  return lines.join('');
}

/** Nothing under the content folder is an article file: no page to build, none even rejected. */
export const noArticleFiles = (report: ArchiveReport): boolean => report.built.length + report.duplicates.length + report.rejected.length === 0;
