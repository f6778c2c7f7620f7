import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fsReason, type CacheNote } from '../archive/cache-note.ts';
import type { RenderManifest } from './render-plan.ts';
import type { SiteModel } from '../site/site-model.ts';
import { filesUnder } from '../util/files-under.ts';
import { makeFolders } from '../util/make-folders.ts';

/** The manifest of a complete build: also a fingerprint of the whole site and the files of its single pages. */
export interface SiteManifest extends RenderManifest {
  site?: string;
  singles?: string[];
  /** With `checkOutput`: every output file as it was written. */
  outputs?: OutputStamps;
  /** The output's bytes as the build left them: a build that changes nothing says them again without counting. */
  bytes?: number;
  /** Of `bytes`, those outside the search index: the next build counts only the files it replaces and writes. */
  pageBytes?: number;
}

// The code that says what pages show (the model) and the code that writes them.
const siteCode = [fileURLToPath(new URL('../site/', import.meta.url)), fileURLToPath(new URL('.', import.meta.url))];

/** One manifest per output folder, so builds of the same content to several places don't mix. */
const manifestFile = (cacheDir: string, outDir: string) => join(cacheDir, `render-${createHash('sha1').update(outDir).digest('hex').slice(0, 12)}.json`);

// The manifest this process last wrote, kept while its file is unchanged: serve reads it after every change.
const written = new Map<string, { mtimeMs: number; manifest: SiteManifest }>();

/** The previous build's manifest for this output folder, when there is one; why it was not used, when it was damaged. */
export interface ReadRenderManifest {
  manifest?: SiteManifest;
  damaged?: CacheNote;
  /** A manifest written before manifests carried a checksum: never used to carry pages over, only to recognise the output it describes. */
  unchecked?: SiteManifest;
}

// A checksum line, then the JSON: a damaged manifest could claim a changed page unchanged and carry the old one
// over, or lack what the plan reads, so nothing is taken from it unchecked.
const magic = 'digest-render-manifest-1 ';
const checksum = (json: string): string => createHash('sha256').update(json).digest('base64url');

export async function readRenderManifest(cacheDir: string, outDir: string): Promise<ReadRenderManifest> {
  const file = manifestFile(cacheDir, outDir);
  let text: string;
  try {
    const kept = written.get(file);
    if (kept && (await stat(file)).mtimeMs === kept.mtimeMs) return { manifest: kept.manifest };
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    return { damaged: { file, reason: `could not be read (${fsReason(error)}), every page rendered again` } };
  }
  // Written before manifests carried a checksum: not damage, only old.
  if (text.startsWith('{')) {
    try {
      return { unchecked: JSON.parse(text) as SiteManifest };
    } catch {
      return {};
    }
  }
  const newline = text.indexOf('\n');
  const json = text.slice(newline + 1);
  if (newline === -1 || text.slice(0, newline) !== `${magic}${checksum(json)}`) {
    return { damaged: { file, reason: 'damaged (its checksum does not match), every page rendered again' } };
  }
  return { manifest: JSON.parse(json) as SiteManifest };
}

export async function writeRenderManifest(cacheDir: string, outDir: string, manifest: SiteManifest): Promise<void> {
  await makeFolders(cacheDir);
  const target = manifestFile(cacheDir, outDir);
  const json = JSON.stringify(manifest);
  await writeFile(`${target}.tmp`, `${magic}${checksum(json)}\n${json}`);
  await rename(`${target}.tmp`, target);
  written.set(target, { mtimeMs: (await stat(target)).mtimeMs, manifest });
}

/**
 * What every page depends on besides its own item: the templates a user may have restyled, the code
 * that renders them, the path prefix, and the parts of the model every page shows (site text, years in the navigation).
 */
export async function sharedRenderKey(templatesDir: string, model: SiteModel, pathPrefix: string): Promise<string> {
  const hash = createHash('sha1');
  for (const dir of [templatesDir, ...siteCode]) {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    for (const file of files.map((entry) => join(entry.parentPath, entry.name)).sort()) hash.update(file).update(await fileDigest(file));
  }
  // The header links to the archive page, not to each year: a new year re-renders only the pages that show years.
  hash.update(JSON.stringify({ meta: model.meta, ui: model.ui, pathPrefix }));
  return hash.digest('base64url');
}

const digests = new Map<string, { stamp: string; digest: string }>();

/** A file's content hash, read again only when its size or modification time changed. */
async function fileDigest(file: string): Promise<string> {
  const { size, mtimeMs } = await stat(file);
  const stamp = `${size}:${mtimeMs}`;
  const kept = digests.get(file);
  if (kept?.stamp === stamp) return kept.digest;
  const digest = createHash('sha1').update(await readFile(file)).digest('base64url');
  digests.set(file, { stamp, digest });
  return digest;
}

/** Every file under `dir`, relative with forward slashes; empty when it does not exist. */
export async function listOutput(dir: string): Promise<Set<string>> {
  return new Set(filesUnder(dir) ?? []);
}

/** Each output file's size and modification time (`size:mtimeMs`), as written: what a file is checked by before it is reused. */
export type OutputStamps = Record<string, string>;

/** The stamps of those of `files` (relative) that are in `dir`. */
export function stampOutputs(dir: string, files: Iterable<string>): OutputStamps {
  const stamps: OutputStamps = {};
  for (const file of files) {
    try {
      const { size, mtimeMs } = statSync(join(dir, file));
      stamps[file] = `${size}:${mtimeMs}`;
    } catch {
      // Gone: not reusable.
    }
  }
  return stamps;
}

/**
 * Of `files` in `dir`, those still as they were written; a file changed since, or never stamped, is not.
 * `changed`: how many of the files stamped are gone or changed.
 */
export function unchangedOutputs(dir: string, files: ReadonlySet<string>, written: OutputStamps | undefined): { unchanged: Set<string>; changed: number } {
  const now = stampOutputs(dir, files);
  const unchanged = new Set([...files].filter((file) => written?.[file] !== undefined && now[file] === written[file]));
  return { unchanged, changed: Object.keys(written ?? {}).length - unchanged.size };
}
