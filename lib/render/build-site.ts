import { rm, stat } from 'node:fs/promises';
import { copyFileSync, linkSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import type { SiteArticle } from '../archive/archived-article.ts';
import { unwritable, type CacheNote } from '../archive/cache-note.ts';
import type { SiteConfig } from '../config/site-config-schema.ts';
import { buildSiteModel } from '../site/site-model.ts';
import { normalizePathPrefix } from '../site/site-paths.ts';
import { planRender, type PagedModel, type RenderManifest, type RenderPlan } from './render-plan.ts';
import type { SiteModel } from '../site/site-model.ts';
import { forgetViewMemos, type ArticleView } from '../site/article-view.ts';
import { singlePageTemplates } from './single-page-templates.ts';
import { mapInBatches } from '../util/map-in-batches.ts';
import { phaseDone } from '../util/phase-timings.ts';
import { collectGarbageAbove } from '../util/collect-garbage.ts';
import { listOutput, readRenderManifest, type ReadRenderManifest, sharedRenderKey, stampOutputs, unchangedOutputs, writeRenderManifest, type OutputStamps, type SiteManifest } from './render-manifest.ts';
import { outputMarkerName, readOutputMarker, writeOutputMarker } from './output-folder.ts';
import { recoverInterruptedSwap, swapFolders, swapIn } from './output-swap.ts';
import { keepSpare, takeSpare } from './spare-output.ts';
import { makeFolders, makeFoldersForSync } from '../util/make-folders.ts';
import { startRenderHelper } from './render-helper.ts';
import { renderRun } from './render-run.ts';
import { writeSearchIndex, type SearchIndexOptions } from '../search/write-search-index.ts';
import { searchEntries } from '../search/search-entry.ts';
import { lookUpStories } from '../stories/cached-stories.ts';
import { noStories, type Stories } from '../stories/group-stories.ts';
import { bytesOfFiles, isSearchIndexFile, outputBytes, searchIndexFolder } from './output-size.ts';
import { searchCodeVersion } from '../search/search-code-version.ts';

export const defaultTemplatesDir = fileURLToPath(new URL('../../templates', import.meta.url));

export interface BuildSiteOptions {
  archive: { articles: SiteArticle[] };
  config: SiteConfig;
  outDir: string;
  /** `/repo/` for a GitHub Pages project site; the site root when absent. */
  pathPrefix?: string;
  /** `serve` lets the dev server's reload script through the page's security policy. */
  mode?: 'build' | 'serve';
  templatesDir?: string;
  /**
   * Where to remember what each page showed. With it, a rebuild renders only the pages whose
   * content changed and carries the others over from the previous output; without it, everything is rendered.
   */
  cacheDir?: string;
  /**
   * `in-place` (serve): render the changed pages straight into the served folder and delete the pages
   * that are gone, instead of building a complete new folder and swapping it in. Needs a cacheDir and
   * a previous build of outDir; without them it builds the usual way.
   */
  update?: 'swap' | 'in-place';
  /**
   * The output folder is a cache too (serve's, kept in the cache folder): a file is carried over only while its
   * size and modification time are those it was written with, so one damaged since is rendered again.
   */
  checkOutput?: boolean;
  /** Pages per Eleventy run: Eleventy holds every page of a run in memory until the run ends. */
  pagesPerRun?: number;
  /** Threads rendering runs at once (at most two: the main one and a helper); defaults to two on a multi-core machine, one past 60,000 articles. */
  renderThreads?: number;
  /** URLs per sitemap file (the protocol's 50,000 unless a test asks for fewer). */
  sitemapUrlsPerFile?: number;
  /** Progress of rendering: files written so far, of about how many. */
  onProgress?: (progress: { written: number; total: number }) => void;
}

export interface BuiltSite {
  /** HTML pages in the output. */
  pages: number;
  /** Of those, how many were rendered this time (the rest were unchanged). */
  rendered: number;
  /** What was wrong with the cache and worked around: a damaged render manifest, a cache folder that cannot be written. */
  cacheNotes: CacheNote[];
  /** The output's bytes (see `outputBytes`), when the build counted them. */
  bytes?: number;
}

/** Renders the whole archive into `outDir`, replacing what was there only once the new site is complete. */
export async function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const outDir = resolve(options.outDir);
  const pathPrefix = normalizePathPrefix(options.pathPrefix);
  const templatesDir = options.templatesDir ?? defaultTemplatesDir;
  await recoverInterruptedSwap(outDir);
  const read = options.cacheDir ? await describedOutput(options.cacheDir, outDir) : {};
  const previous: SiteManifest | undefined = read.manifest;
  const inPlace = options.update === 'in-place' && previous !== undefined;
  let found: ReturnType<typeof lookUpStories> | undefined = lookUpStories(options.archive.articles, options.cacheDir);
  const modelOf = (stories: Stories) =>
    buildSiteModel({ articles: options.archive.articles, config: options.config, pathPrefix, mode: options.mode ?? 'build', stories, ...(options.sitemapUrlsPerFile ? { sitemapUrlsPerFile: options.sitemapUrlsPerFile } : {}) });
  // serve, articles added: grouping them into stories takes 0.2-0.35 s at 10,000 articles (4 s at 100,000), so their
  // pages are written first without story and related links, and again with them once grouped (the browser reloads then).
  const ungrouped = inPlace && !found.kept && options.archive.articles.length > articlePages(previous) ? noStories(options.archive.articles.length) : undefined;
  const writtenEarly = ungrouped ? await renderNewArticlesFirst(previous!, { model: modelOf(ungrouped), stories: ungrouped, templatesDir, pathPrefix, target: outDir, options }) : undefined;
  let stories: Stories | undefined = found.kept ?? found.group();
  phaseDone('stories');
  let model: SiteModel | undefined = modelOf(stories);
  phaseDone('site model');
  const cacheNotes = [...found.cacheNotes, ...(read.damaged ? [read.damaged] : [])];
  // Pages written early without their stories are rendered again with the rest; those written with them are done.
  const writtenFirst = inPlace ? (writtenEarly ? { ...writtenEarly, views: new Set<ArticleView>(), rendered: 0 } : await renderNewArticlesFirst(previous, { model, stories, templatesDir, pathPrefix, target: outDir, options })) : undefined;
  const shared = await sharedRenderKey(templatesDir, model, pathPrefix);
  phaseDone('shared render key');
  if (inPlace && options.cacheDir) return updateInPlace(options, { model, stories, shared, previous, outDir, templatesDir, pathPrefix, cacheDir: options.cacheDir, writtenFirst, cacheNotes });
  const listed = previous ? await listOutput(outDir) : new Set<string>();
  let existing = listed;
  let changed = 0;
  if (options.checkOutput && previous) {
    ({ unchanged: existing, changed } = unchangedOutputs(outDir, listed, previous.outputs));
    if (changed > 0) cacheNotes.push({ file: options.outDir, reason: `${changed} ${changed === 1 ? 'file' : 'files'} changed or gone since written, rendered again` });
  }
  let plan: RenderPlan | undefined = planRender(model, shared, previous, existing);
  const manifest: SiteManifest = { ...plan.manifest, site: siteFingerprint(model, plan.manifest) };
  collectGarbageAbove(gcAboveBytes);
  phaseDone('render plan');
  // A changed file that is no page's (the stylesheet, copied by every build that renders) is also written again.
  if (changed === 0 && upToDate(previous, manifest, plan, existing) && existing.has(outputMarkerName)) {
    return { pages: [...plan.reuse, ...previous!.singles!].filter((file) => file.endsWith('.html')).length, rendered: 0, cacheNotes, bytes: previous!.bytes };
  }

  const swap = swapFolders(outDir);
  const { fresh } = swap;
  await makeFolders(dirname(outDir));
  // The output this build replaces becomes the next one's starting point (see spare-output.ts).
  const { reuse } = plan;
  const searching = model.meta.search;
  const recycle =
    previous?.site && options.cacheDir && !options.checkOutput
      ? { cacheDir: options.cacheDir, outDir, outSite: previous.site, listed, known: [...manifestFiles(previous), ...(previous.singles ?? [])], reuse }
      : undefined;
  // Ctrl-C mid-build: the published output was never touched; take the half-written one away too.
  const onInterrupt = (signal: NodeJS.Signals) => {
    rmSync(fresh, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onInterrupt).once('SIGTERM', onInterrupt);
  try {
    // Before rendering: what the spare holds at a page's path may be the published output's own file (a hard link).
    const fromSpare = recycle ? takeSpare({ ...recycle, fresh }) : false;
    if (fromSpare) phaseDone('spare output put right');
    const { rendered, files } = await renderPages(plan, { model, stories, templatesDir, pathPrefix, target: fresh, options });
    phaseDone('eleventy');
    const paged = new Set(manifestFiles(plan.manifest));
    manifest.singles = files.filter((file) => !paged.has(file));
    if (!fromSpare) {
      carryOver(plan, outDir, fresh);
      phaseDone('carry over unchanged pages');
    }
    const pages = rendered + reuse.filter((file) => file.endsWith('.html')).length;
    if (searching) {
      const index = searchIndexOf(model, options, pathPrefix);
      // Indexing needs only `index`: the model, its stories and the plan (over 700 MB of heap at 100,000 articles) go
      // before Pagefind takes its own gigabyte, and so do the views' memos.
      model = stories = plan = found = undefined;
      // serve rebuilds reuse what a view shows of its own article; a one-off build is done with it.
      if (options.mode !== 'serve') forgetViewMemos();
      // Collected on a fresh turn of the event loop: in the turn that wrote the last pages, some of it was still held
      // (at 100,000 articles a collection then left a 945 MB heap, one a bundle later 515 MB).
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbageAbove(gcAboveBytes);
      phaseDone('let the site model go');
      cacheNotes.push(...(await writeSearchIndex({ ...index, target: fresh, previous: outDir })).cacheNotes);
    }
    // Last: only a complete output carries the marker.
    await writeOutputMarker(fresh, manifest.site!);
    const site = manifest.site!;
    // The files of the published output this build replaces or drops, the search index aside.
    const reused = new Set(reuse);
    const replaced = [...listed].filter((file) => !reused.has(file) && !isSearchIndexFile(file));
    // Counted before the swap, while the output holds them.
    const keptBytes = bytesKept(outDir, previous, replaced, reuse.length);
    swapIn(swap, outDir, recycle && ((stale) => keepSpare({ cacheDir: recycle.cacheDir, outDir, stale, staleSite: recycle.outSite, site, replaced, written: files })));
    if (options.checkOutput) manifest.outputs = stampOutputs(outDir, await listOutput(outDir));
    const searchBytes = searching ? await outputBytes(join(outDir, searchIndexFolder)) : 0;
    const writtenPages = [...files, outputMarkerName].filter((file) => !isSearchIndexFile(file));
    manifest.pageBytes = keptBytes !== undefined ? keptBytes + bytesOfFiles(outDir, writtenPages) : (await outputBytes(outDir)) - searchBytes;
    manifest.bytes = manifest.pageBytes + searchBytes;
    if (options.cacheDir) await keepManifest(options.cacheDir, outDir, manifest, cacheNotes);
    phaseDone('swap and manifest');
    return { pages, rendered, cacheNotes, bytes: manifest.bytes };
  } catch (error) {
    await removeAfterFailure(fresh);
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt).off('SIGTERM', onInterrupt);
    swap.release();
  }
}

