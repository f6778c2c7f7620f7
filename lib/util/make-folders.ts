import { lstatSync, mkdirSync } from 'node:fs';
import { lstat, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// Node's `mkdir(…, { recursive: true })` spins forever at 100% CPU under /proc (it keeps retrying a parent
// it can never create), so missing folders are made one level at a time and the first failure is final.

/** `dir` and any missing parents, one level at a time. */
export async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = dir; !(await lstat(at).then(() => true, () => false)) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  for (const folder of missing) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/** The same, for the few places that must not wait. */
export function makeFoldersSync(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !exists(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** `root` and every folder the files (relative to it, `/` between names) are in: each made once, parents first. */
export function makeFoldersForSync(root: string, files: readonly string[]): void {
  makeFoldersSync(root);
  const folders = new Set<string>();
  for (const file of files) for (let folder = dirname(file); folder !== '.' && !folders.has(folder); folder = dirname(folder)) folders.add(folder);
  for (const folder of [...folders].sort((a, b) => a.length - b.length)) {
    try {
      mkdirSync(join(root, folder));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
