import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../util/files-under.ts';
import { makeFoldersForSync } from '../util/make-folders.ts';
import { bundleBytes, type BundleBytes } from './bundle-bytes.ts';

/**
 * Each bundle folder names the key it was made under (see `bundleKey`), written once the folder is complete: a
 * folder without it, or with another key, is never reused. So a build reuses, without reading them, the bundles
 * of the output it replaces (hard links, as unchanged pages are) or of the folder it serves in, and goes to the
 * checked cache only for the others.
 */
const keyFile = 'bundle-key.txt';
/** What the bundle costs a query, measured when it was marked: reused with the folder, never measured again. */
const bytesFile = 'bundle-bytes.json';

export function bundleKeyIn(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, keyFile), 'utf8');
  } catch {
    return undefined;
  }
}

/** Marks a complete bundle folder as made under `key`, with what it costs a query (the key last). */
export async function markBundle(dir: string, key: string): Promise<void> {
  writeFileSync(join(dir, bytesFile), JSON.stringify(await bundleBytes(dir)));
  writeFileSync(join(dir, keyFile), key);
}

/** What a bundle folder costs a query: as measured when it was marked, or measured now (a folder of older code). */
export async function markedBytes(dir: string): Promise<BundleBytes> {
  try {
    const bytes = JSON.parse(readFileSync(join(dir, bytesFile), 'utf8')) as Partial<BundleBytes>;
    if ([bytes.open, bytes.word, bytes.result].every((value) => typeof value === 'number' && Number.isFinite(value))) return bytes as BundleBytes;
  } catch {
    // Measured below.
  }
  return bundleBytes(dir);
}

/** Hard-links every file of the bundle folder `from` into `to` (made anew); false, leaving no `to`, when any link fails. */
export function linkBundle(from: string, to: string): boolean {
  try {
    rmSync(to, { recursive: true, force: true });
    const files = filesUnder(from);
    if (!files) return false;
    makeFoldersForSync(to, files);
    for (const file of files) linkSync(join(from, file), join(to, file));
    return true;
  } catch {
    rmSync(to, { recursive: true, force: true });
    return false;
  }
}