/**
 * The render manifest of `outDir`, when it describes what the folder holds: a build killed after its
 * swap but before writing the manifest leaves the previous build's manifest beside the new output.
 */
async function describedOutput(cacheDir: string, outDir: string): Promise<ReadRenderManifest> {
  const read = await readRenderManifest(cacheDir, outDir);
  const marker = await readOutputMarker(outDir);
  return marker && read.manifest && read.manifest.site !== marker.site ? { ...read, manifest: undefined } : read;
}

interface RenderContext {
  model: SiteModel;
  /** The model's stories, handed to the second render thread so it does not group them again. */
  stories: Stories;
  templatesDir: string;
  pathPrefix: string;
  target: string;
  options: BuildSiteOptions;
}

/**
 * Renders the plan's pages into `target`; says how many HTML pages that was, and every file written (relative).
 * `pagesOnly`: leave the single-page templates and the assets out of every run.
 */
async function renderPages(plan: Pick<RenderPlan, 'render'>, { model, stories, templatesDir, pathPrefix, target, options }: RenderContext, pagesOnly = false): Promise<{ rendered: number; files: string[] }> {
  // Eleventy keeps every page it renders in memory until its run ends: a few thousand pages a run keep
  // a 50,000-article build's memory flat.
  const runs = splitPages(plan.render, options.pagesPerRun ?? pagesPerRun);
  const singles = runs.length > 1 || pagesOnly ? await singlePageTemplates(templatesDir) : [];
  const leaveOut = (index: number) => (index > 0 || pagesOnly ? singles : undefined);
  const { onWritten } = progressOf(plan, options.onProgress);
  // With more than one run and more than one core, a second thread renders runs too: each thread takes the next run when it is free.
  const threads = options.renderThreads ?? (options.archive.articles.length > helperArticleLimit ? 1 : Math.min(2, availableParallelism()));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const take = () => Atomics.add(next, 0, 1);
  const helper =
    threads > 1 && runs.length > 1
      ? startRenderHelper(options.archive.articles, {
          config: options.config,
          pathPrefix,
          mode: options.mode ?? 'build',
          templatesDir,
          target,
          gcAboveBytes,
          stories,
          runs: runs.map((pages, index) => ({ pages, leaveOut: leaveOut(index) })),
          next,
          onWritten,
        })
      : undefined;
  const files: string[][] = [];
  try {
    for (let index = take(); index < runs.length; index = take()) {
      files[index] = await renderRun({ model, pages: runs[index]!, templatesDir, pathPrefix, target, leaveOut: leaveOut(index), onWritten });
      collectGarbageAbove(gcAboveBytes);
      phaseDone(`eleventy run ${index + 1} of ${runs.length}`);
    }
    if (helper) for (const [index, written] of await helper.finished) files[index] = written;
  } finally {
    await helper?.close();
  }
  const stopped = helper?.stoppedBy ? ` (${helper.stoppedBy.message})` : '';
  const missing = runs.findIndex((_, index) => files[index] === undefined);
  if (missing !== -1) throw new Error(`run ${missing + 1} of ${runs.length} was never rendered: the second render thread stopped before finishing it${stopped}`);
  // It took no run, or finished those it took: the main thread rendered the rest.
  if (stopped) process.stderr.write(`digest: the second render thread stopped early${stopped}; the main thread rendered its share\n`);
  const all = files.flat();
  return { rendered: all.filter((file) => file.endsWith('.html')).length, files: all };
}

