import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filesUnder } from '../util/files-under.ts';
import { makeFolders } from '../util/make-folders.ts';

/**
 * Search bundles and the page script are kept in the cache with the SHA-256 of every file beside them
 * (`<name>.sums`), and taken out only when each file still matches: a damaged cache never reaches a
 * published index, it only costs indexing that bundle again. Files are copied, never linked, between the cache and
 * an output, so damage to one never reaches the other (a reflink where the file system has them).
 */
export type CheckedRead = 'copied' | 'missing' | 'damaged';

const sumsOf = (path: string) => `${path}.sums`;
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('base64url');

/** Every file under `dir`, relative, sorted; undefined when there is no such folder. */
const sortedFilesUnder = (dir: string): string[] | undefined => filesUnder(dir)?.sort();

/** Copies every file of `from` into `to`, making folders as needed. */
async function copyFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  await makeFolders(to);
  for (const folder of new Set(files.map((file) => join(to, file, '..')))) await makeFolders(folder);
  await Promise.all(files.map((file) => copyFile(join(from, file), join(to, file), constants.COPYFILE_FICLONE)));
}

/** A complete folder (a bundle just indexed into the output) kept in the cache as `cached`, sealed. */
export async function keepFolderInCache(from: string, cached: string): Promise<void> {
  const temporary = `${cached}.${process.pid}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  await copyFiles(from, temporary, sortedFilesUnder(from) ?? []);
  await rm(cached, { recursive: true, force: true });
  await rename(temporary, cached);
  await sealInCache(cached, 'folder');
}

/** Records the checksums of `path` (a folder's files, or one file) once it is complete in the cache. */
export async function sealInCache(path: string, kind: 'folder' | 'file'): Promise<void> {
  const sums: Record<string, string> = {};
  if (kind === 'file') sums[''] = sha256(await readFile(path));
  else for (const file of sortedFilesUnder(path) ?? []) sums[file] = sha256(await readFile(join(path, file)));
  const temporary = `${sumsOf(path)}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(sums));
  await rename(temporary, sumsOf(path));
}

async function readSums(path: string): Promise<Record<string, string> | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(sumsOf(path), 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

/** The cached folder `from` into `to` (replacing it), when every file is as sealed. */
export async function copyFolderChecked(from: string, to: string): Promise<CheckedRead> {
  const files = sortedFilesUnder(from);
  const sums = await readSums(from);
  if (files === undefined && sums === undefined) return 'missing';
  if (files === undefined || sums === undefined) return 'damaged';
  const sealed = Object.keys(sums).sort();
  if (sealed.length !== files.length || sealed.some((file, index) => file !== files[index])) return 'damaged';
  for (const file of files) if (sha256(await readFile(join(from, file))) !== sums[file]) return 'damaged';
  await rm(to, { recursive: true, force: true });
  await copyFiles(from, to, files);
  return 'copied';
}

/** The cached file `from` to `to`, when it is as sealed. */
export async function copyFileChecked(from: string, to: string): Promise<CheckedRead> {
  const sums = await readSums(from);
  const bytes = await readFile(from).catch(() => undefined);
  if (bytes === undefined && sums === undefined) return 'missing';
  if (bytes === undefined || sums?.[''] !== sha256(bytes)) return 'damaged';
  await writeFile(to, bytes);
  return 'copied';
}
