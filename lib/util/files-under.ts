import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `dir`, relative to it with forward slashes (symbolic links are not files); undefined when
 * `dir` cannot be read. Synchronous: Node's recursive readdir as a promise took 0.5–1.1 s for the 23,000 entries of a
 * 10,000-article site (a folder per page), the synchronous one 0.12 s.
 */
export function filesUnder(dir: string): string[] | undefined {
  try {
    const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/'));
  } catch {
    return undefined;
  }
}
