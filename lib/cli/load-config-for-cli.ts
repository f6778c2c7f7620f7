import { access } from 'node:fs/promises';
import { siteConfigSchema, type SiteConfig } from '../config/site-config-schema.ts';
import { loadSiteConfig } from '../config/load-site-config.ts';
import type { Result } from '../result.ts';
import { ok } from '../result.ts';

/**
 * The site's configuration. Reading and checking files works without one (defaults),
 * but building a site needs the user's absolute URL, so `required` makes it mandatory. `siteUrl` and `years`
 * come from the command line and override the file's.
 */
export async function loadConfigForCli(file: string | undefined, required: boolean, siteUrl?: string, years?: number[]): Promise<Result<SiteConfig>> {
  const path = file ?? 'site.config.ts';
  if (!required && file === undefined && !(await exists(path))) {
    return ok(siteConfigSchema.parse({ title: 'News Digest', url: 'https://example.org' }));
  }
  return loadSiteConfig(path, { ...(siteUrl === undefined ? {} : { url: siteUrl }), ...(years === undefined ? {} : { years }) });
}

const exists = (path: string) => access(path).then(() => true, () => false);
