import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { z } from 'zod';
import { siteConfigSchema, type SiteConfig } from './site-config-schema.ts';
import { nearestKey } from './nearest-key.ts';
import { formatIssues } from '../schema/format-issues.ts';
import { fail, ok, type Result } from '../result.ts';
import { readErrorReason } from '../read/read-error-reason.ts';

/**
 * Reads `site.config.ts` (or another file) and validates it, naming every problem.
 * `overrides` come from the command line, such as the site URL a Pages workflow knows.
 */
export async function loadSiteConfig(file = 'site.config.ts', overrides: Partial<SiteConfig> = {}): Promise<Result<SiteConfig>> {
  const path = resolve(file);
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    return fail(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : readErrorReason(error)}`);
  }
  let loaded: unknown;
  try {
    loaded = ((await import(pathToFileURL(path).href)) as { default?: unknown }).default;
  } catch (error) {
    // A syntax error comes as several lines from the TypeScript loader: one line here, like every other problem.
    const message = String((error as Error).message).split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
    return fail(`${file}: cannot load: ${message}`);
  }
  const parsed = siteConfigSchema.safeParse(typeof loaded === 'object' && loaded !== null ? { ...loaded, ...overrides } : loaded);
  if (!parsed.success) return fail(configProblems(parsed.error).map((line) => `${file}: ${line}`).join('\n'));
  return ok(parsed.data);
}

// Keys that were once known: a config that still has one is told what took its place.
const replacedKeys: Record<string, string> = {
  homeDays: 'replaced by homeArticles (the digest is the newest days until it holds that many articles) and homeSpanDays (how many days it may reach back)',
};

/** Every problem, one line each; an unknown key is a line of its own, with the known key it is closest to. */
function configProblems(error: z.ZodError): string[] {
  const known = Object.keys(siteConfigSchema.shape);
  const unknown = error.issues.filter((issue) => issue.code === 'unrecognized_keys');
  const others = formatIssues(new z.ZodError(error.issues.filter((issue) => issue.code !== 'unrecognized_keys')));
  const unknownLines = unknown.flatMap((issue) =>
    issue.keys.map((key) => {
      const name = [...issue.path.map(String), key].join('.');
      const replaced = issue.path.length === 0 ? replacedKeys[key] : undefined;
      if (replaced) return `${name}: ${replaced}`;
      const near = issue.path.length === 0 ? nearestKey(key, known) : undefined;
      return near ? `${name}: unknown key; did you mean ${near}?` : `${name}: unknown key (the keys are ${known.join(', ')})`;
    }),
  );
  return [...others, ...unknownLines];
}
