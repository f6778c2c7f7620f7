import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CorpusTemplate } from './corpus-templates.ts';
import { writeRawArticle, type PlannedArticle } from './generate-archive.ts';
import { articlePagePath } from './site-page-path.ts';
import { startChild, stopChild } from './timed-process.ts';

export interface DropTiming {
  path: string;
  /** Seconds from the file write to the page served with its title; undefined when it never came. */
  seconds: number | undefined;
}

export interface ServeResult {
  /** Seconds from starting `digest serve` to its home page answering. */
  startSeconds: number | undefined;
  drops: DropTiming[];
  failure: string | undefined;
}

export interface ServeOptions {
  repoDir: string;
  contentDir: string;
  cacheDir: string;
  /** The site configuration serve runs with (the one the warm cache was built with). */
  configFile: string;
  logDir: string;
  timeZone: string;
  drops: readonly PlannedArticle[];
  templates: readonly CorpusTemplate[];
  /** How long the first build may take before serve counts as failed. */
  startLimitMs: number;
  /** How long one dropped file may take to appear. */
  dropLimitMs: number;
}

const pollMs = 20;
/** A request the server holds (it may accept connections mid-build) must not stall the polling. */
const requestLimitMs = 2000;

/** `digest serve` on the archive: how long each dropped file takes to be served as a page. */
export async function measureServe(options: ServeOptions): Promise<ServeResult> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = await startChild(process.execPath, ['bin/digest.js', 'serve', '--config', options.configFile, '--content', options.contentDir, '--port', String(port), '--cache', options.cacheDir], {
    cwd: options.repoDir,
    logDir: options.logDir,
    name: 'serve',
  });
  try {
    const up = await pollUntil(`${base}/`, undefined, options.startLimitMs, () => child.exitCode !== null);
    if (!up) {
      const why = child.exitCode !== null ? `exited with ${child.exitCode}` : `home page not served within ${options.startLimitMs / 1000} s`;
      return { startSeconds: undefined, drops: [], failure: `digest serve ${why} (log: ${options.logDir}/serve.err)` };
    }
    const startSeconds = (performance.now() - started) / 1000;
    const drops: DropTiming[] = [];
    for (const drop of options.drops) {
      // Let the watcher settle after the previous rebuild, so each drop is timed on its own.
      await sleep(1000);
      const path = articlePagePath(drop, options.timeZone);
      const written = performance.now();
      await writeRawArticle(options.contentDir, drop, options.templates);
      const served = await pollUntil(`${base}${encodeURI(path)}`, drop.title, options.dropLimitMs, () => child.exitCode !== null);
      drops.push({ path, seconds: served ? (performance.now() - written) / 1000 : undefined });
    }
    return { startSeconds, drops, failure: undefined };
  } finally {
    await stopChild(child);
  }
}

/** GETs `url` every 20 ms until it answers 200 (with `text` in the page, when given); false after `limitMs`. */
async function pollUntil(url: string, text: string | undefined, limitMs: number, gaveUp: () => boolean): Promise<boolean> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline && !gaveUp()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(requestLimitMs) });
      const body = await response.text();
      if (response.status === 200 && (text === undefined || body.includes(text))) return true;
    } catch {
      // Not listening yet, or mid-rebuild.
    }
    await sleep(pollMs);
  }
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
