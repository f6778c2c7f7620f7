import { renameSync, rmSync } from 'node:fs';
import { lstat, readdir, rename, rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { readOutputMarker, reasonOf } from './output-folder.ts';

/**
 * A new output is built in `fresh`, a sibling of the output (so renames stay on one file system), and
 * swapped in when complete; the old one goes to `stale` for deleting. Both names carry the building
 * process's id, so a later build can tell what a killed one left behind.
 */
export interface SwapFolders {
  fresh: string;
  stale: string;
}

// Stamps of this process's swaps under way: a leftover carrying our pid but none of these is from an
// earlier process that had the same pid.
const active = new Set<string>();

export function swapFolders(outDir: string): SwapFolders & { release: () => void } {
  const stamp = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  active.add(stamp);
  const beside = (kind: string) => join(dirname(outDir), `.${basename(outDir)}.${kind}-${stamp}`);
  return { fresh: beside('building'), stale: beside('old'), release: () => active.delete(stamp) };
}

/**
 * Puts `fresh` at `outDir`. The two renames run back to back, synchronously, so no signal handler or
 * other callback of ours runs between them; a kill in that instant leaves the old site at `stale` and
 * the complete new one at `fresh`, which `recoverInterruptedSwap` sets right. The old site is deleted
 * by a detached `rm` nobody waits for, unless `keep` takes it (and says so).
 */
export function swapIn({ fresh, stale }: SwapFolders, outDir: string, keep?: (stale: string) => boolean): void {
  let hadPrevious = true;
  try {
    renameSync(outDir, stale);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot move the previous site at ${outDir} aside: ${reasonOf(error)}`, { cause: error });
    hadPrevious = false;
  }
  try {
    renameSync(fresh, outDir);
  } catch (error) {
    if (hadPrevious) renameSync(stale, outDir);
    throw new Error(`cannot put the new site at ${outDir}: ${reasonOf(error)}`, { cause: error });
  }
  if (hadPrevious && !keep?.(stale)) discard(stale);
}

/**
 * On start-up, what killed builds left beside `outDir`: when the output path is missing (a kill between
 * the swap's two renames), a complete new site (it has the marker, written last) is put there, or else
 * the old one put back; every other leftover is deleted. Leftovers of builds still running are left alone.
 */
export async function recoverInterruptedSwap(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const prefix = `.${basename(outDir)}.`;
  const names = await readdir(parent).catch(() => [] as string[]);
  const leftovers = names
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({ name, match: /^(building|old)-((\d+)-([0-9a-z]+)(?:-[0-9a-z]+)?)$/.exec(name.slice(prefix.length)) }))
    .filter(({ match }) => match && !isRunning(Number(match[3]), match[2]!))
    // Newest first: the stamp's second part is the time it was made, in base 36.
    .map(({ name, match }) => ({ path: join(parent, name), kind: match![1], made: Number.parseInt(match![4]!, 36) }))
    .sort((a, b) => b.made - a.made);
  if (leftovers.length === 0) return;
  if (!(await lstat(outDir).then(() => true, () => false))) {
    const complete = [];
    for (const leftover of leftovers) if (leftover.kind === 'building' && (await readOutputMarker(leftover.path))) complete.push(leftover);
    const restore = complete[0] ?? leftovers.find((leftover) => leftover.kind === 'old');
    if (restore) {
      await rename(restore.path, outDir);
      leftovers.splice(leftovers.indexOf(restore), 1);
    }
  }
  await Promise.all(leftovers.map(({ path }) => rm(path, { recursive: true, force: true })));
}

/**
 * Deleting the previous output (tens of thousands of files and folders) takes seconds and nobody waits
 * for it: a detached `rm` does it after we exit. Should it not finish, the next build clears what is left.
 */
export function discard(dir: string): void {
  spawn('rm', ['-rf', dir], { detached: true, stdio: 'ignore' }).on('error', () => rmSync(dir, { recursive: true, force: true })).unref();
}

function isRunning(pid: number, stamp: string): boolean {
  if (pid === process.pid) return active.has(stamp);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
