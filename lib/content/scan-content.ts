import { readdirSync, type Dirent } from 'node:fs';
import { join, extname, basename } from 'node:path';
import { readErrorReason } from '../read/read-error-reason.ts';

export interface ContentScan {
  /** Article files, relative to the content folder with forward slashes, sorted. */
  articles: string[];
  /** Everything else under the folder: images, `.gitkeep`, a README explaining the folder, links. */
  ignored: string[];
  /** Folders that could not be listed (the files in them are unknown), each one entry with the reason. */
  unreadable: { file: string; reason: string }[];
}

const articleExtensions = new Set(['.txt', '.md', '.html', '.htm']);
const notesAboutTheFolder = /^(readme|license|licence|changelog|contributing)(\.[a-z]+)?$/i;

export function isArticleFile(file: string): boolean {
  const name = basename(file);
  return !name.startsWith('.') && articleExtensions.has(extname(name).toLowerCase()) && !notesAboutTheFolder.test(name);
}

/**
 * Every file under `contentDir`, at any depth, split into article files and ignored ones. Folders are listed one
 * at a time (not with a recursive readdir) so that one the user cannot read costs only itself.
 */
export async function scanContent(contentDir: string): Promise<ContentScan> {
  const scan: ContentScan = { articles: [], ignored: [], unreadable: [] };
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(contentDir, folder), { withFileTypes: true });
    } catch (error) {
      if (folder === '') throw error;
      scan.unreadable.push({ file: folder, reason: readErrorReason(error) });
      continue;
    }
    for (const entry of entries) {
      const file = folder === '' ? entry.name : `${folder}/${entry.name}`;
      // A link could lead outside the content folder: never follow one.
      if (entry.isDirectory()) folders.push(file);
      else if (entry.isFile() && isArticleFile(file)) scan.articles.push(file);
      else scan.ignored.push(file);
    }
  }
  scan.articles.sort();
  scan.ignored.sort();
  scan.unreadable.sort((a, b) => (a.file < b.file ? -1 : 1));
  return scan;
}