/**
 * serve: the pages of articles just added are written before anything else is worked out, so the page
 * someone just dropped a file for is there at once; the rest of the rebuild (listings, neighbours, feeds)
 * follows and the browser reloads when it is all done.
 */
async function renderNewArticlesFirst(previous: RenderManifest, context: RenderContext): Promise<WrittenFirst> {
  const added = context.model.articles.filter((view) => previous.pages[`articles ${view.url}`] === undefined);
  if (added.length === 0 || added.length > newPagesFirstLimit) return { views: new Set(), rendered: 0, files: [] };
  const { rendered, files } = await renderPages({ render: { ...emptyPages(), articles: added } }, context, true);
  phaseDone('new article pages');
  return { views: new Set(added), rendered, files };
}

/** Article pages the manifest knows. */
const articlePages = (manifest: RenderManifest): number => Object.keys(manifest.pages).filter((key) => key.startsWith('articles ')).length;

interface WrittenFirst {
  views: Set<ArticleView>;
  rendered: number;
  files: string[];
}

const newPagesFirstLimit = 20;

interface InPlaceContext {
  model: SiteModel;
  stories: Stories;
  shared: string;
  previous: SiteManifest;
  outDir: string;
  templatesDir: string;
  pathPrefix: string;
  cacheDir: string;
  /** The new articles' pages, already written by `renderNewArticlesFirst`. */
  writtenFirst: WrittenFirst | undefined;
  cacheNotes: CacheNote[];
}

