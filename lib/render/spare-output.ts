import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, lstatSync, readFileSync, renameSync, rmSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { outputMarkerName, readOutputMarkerSync } from './output-folder.ts';
import { discard, swapFolders } from './output-swap.ts';
import { isSearchIndexFile, searchIndexFolder } from './output-size.ts';
import { makeFoldersForSync } from '../util/make-folders.ts';

/**
 * The output a build replaced, kept in the cache as the next build's starting point. A build makes its new
 * output beside the published one and swaps it in whole; made from nothing, that meant a folder made and a
 * link written for every unchanged page (0.5 s of a one-file rebuild at 10,000 articles, mostly `mkdir`), and
 * the old output deleted afterwards. The replaced output already holds nearly every page the next build
 * carries over, as hard links to the same files: only the pages that differ between the two are put right.
 *
 * What it differs in is written beside it: every file either of the two outputs holds and the other does not
 * hold the same. It is used only while its marker names the site it was and the published output's marker
 * the site it was described against; anything else, and it is deleted and the build starts from nothing.
 * The search index (`search/`) is never kept: it is written anew or carried over bundle by bundle as before.
 */
const descriptionSchema = z.object({
  format: z.literal(1),
  /** The spare's own site (its marker). */
  site: z.string(),
  /** The published output it was described against. */
  beside: z.string(),
  /** Files (relative to either output) that are not the same file in both: changed, added or removed. */
  differs: z.array(z.string()),
});
type SpareDescription = z.infer<typeof descriptionSchema>;

const spareName = (outDir: string) => `spare-output-${createHash('sha1').update(outDir).digest('hex').slice(0, 12)}`;
const sparePath = (cacheDir: string, outDir: string) => join(cacheDir, spareName(outDir));
const descriptionPath = (cacheDir: string, outDir: string) => `${sparePath(cacheDir, outDir)}.json`;

/** A spare is used while at most one file in this many of those carried over must be put right. */
const spareWorthPerFile = 4;

export interface TakeSpareOptions {
  cacheDir: string;
  outDir: string;
  /** Where the new output is made. */
  fresh: string;
  /** The published output's site (its marker, and the manifest's). */
  outSite: string;
  /** Every file of the published output. */
  listed: ReadonlySet<string>;
  /**
   * Every file the published output was written with (its manifest's): the spare holds no other but those where the
   * two differ, even when a file has gone from the published output since.
   */
  known: Iterable<string>;
  /** The files the new output takes unchanged from the published one. */
  reuse: readonly string[];
}

/**
 * Moves the spare to `fresh` and leaves in it exactly the files of `reuse`, each the published output's own.
 * False when there was no spare to use (one that does not match is deleted): `fresh` is then not made.
 */
export function takeSpare({ cacheDir, outDir, fresh, outSite, listed, known, reuse }: TakeSpareOptions): boolean {
  const spare = sparePath(cacheDir, outDir);
  const description = readDescription(descriptionPath(cacheDir, outDir));
  // From here on the spare is no longer described: a build killed while it is put right leaves nothing that is trusted.
  removeFile(descriptionPath(cacheDir, outDir));
  const marker = readOutputMarkerSync(spare);
  if (!description || description.beside !== outSite || marker?.site !== description.site || readOutputMarkerSync(outDir)?.site !== outSite) {
    discardFolder(spare, outDir);
    return false;
  }
  const differs = new Set(description.differs);
  const reused = new Set(reuse);
  const unused = [...new Set([...listed, ...known])].filter((file) => !reused.has(file) && !differs.has(file) && !isSearchIndexFile(file) && file !== outputMarkerName);
  // Putting a file right (unlinking it, linking another) costs several times what carrying one over into a new folder
  // does: after a build that rendered much (a restyled template), starting from nothing is quicker.
  if ((differs.size + unused.length) * spareWorthPerFile > reuse.length) {
    discardFolder(spare, outDir);
    return false;
  }
  removeFile(join(spare, outputMarkerName));
  try {
    renameSync(spare, fresh);
  } catch {
    discardFolder(spare, outDir);
    return false;
  }
  discardFolder(join(fresh, searchIndexFolder), outDir);
  const removed: string[] = [];
  for (const file of [...differs, ...unused]) if (!isSearchIndexFile(file) && removeFile(join(fresh, file))) removed.push(file);
  removeEmptyFolders(fresh, removed);
  // Every file taken unchanged must be the published one itself (the same inode): a spare's file damaged or replaced
  // in the cache is never published. Two lstat calls a file, a fifth of what making the folders and links costs.
  const missing = reuse.filter((file) => differs.has(file) || !sameFile(join(fresh, file), join(outDir, file)));
  for (const file of missing) removeFile(join(fresh, file));
  makeFoldersForSync(fresh, missing);
  for (const file of missing) {
    try {
      linkSync(join(outDir, file), join(fresh, file));
    } catch {
      copyFileSync(join(outDir, file), join(fresh, file));
    }
  }
  return true;
}

export interface KeepSpareOptions {
  cacheDir: string;
  outDir: string;
  /** The output just replaced, and its site. */
  stale: string;
  staleSite: string;
  /** The new output's site. */
  site: string;
  /** The files of the replaced output that the new one did not take unchanged, the search index aside. */
  replaced: readonly string[];
  /** Every file the build wrote (rendered, copied), the search index aside. */
  written: readonly string[];
}

/** Keeps the replaced output as the spare; false when it cannot be (the cache on another file system, say). */
export function keepSpare({ cacheDir, outDir, stale, staleSite, site, replaced, written }: KeepSpareOptions): boolean {
  const differs = new Set<string>();
  for (const file of replaced) if (file !== outputMarkerName) differs.add(file);
  for (const file of written) if (!isSearchIndexFile(file)) differs.add(file);
  try {
    renameSync(stale, sparePath(cacheDir, outDir));
    const description: SpareDescription = { format: 1, site: staleSite, beside: site, differs: [...differs] };
    const file = descriptionPath(cacheDir, outDir);
    writeFileSync(`${file}.tmp`, JSON.stringify(description));
    renameSync(`${file}.tmp`, file);
    return true;
  } catch {
    return false;
  }
}

function readDescription(file: string): SpareDescription | undefined {
  try {
    const parsed = descriptionSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function sameFile(a: string, b: string): boolean {
  const first = lstatSync(a, { throwIfNoEntry: false });
  if (!first) return false;
  const second = lstatSync(b, { throwIfNoEntry: false });
  return second !== undefined && first.ino === second.ino && first.dev === second.dev;
}

/** Whether there was a file to remove. */
function removeFile(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Moved aside at once and deleted by a process nobody waits for, as a replaced output is. Where it cannot be
 * moved, deleted here and now: a deletion running on in the background could take the next spare kept there.
 */
function discardFolder(dir: string, outDir: string): void {
  const aside = swapFolders(outDir);
  try {
    renameSync(dir, aside.stale);
    discard(aside.stale);
  } catch {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  } finally {
    aside.release();
  }
}

/** The folders of removed files that are left empty (a page gone), innermost first, up to `root`. */
function removeEmptyFolders(root: string, removed: readonly string[]): void {
  const tried = new Set<string>();
  for (const file of removed) {
    for (let folder = dirname(file); folder !== '.' && !tried.has(folder); folder = dirname(folder)) {
      tried.add(folder);
      try {
        rmdirSync(join(root, folder));
      } catch {
        break;
      }
    }
  }
}
