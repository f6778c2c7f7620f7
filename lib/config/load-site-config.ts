import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { siteConfigSchema, type SiteConfig } from './site-config-schema.ts';
import { formatIssues } from '../schema/format-issues.ts';
import { fail, ok, type Result } from '../result.ts';

/**
 * Reads `site.config.ts` (or another file) and validates it, naming every problem.
 * `overrides` come from the command line, such as the site URL a Pages workflow knows.
 */
export async function loadSiteConfig(file = 'site.config.ts', overrides: Partial<SiteConfig> = {}): Promise<Result<SiteConfig>> {
  const path = resolve(file);
  let loaded: unknown;
  try {
    loaded = ((await import(pathToFileURL(path).href)) as { default?: unknown }).default;
  } catch (error) {
    return fail(`${file}: cannot load: ${(error as Error).message}`);
  }
  const parsed = siteConfigSchema.safeParse(typeof loaded === 'object' && loaded !== null ? { ...loaded, ...overrides } : loaded);
  if (!parsed.success) return fail(formatIssues(parsed.error).map((line) => `${file}: ${line}`).join('\n'));
  return ok(parsed.data);
}
