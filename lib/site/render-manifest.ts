import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderManifest } from './render-plan.ts';
import type { SiteModel } from './site-model.ts';

const siteCode = fileURLToPath(new URL('.', import.meta.url));

/** One manifest per output folder, so builds of the same content to several places don't mix. */
const manifestFile = (cacheDir: string, outDir: string) => join(cacheDir, `render-${createHash('sha1').update(outDir).digest('hex').slice(0, 12)}.json`);

export async function readRenderManifest(cacheDir: string, outDir: string): Promise<RenderManifest | undefined> {
  try {
    return JSON.parse(await readFile(manifestFile(cacheDir, outDir), 'utf8')) as RenderManifest;
  } catch {
    return undefined;
  }
}

export async function writeRenderManifest(cacheDir: string, outDir: string, manifest: RenderManifest): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const target = manifestFile(cacheDir, outDir);
  await writeFile(`${target}.tmp`, JSON.stringify(manifest));
  await rename(`${target}.tmp`, target);
}

/**
 * What every page depends on besides its own item: the templates a user may have restyled, the code
 * that renders them, the path prefix, and the parts of the model every page shows (site text, years in the navigation).
 */
export async function sharedRenderKey(templatesDir: string, model: SiteModel, pathPrefix: string): Promise<string> {
  const hash = createHash('sha1');
  for (const dir of [templatesDir, siteCode]) {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    for (const file of files.map((entry) => join(entry.parentPath, entry.name)).sort()) hash.update(file).update(await readFile(file));
  }
  const navigation = model.years.map((year) => [year.url, year.label]);
  hash.update(JSON.stringify({ meta: model.meta, ui: model.ui, navigation, pathPrefix }));
  return hash.digest('base64url');
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
