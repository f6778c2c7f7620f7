import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteArticle } from '../archive/archived-article.ts';
import { cacheNoteLine, type CacheNote } from '../archive/cache-note.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import { fail, ok, type Result } from '../result.ts';
import { buildSite } from './build-site.ts';
import { type DevServer, startDevServer } from './dev-server.ts';
import { watchContentFolder } from './watch-content-folder.ts';
import { collectGarbage } from '../util/collect-garbage.ts';

export type ServeEvent =
  /** `everywhere`: bound to every interface (0.0.0.0 or ::), so reachable from the network. */
  | { type: 'ready'; url: string; address: AddressInfo; everywhere: boolean }
  | { type: 'rebuilt'; pages: number; rendered: number; articles: number; cacheNotes: CacheNote[] }
  | { type: 'error'; reason: string }
  /** `at: 'start'`: there was no content folder to begin with, and an empty site is served. */
  | { type: 'content-missing'; dir: string; at: 'start' | 'removed' }
  | { type: 'content-back'; dir: string };

export interface ServeSiteOptions {
  contentDir: string;
  config: SiteConfig;
  port: number;
  /** The address to listen on (default 127.0.0.1: this machine only). */
  host?: string;
  /** Re-reads the archive; called once at start and after every change under contentDir. */
  load: () => Promise<{ articles: SiteArticle[] }>;
  /** Where pages are written; a fresh temporary folder when absent (removed on close). */
  outDir?: string;
  /** Stops serving; without it, serving stops on SIGINT/SIGTERM. */
  signal?: AbortSignal;
  onEvent?: (event: ServeEvent) => void;
  templatesDir?: string;
  /** Remembers what each page showed, so a rebuild renders only what a change touched. */
  cacheDir?: string;
  /** outDir is kept in the cache: its files are checked before they are carried over (see `checkOutput` of buildSite). */
  checkOutput?: boolean;
  /** Cache files and folders already named in a note (by loading, say): each is named once while serving. */
  namedCacheFiles?: Set<string>;
}

// Long enough to take an editor's save or a bot's burst of files as one change, short enough not to be felt.
const settleMs = 60;

const defaultHost = '127.0.0.1';

/** `content/`: the folder as the user named it. */
const folderLabel = (dir: string): string => `${dir.replace(/[/\\]+$/, '')}/`;

export function formatServeEvent(event: ServeEvent): { stream: 'stdout' | 'stderr'; line: string } {
  switch (event.type) {
    case 'ready':
      return {
        stream: 'stdout',
        line: event.everywhere
          ? `serving ${event.url} on every interface (${event.address.address} port ${event.address.port}): anyone on the network can read it`
          : `serving ${event.url}`,
      };
    case 'rebuilt':
      return { stream: 'stdout', line: `rebuilt: ${event.articles} articles, ${event.pages} pages (${event.rendered} written)` };
    case 'error':
      return { stream: 'stderr', line: `build failed, still serving the previous site: ${event.reason}` };
    case 'content-missing':
      return {
        stream: 'stderr',
        line: event.at === 'start' ? `${folderLabel(event.dir)} does not exist: serving an empty site, waiting for it` : `${folderLabel(event.dir)} was removed: waiting for it`,
      };
    case 'content-back':
      return { stream: 'stdout', line: `${folderLabel(event.dir)} is back: watching again` };
  }
}

function defaultReport(named: Set<string>) {
  return (event: ServeEvent): void => {
    if (event.type === 'rebuilt') {
      // A cache that cannot be written would otherwise say so after every change.
      for (const note of event.cacheNotes) {
        if (named.has(note.file)) continue;
        named.add(note.file);
        process.stderr.write(`${cacheNoteLine(note)}\n`);
      }
    }
    const { stream, line } = formatServeEvent(event);
    process[stream].write(`${line}\n`);
  };
}

