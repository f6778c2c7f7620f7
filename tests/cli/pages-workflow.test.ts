import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, test } from 'vitest';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  'continue-on-error'?: boolean;
}
const workflow = parse(await readFile(join(import.meta.dirname, '../../.github/workflows/pages.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const buildIndex = steps.findIndex((step) => step.run?.includes('digest build'));
const build = steps[buildIndex]!;

test('builds without --strict, so one bad file does not stop every later article being published', () => {
  expect(build.run).not.toContain('--strict');
  expect(build.run).toMatch(/--report digest-report\.json/);
});

test('then lists the skipped files in the job summary, even when the build failed, without ever failing the job', () => {
  const summary = steps[buildIndex + 1]!;
  expect(summary.run).toBe('npx digest github-summary digest-report.json');
  expect(summary.if).toBe("always() && hashFiles('digest-report.json') != ''");
  expect(summary['continue-on-error']).toBe(true);
});

test('keeps its actions at their major versions', () => {
  expect(steps.flatMap((step) => (step.uses ? [step.uses] : []))).toEqual([
    'actions/checkout@v4',
    'actions/setup-node@v4',
    'actions/cache@v4',
    'actions/configure-pages@v5',
    'actions/upload-pages-artifact@v3',
    'actions/deploy-pages@v4',
  ]);
});
