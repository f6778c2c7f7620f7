import { readdir } from 'node:fs/promises';
import { join, relative, sep, extname, basename } from 'node:path';

export interface ContentScan {
  /** Article files, relative to the content folder with forward slashes, sorted. */
  articles: string[];
  /** Everything else under the folder: images, `.gitkeep`, a README explaining the folder, links. */
  ignored: string[];
}

const articleExtensions = new Set(['.txt', '.md', '.html', '.htm']);
const notesAboutTheFolder = /^(readme|license|licence|changelog|contributing)(\.[a-z]+)?$/i;

export function isArticleFile(file: string): boolean {
  const name = basename(file);
  return !name.startsWith('.') && articleExtensions.has(extname(name).toLowerCase()) && !notesAboutTheFolder.test(name);
}

/** Every file under `contentDir`, at any depth, split into article files and ignored ones. */
export async function scanContent(contentDir: string): Promise<ContentScan> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const scan: ContentScan = { articles: [], ignored: [] };
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const file = relative(contentDir, join(entry.parentPath, entry.name)).split(sep).join('/');
    // A link could lead outside the content folder: never follow one.
    if (entry.isFile() && isArticleFile(file)) scan.articles.push(file);
    else scan.ignored.push(file);
  }
  scan.articles.sort();
  scan.ignored.sort();
  return scan;
}
