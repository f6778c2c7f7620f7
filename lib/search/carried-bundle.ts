import { linkSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { makeFoldersSync } from '../util/make-folders.ts';
import { join } from 'node:path';

/**
 * Each bundle folder names the key it was made under (see `bundleKey`), written once the folder is complete: a
 * folder without it, or with another key, is never reused. So a build reuses, without reading them, the bundles
 * of the output it replaces (hard links, as unchanged pages are) or of the folder it serves in, and goes to the
 * checked cache only for the others.
 */
const keyFile = 'bundle-key.txt';

export function bundleKeyIn(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, keyFile), 'utf8');
  } catch {
    return undefined;
  }
}

/** Marks a complete bundle folder as made under `key`. */
export const markBundle = (dir: string, key: string): void => writeFileSync(join(dir, keyFile), key);

/** Hard-links every file of the bundle folder `from` into `to` (made anew); false, leaving no `to`, when any link fails. */
export function linkBundle(from: string, to: string): boolean {
  try {
    rmSync(to, { recursive: true, force: true });
    const entries = readdirSync(from, { recursive: true, withFileTypes: true });
    makeFoldersSync(to);
    for (const entry of entries) {
      const relative = join(entry.parentPath, entry.name).slice(from.length + 1);
      if (entry.isDirectory()) makeFoldersSync(join(to, relative));
      else if (entry.isFile()) linkSync(join(from, relative), join(to, relative));
    }
    return true;
  } catch {
    rmSync(to, { recursive: true, force: true });
    return false;
  }
}