/**
 * Builds, serves on 127.0.0.1 (or the host given) with live reload, and rebuilds when anything under
 * contentDir changes; a content folder removed and created again is watched again. With a cacheDir, a
 * rebuild renders only the pages a change touched and deletes the pages of deleted articles (Eleventy's own
 * watcher never removes output); without one, every rebuild is a whole new site. Fails only when it cannot
 * listen.
 */
export async function serveSite(options: ServeSiteOptions): Promise<Result<undefined>> {
  const report = options.onEvent ?? defaultReport(options.namedCacheFiles ?? new Set());
  const ownOutDir = options.outDir === undefined;
  const outDir = options.outDir ?? (await mkdtemp(join(tmpdir(), 'digest-serve-')));

  let server: DevServer | undefined;
  // Changes arrive in bursts (an editor's save, a bot dropping many files): settle, then build once;
  // a change during a build (the first one included) queues exactly one more.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending = false;
  const rebuild = async (): Promise<void> => {
    if (running) {
      pending = true;
      return;
    }
    running = build().then(() => server?.reload());
    await running;
    running = undefined;
    if (pending) {
      pending = false;
      await rebuild();
    }
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), settleMs);
  };
  const folder = watchContentFolder(options.contentDir, {
    onChange: schedule,
    onRemoved: () => report({ type: 'content-missing', dir: options.contentDir, at: 'removed' }),
    onBack: () => {
      report({ type: 'content-back', dir: options.contentDir });
      schedule();
    },
  });

  let built = false;
  const build = async (): Promise<void> => {
    // A folder being removed (its files first, then itself) is not a change to build; while it is away the last site stays.
    if (built && !folder.present()) return;
    try {
      // None at start: the empty site, so there is something to serve until the folder comes.
      const archive = folder.present() ? await options.load() : { articles: [] };
      const { pages, rendered, cacheNotes } = await buildSite({
        archive,
        config: options.config,
        outDir,
        mode: 'serve',
        // After the first build, only what changed is written, straight into the folder being served.
        update: built ? 'in-place' : 'swap',
        ...(options.templatesDir === undefined ? {} : { templatesDir: options.templatesDir }),
        ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
        ...(options.checkOutput ? { checkOutput: true } : {}),
      });
      built = true;
      report({ type: 'rebuilt', pages, rendered, articles: archive.articles.length, cacheNotes });
      // Between changes nobody waits: collect the last build's garbage now rather than in the middle of the next.
      setImmediate(collectGarbage);
    } catch (error) {
      // Files vanishing under the build because the whole folder is going: the watch says that, once.
      if (!existsSync(options.contentDir)) return;
      report({ type: 'error', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  if (!folder.present()) report({ type: 'content-missing', dir: options.contentDir, at: 'start' });
  await rebuild();
  const host = options.host ?? defaultHost;
  const started = await startDevServer({ dir: outDir, host, port: options.port, onError: (message) => process.stderr.write(`${message}\n`) });
  if (!started.ok) {
    folder.close();
    clearTimeout(timer);
    await running;
    if (ownOutDir) await rm(outDir, { recursive: true, force: true });
    return fail(started.reason);
  }
  server = started.value;
  report({ type: 'ready', ...servedAt(server.address) });

  await new Promise<void>((resolve) => {
    if (options.signal) {
      if (options.signal.aborted) resolve();
      else options.signal.addEventListener('abort', () => resolve(), { once: true });
    } else {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }
  });
  clearTimeout(timer);
  folder.close();
  await running;
  await server.close();
  if (ownOutDir) await rm(outDir, { recursive: true, force: true });
  return ok(undefined);
}

/** The URL to open: the address really bound, or localhost when bound to every interface. */
function servedAt(address: AddressInfo): { url: string; address: AddressInfo; everywhere: boolean } {
  const everywhere = address.address === '0.0.0.0' || address.address === '::';
  const host = everywhere ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${host}:${address.port}/`, address, everywhere };
}
