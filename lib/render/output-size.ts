import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** GitHub Pages publishes a site of at most 1 GB; a build says so from here on. */
export const pagesWarningBytes = 900_000_000;

/**
 * The bytes of every file under `dir`, as `upload-pages-artifact` counts them (it archives each file, so a file
 * hard-linked from the previous build counts in full). Symbolic links are not followed.
 */
export async function outputBytes(dir: string): Promise<number> {
  let total = 0;
  // Synchronous, like the lstat calls: Node's recursive readdir as a promise is several times slower.
  const entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  // One synchronous lstat after another: for tens of thousands of small files, several times faster than as promises.
  for (const entry of entries) if (entry.isFile()) total += lstatSync(join(entry.parentPath, entry.name), { throwIfNoEntry: false })?.size ?? 0;
  return total;
}

/** Megabytes as people read them (the 1 GB limit is decimal). */
export const formatMegabytes = (bytes: number): string => `${Math.round(bytes / 1_000_000).toLocaleString('en')} MB`;

/** What a build says when its site has grown past `limit`: how big, why it matters, what to do. */
export function siteSizeWarning(bytes: number, outDir: string, limit = pagesWarningBytes): string | undefined {
  if (bytes <= limit) return undefined;
  return (
    `digest: the site in ${outDir} is ${formatMegabytes(bytes)}: GitHub Pages publishes at most 1 GB. ` +
    `README "Big archives" says what takes the room (\`search: false\` saves about a quarter) and where else to publish.\n`
  );
}
