import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/;
const paginatesPages = /^\s*data:\s*["']?pages\./m;

/**
 * The templates that make one page each (home-less pages like 404, robots, the sitemap, the sources
 * index): those not paginated over `pages.*`. Rendering in several Eleventy runs, only the first one
 * writes them. Paths are relative to the templates folder; layouts and partials are not templates.
 */
export async function singlePageTemplates(templatesDir: string): Promise<string[]> {
  const entries = await readdir(templatesDir, { recursive: true, withFileTypes: true });
  const singles: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.njk')) continue;
    const path = join(entry.parentPath, entry.name).slice(templatesDir.length + 1).split('\\').join('/');
    if (path.startsWith('_includes/') || path.startsWith('_data/')) continue;
    const matter = frontMatter.exec(await readFile(join(templatesDir, path), 'utf8'))?.[1] ?? '';
    if (!paginatesPages.test(matter)) singles.push(path);
  }
  return singles.sort();
}