/**
 * The dev server's rebuild: only what changed is written, straight into the folder being served, so a
 * new article's page is there in a fraction of a second. The previous manifest says what the folder
 * holds; pages no longer in the site are deleted.
 */
async function updateInPlace(options: BuildSiteOptions, { model, stories, shared, previous, outDir, templatesDir, pathPrefix, cacheDir, writtenFirst, cacheNotes }: InPlaceContext): Promise<BuiltSite> {
  const plan = planRender(model, shared, previous, new Set(manifestFiles(previous)));
  phaseDone('render plan');
  const first = writtenFirst ?? { views: new Set<ArticleView>(), rendered: 0, files: [] };
  const rest = { ...plan.render, articles: plan.render.articles.filter((view) => !first.views.has(view)) };
  const written = await renderPages({ render: rest }, { model, stories, templatesDir, pathPrefix, target: outDir, options });
  const rendered = first.rendered + written.rendered;
  phaseDone('eleventy');
  const kept = new Set(manifestFiles(plan.manifest));
  const gone = manifestFiles(previous).filter((file) => !kept.has(file));
  await mapInBatches(gone, (file) => rm(join(outDir, file), { force: true }));
  if (model.meta.search) cacheNotes.push(...(await writeSearchIndex({ ...searchIndexOf(model, options, pathPrefix), target: outDir })).cacheNotes);
  const manifest: SiteManifest = { ...plan.manifest, site: siteFingerprint(model, plan.manifest) };
  await writeOutputMarker(outDir, manifest.site!);
  if (options.checkOutput) manifest.outputs = restamped(outDir, previous.outputs, gone, [...first.files, ...written.files, outputMarkerName]);
  await keepManifest(cacheDir, outDir, manifest, cacheNotes);
  return { pages: rendered + plan.reuse.filter((file) => file.endsWith('.html')).length, rendered, cacheNotes };
}

