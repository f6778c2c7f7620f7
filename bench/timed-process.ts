import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One timed child process: wall seconds and peak memory as GNU time measured them. */
export interface TimedRun {
  seconds: number;
  /**
   * Peak memory of the child in KiB: the larger of GNU time's max RSS (one process; worker threads live in it) and
   * the peak of the RSS of the child and every process it started, summed (sampled every 200 ms), so a build that
   * runs Pagefind services beside itself is counted with them.
   */
  maxRssKiB: number;
  code: number | null;
  /** The last lines of its stderr, for the error message when it fails. */
  stderrTail: string;
}

const live = new Set<ChildProcess>();

/** Kills every child still running, with its whole process group: for exits and signals. */
export function killChildren(): void {
  for (const child of live) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
  live.clear();
}

/** Starts a child in its own process group so it and everything it spawns can be killed together. */
export function startChild(command: string, args: string[], options: { cwd: string; logDir: string; name: string }): Promise<ChildProcess> {
  return Promise.all([open(join(options.logDir, `${options.name}.out`), 'w'), open(join(options.logDir, `${options.name}.err`), 'w')]).then(([out, err]) => {
    const child = spawn(command, args, { cwd: options.cwd, detached: true, stdio: ['ignore', out.fd, err.fd] });
    live.add(child);
    child.on('exit', () => {
      live.delete(child);
      void out.close();
      void err.close();
    });
    return child;
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return resolve();
    }
    setTimeout(() => {
      if (child.exitCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }, 5000).unref();
  });
}

/** Runs `command args` under `/usr/bin/time -f '%e %M'`, its output kept in `logDir/<name>.{out,err,time}`. */
export async function timedRun(command: string, args: string[], options: { cwd: string; logDir: string; name: string }): Promise<TimedRun> {
  const timeFile = join(options.logDir, `${options.name}.time`);
  const child = await startChild('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, command, ...args], options);
  let treePeakKiB = 0;
  const sampler = setInterval(() => (treePeakKiB = Math.max(treePeakKiB, groupRssKiB(child.pid!))), 250);
  const code = await new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  clearInterval(sampler);
  const stderr = await readFile(join(options.logDir, `${options.name}.err`), 'utf8').catch(() => '');
  const stderrTail = stderr.trimEnd().split('\n').slice(-15).join('\n');
  const timeText = await readFile(timeFile, 'utf8').catch(() => '');
  // GNU time writes "Command exited with non-zero status N" above the figures when the child fails.
  const figures = timeText.trim().split('\n').at(-1)?.split(' ') ?? [];
  const seconds = Number(figures[0]);
  const maxRssKiB = Math.max(Number(figures[1]), treePeakKiB);
  return { seconds: Number.isFinite(seconds) ? seconds : Number.NaN, maxRssKiB: Number.isFinite(maxRssKiB) ? maxRssKiB : Number.NaN, code, stderrTail };
}

/**
 * The RSS of every process in the process group `pgid` (a child started detached leads its own), summed: one
 * synchronous read of `/proc/<pid>/stat` a process, which holds both its group and its RSS, so a sample costs
 * about 4 ms (134 processes), 1.4 % of a core at four a second. (Process ids wrap around, so a process of the
 * group may have a smaller id than its leader: every process is looked at.)
 */
function groupRssKiB(pgid: number): number {
  let pages = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.charCodeAt(0) < 48 || entry.charCodeAt(0) > 57) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      // Fields after the command name (which may hold spaces, in parentheses): state, ppid, pgrp, … rss is the 22nd.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pages += Number(fields[21]);
    } catch {
      // Gone between the listing and the read.
    }
  }
  return (pages * pageBytes) / 1024;
}

const pageBytes = 4096;
