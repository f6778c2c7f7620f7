import type { ArchiveReport } from '../archive/load-archive.ts';
import { noArticleFiles } from './build-report.ts';
import { textName } from './display-path.ts';

const emptyWarning = 'The content folder holds no article files: there are no articles to publish.';

/** A skipped file as the summary lists it: rejected with its reason, or a duplicate of the file kept. */
interface Skipped {
  file: string;
  reason: string;
}

const skippedFiles = (report: ArchiveReport): Skipped[] => [
  ...report.rejected,
  ...report.duplicates.map(({ file, of }) => ({ file, reason: `duplicate of ${of} (same source URL; the newer one is kept)` })),
];

/** The job summary: the totals, then a table of every file the build skipped and why. */
export function summaryMarkdown(report: ArchiveReport): string {
  const skipped = skippedFiles(report);
  const lines = [
    '### Articles',
    '',
    `${report.built.length} built, ${report.rejected.length} rejected, ${report.duplicates.length} duplicates, ${report.ignored.length} ignored (not article files).`,
    '',
  ];
  const otherYears = report.otherYears?.files.length ?? 0;
  if (otherYears > 0) lines.push(`${otherYears} of other years (${report.otherYears!.years.join(', ')}) left to their shards.`, '');
  if (noArticleFiles(report)) return [...lines, `**${emptyWarning}**`, ''].join('\n');
  if (skipped.length === 0) return [...lines, 'No file was skipped.', ''].join('\n');
  lines.push('| skipped file | reason |', '| --- | --- |');
  for (const { file, reason } of skipped) lines.push(`| ${markdownCell(textName(file))} | ${reason.split('\n').map(markdownCell).join('<br>')} |`);
  return [...lines, ''].join('\n');
}

/** One `::warning` workflow command a skipped file, so each shows as an annotation on the run and the file. */
export function warningCommands(report: ArchiveReport): string[] {
  if (noArticleFiles(report)) return [`::warning title=no articles::${emptyWarning}`];
  return skippedFiles(report).map(({ file, reason }) => `::warning file=${commandProperty(file)},title=${commandProperty(`skipped ${file}`)}::${commandData(reason)}`);
}

// GitHub's workflow commands: data escapes %, CR and LF; a property value also its own separators `:` and `,`.
const commandData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const commandProperty = (text: string) => commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Text in a table cell: Markdown and HTML characters escaped (file names and reasons are untrusted), CR/LF gone. */
const markdownCell = (text: string) => text.replace(/[\\`*_[\]<>|&~#]/g, (character) => `\\${character}`).replace(/[\r\n]+/g, ' ');