/** What the search index is made of, without the output folders it is written to. */
function searchIndexOf(model: SiteModel, options: BuildSiteOptions, pathPrefix: string): Omit<SearchIndexOptions, 'target'> {
  return {
    entries: searchEntries(options.archive.articles, model.articles),
    pathPrefix,
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    queryBytes: model.meta.searchQueryKB * 1024,
    shards: model.meta.shardSearch,
    ...(options.config.years ? { years: options.config.years } : {}),
  };
}

/** The site is complete without its manifest: a cache that cannot be written only means rendering everything next time. */
async function keepManifest(cacheDir: string, outDir: string, manifest: SiteManifest, notes: CacheNote[]): Promise<void> {
  try {
    await writeRenderManifest(cacheDir, outDir, manifest);
  } catch (error) {
    notes.push(unwritable(cacheDir, error));
  }
}

/** The stamps after an update in place: the files just written stamped anew, the deleted ones gone, the rest as they were. */
function restamped(outDir: string, before: OutputStamps | undefined, gone: string[], written: string[]): OutputStamps {
  const stamps = { ...before };
  for (const file of gone) delete stamps[file];
  return Object.assign(stamps, stampOutputs(outDir, written));
}

/**
 * Everything any page can show: every page's fingerprint (which covers the templates and code too) and
 * the parts of the model that are no page's own (the single pages such as the sitemap read those).
 */
function siteFingerprint(model: SiteModel, manifest: RenderManifest): string {
  const sources = model.sources.map(({ articles: _articles, ...source }) => source);
  const rest = { meta: model.meta, ui: model.ui, years: model.yearIndex, sources, sitemap: model.sitemap };
  // The search index is no page's: a new version of the search code makes the site a new one too.
  const hash = createHash('sha1').update(manifest.shared).update(JSON.stringify(rest)).update(model.meta.search ? searchCodeVersion() : '');
  for (const [key, page] of Object.entries(manifest.pages)) hash.update(key).update(page.fingerprint);
  return hash.digest('base64url');
}

