import { appendFile, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { readErrorReason } from '../read/read-error-reason.ts';
import { summaryMarkdown, warningCommands } from './github-summary.ts';

const reportSchema = z.object({
  built: z.array(z.string()),
  duplicates: z.array(z.object({ file: z.string(), of: z.string() })),
  ignored: z.array(z.string()),
  rejected: z.array(z.object({ file: z.string(), reason: z.string() })),
  otherYears: z.object({ years: z.array(z.number()), files: z.array(z.string()) }).optional(),
});

/**
 * `digest github-summary REPORT`: the report `digest build --report` wrote, as a table in the job summary
 * (`$GITHUB_STEP_SUMMARY`; standard output outside GitHub Actions) and a warning annotation a skipped file.
 */
export async function githubSummaryCommand(reportFile: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(reportFile, 'utf8');
  } catch (error) {
    process.stderr.write(`digest github-summary: ${reportFile}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : readErrorReason(error)}\n`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const report = reportSchema.safeParse(json);
  if (!report.success) {
    process.stderr.write(`digest github-summary: ${reportFile}: not a report written by digest build --report\n`);
    return 2;
  }
  const markdown = summaryMarkdown(report.data);
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) await appendFile(summaryFile, markdown);
  else process.stdout.write(markdown);
  const warnings = warningCommands(report.data);
  if (warnings.length > 0) process.stdout.write(`${warnings.join('\n')}\n`);
  return 0;
}
