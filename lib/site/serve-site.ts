import { watch } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import type { SiteArticle } from '../archive/archived-article.ts';
import { cacheNoteLine, type CacheNote } from '../archive/cache-note.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import { buildSite } from './build-site.ts';
import { collectGarbage } from '../util/collect-garbage.ts';

export type ServeEvent =
  | { type: 'ready'; url: string }
  | { type: 'rebuilt'; pages: number; rendered: number; articles: number; cacheNotes: CacheNote[] }
  | { type: 'error'; reason: string };

export interface ServeSiteOptions {
  contentDir: string;
  config: SiteConfig;
  port: number;
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

function defaultReport(named: Set<string>) {
  return (event: ServeEvent): void => {
    if (event.type === 'ready') process.stdout.write(`serving ${event.url}\n`);
    else if (event.type === 'rebuilt') {
      // A cache that cannot be written would otherwise say so after every change.
      for (const note of event.cacheNotes) {
        if (named.has(note.file)) continue;
        named.add(note.file);
        process.stderr.write(`${cacheNoteLine(note)}\n`);
      }
      process.stdout.write(`rebuilt: ${event.articles} articles, ${event.pages} pages (${event.rendered} written)\n`);
    } else process.stderr.write(`build failed, still serving the previous site: ${event.reason}\n`);
  };
}

/**
 * Builds, serves on localhost with live reload, and rebuilds when anything under contentDir changes.
 * With a cacheDir, a rebuild renders only the pages a change touched and deletes the pages of deleted
 * articles (Eleventy's own watcher never removes output); without one, every rebuild is a whole new site.
 */
export async function serveSite(options: ServeSiteOptions): Promise<void> {
  const report = options.onEvent ?? defaultReport(options.namedCacheFiles ?? new Set());
  const ownOutDir = options.outDir === undefined;
  const outDir = options.outDir ?? (await mkdtemp(join(tmpdir(), 'digest-serve-')));

  let built = false;
  const build = async (): Promise<void> => {
    try {
      const archive = await options.load();
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
      report({ type: 'error', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  await build();
  const server = EleventyDevServer.getServer('digest', outDir, {
    liveReload: true,
    domDiff: false,
    messageOnStart: () => '',
    logger: { log() {}, info() {}, error: (message: string) => process.stderr.write(`${message}\n`) },
  });
  server.serve(options.port);
  await server.ready();
  report({ type: 'ready', url: `http://localhost:${options.port}/` });

  // Changes arrive in bursts (an editor's save, a bot dropping many files): settle, then build once;
  // a change during a build queues exactly one more.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending = false;
  const rebuild = async (): Promise<void> => {
    if (running) {
      pending = true;
      return;
    }
    running = build().then(() => server.reload());
    await running;
    running = undefined;
    if (pending) {
      pending = false;
      await rebuild();
    }
  };
  const watcher = watch(options.contentDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), settleMs);
  });

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
  watcher.close();
  await running;
  await server.close();
  if (ownOutDir) await rm(outDir, { recursive: true, force: true });
}