/** Nothing to do: the same site as last time, and every file of it still in the output. */
function upToDate(previous: SiteManifest | undefined, manifest: SiteManifest, plan: RenderPlan, existing: ReadonlySet<string>): boolean {
  if (!previous?.site || previous.site !== manifest.site || !previous.singles) return false;
  if (Object.values(plan.render).some((items: unknown[]) => items.length > 0)) return false;
  return previous.singles.every((file) => existing.has(file));
}

/** Every output file a manifest's pages were written to. */
const manifestFiles = (manifest: RenderManifest): string[] => Object.values(manifest.pages).flatMap((page) => page.files);

const pagesPerRun = 3000;
/**
 * Above this many articles one thread renders: the second builds a model of its own, 700-800 MB of heap at 100,000
 * articles, which took a build past 2 GiB (2,506 MiB measured, 1,900 of it before the helper started). Rendering
 * then takes about twice as long, a fifth of such a build.
 */
const helperArticleLimit = 60_000;
const gcAboveBytes = 768 * 2 ** 20;

/** The pages to render, a run's worth at a time, in the order of the plan; always at least one run. */
function splitPages(render: PagedModel, size: number): PagedModel[] {
  const runs: PagedModel[] = [];
  let current = emptyPages();
  let count = 0;
  for (const collection of Object.keys(render) as (keyof PagedModel)[]) {
    for (const item of render[collection]) {
      if (count === size) {
        runs.push(current);
        current = emptyPages();
        count = 0;
      }
      (current[collection] as unknown[]).push(item);
      count++;
    }
  }
  runs.push(current);
  return runs;
}

const emptyPages = (): PagedModel => ({ articles: [], days: [], months: [], years: [], sourcePages: [], topicPages: [], topicIndex: [], homePages: [], feeds: [] });

/** The pages to render (a feed is two files; the site's few unpaginated pages are not counted ahead). */
function progressOf(plan: Pick<RenderPlan, 'render'>, onProgress: BuildSiteOptions['onProgress']): { onWritten?: () => void } {
  if (!onProgress) return {};
  const total = Object.values(plan.render).reduce((sum, items: unknown[]) => sum + items.length, 0) + plan.render.feeds.length;
  let written = 0;
  return { onWritten: () => onProgress({ written: ++written, total: Math.max(total, written) }) };
}

/**
 * Eleventy rejects on the first failing template while other writes (passthrough copies, pages
 * rendering in parallel) may still land in the folder: remove it until it stays gone.
 */
async function removeAfterFailure(dir: string): Promise<void> {
  for (let quietChecks = 0, tries = 0; quietChecks < 2 && tries < 20; tries++) {
    const existed = await stat(dir).then(() => true, () => false);
    await rm(dir, { recursive: true, force: true });
    quietChecks = existed ? 0 : quietChecks + 1;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/**
 * The bytes outside the search index that the new output takes over from `outDir` unchanged: the previous count less
 * the files this build replaces or drops (`replaced`, of `outDir`), so that only those and the files it writes are counted. Undefined (count every
 * file) without a previous count, or when the build replaces so much that counting everything is as quick, which also
 * sets right a count gone wrong.
 */
function bytesKept(outDir: string, previous: SiteManifest | undefined, replaced: readonly string[], reused: number): number | undefined {
  if (previous?.pageBytes === undefined) return undefined;
  return replaced.length * 4 <= reused ? previous.pageBytes - bytesOfFiles(outDir, replaced) : undefined;
}

/** Unchanged pages join the new output as hard links to the previous one's files: no copying, no rendering. */
function carryOver(plan: RenderPlan, from: string, to: string): void {
  // Synchronous: 9,300 links took 150 ms through promises (libuv's thread pool), 85 ms as calls in a loop.
  makeFoldersForSync(to, plan.reuse);
  for (const file of plan.reuse) {
    try {
      linkSync(join(from, file), join(to, file));
    } catch {
      copyFileSync(join(from, file), join(to, file));
    }
  }
}
