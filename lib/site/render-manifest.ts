import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderManifest } from './render-plan.ts';
import type { SiteModel } from './site-model.ts';

/** The manifest of a complete build: also a fingerprint of the whole site and the files of its single pages. */
export interface SiteManifest extends RenderManifest {
  site?: string;
  singles?: string[];
}

const siteCode = fileURLToPath(new URL('.', import.meta.url));

/** One manifest per output folder, so builds of the same content to several places don't mix. */
const manifestFile = (cacheDir: string, outDir: string) => join(cacheDir, `render-${createHash('sha1').update(outDir).digest('hex').slice(0, 12)}.json`);

// The manifest this process last wrote, kept while its file is unchanged: serve reads it after every change.
const written = new Map<string, { mtimeMs: number; manifest: RenderManifest }>();

export async function readRenderManifest(cacheDir: string, outDir: string): Promise<SiteManifest | undefined> {
  const file = manifestFile(cacheDir, outDir);
  try {
    const kept = written.get(file);
    if (kept && (await stat(file)).mtimeMs === kept.mtimeMs) return kept.manifest;
    return JSON.parse(await readFile(file, 'utf8')) as SiteManifest;
  } catch {
    return undefined;
  }
}

export async function writeRenderManifest(cacheDir: string, outDir: string, manifest: SiteManifest): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const target = manifestFile(cacheDir, outDir);
  await writeFile(`${target}.tmp`, JSON.stringify(manifest));
  await rename(`${target}.tmp`, target);
  written.set(target, { mtimeMs: (await stat(target)).mtimeMs, manifest });
}

/**
 * What every page depends on besides its own item: the templates a user may have restyled, the code
 * that renders them, the path prefix, and the parts of the model every page shows (site text, years in the navigation).
 */
export async function sharedRenderKey(templatesDir: string, model: SiteModel, pathPrefix: string): Promise<string> {
  const hash = createHash('sha1');
  for (const dir of [templatesDir, siteCode]) {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    for (const file of files.map((entry) => join(entry.parentPath, entry.name)).sort()) hash.update(file).update(await fileDigest(file));
  }
  const navigation = model.years.map((year) => [year.url, year.label]);
  hash.update(JSON.stringify({ meta: model.meta, ui: model.ui, navigation, pathPrefix }));
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
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return new Set(entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/')));
  } catch {
    return new Set();
  }
}
