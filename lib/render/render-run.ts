import { relative, resolve, sep } from 'node:path';
import type { PagedModel } from './render-plan.ts';
import type { SiteModel } from '../site/site-model.ts';
import { forgetEleventyCaches } from './forget-eleventy-caches.ts';

export interface RunOptions {
  model: SiteModel;
  /** The paginated pages of this run. */
  pages: PagedModel;
  templatesDir: string;
  pathPrefix: string;
  /** The output folder. */
  target: string;
  /** Single-page templates (relative to the templates folder) another run writes, with the assets. */
  leaveOut?: string[] | undefined;
  onWritten?: (() => void) | undefined;
}

/** One Eleventy run over some of the site's pages; says which files it wrote, relative to the target. */
export async function renderRun({ model, pages, templatesDir, pathPrefix, target, leaveOut, onWritten }: RunOptions): Promise<string[]> {
  // Loaded only when there is something to render: a rebuild with nothing to do never pays for loading Eleventy.
  const [{ Eleventy }, { configureEleventy }] = await Promise.all([import('@11ty/eleventy'), import('./eleventy-config.ts')]);
  const eleventy = new Eleventy(templatesDir, target, {
    quietMode: true,
    pathPrefix,
    config: (eleventyConfig) =>
      configureEleventy(eleventyConfig, { model, pages, templatesDir, ...(onWritten ? { onWritten } : {}), ...(leaveOut ? { leaveOut } : {}) }),
  });
  let copied, templates;
  try {
    [copied, templates] = await eleventy.write();
  } finally {
    // Each run loads its layouts afresh, with its own data: a run's model must not outlive it.
    await forgetEleventyCaches();
  }
  const files: string[] = [];
  const add = (path: string) => files.push(relative(target, resolve(path)).split(sep).join('/'));
  for (const { outputPath } of templates) if (typeof outputPath === 'string') add(outputPath);
  // The assets, copied as they are (each copy's `map` is source → destination).
  for (const copy of (copied ?? []) as { map?: Record<string, string> }[]) for (const destination of Object.values(copy?.map ?? {})) add(destination);
  return files;
}
