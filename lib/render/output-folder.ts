import { readFileSync } from 'node:fs';
import { access, constants, lstat, mkdir, readdir, realpath, rename, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';
import { listOutput, readRenderManifest, type SiteManifest } from './render-manifest.ts';

/**
 * Written last into every output, so a later build knows the folder is one it may replace. A dotfile
 * holding no path of this machine: it is published with the site and harms nothing there.
 */
export const outputMarkerName = '.digest-output';

const outputMarkerSchema = z.object({ generator: z.literal('news-digest'), format: z.literal(1), site: z.string() });
export type OutputMarker = z.infer<typeof outputMarkerSchema>;

/** Written through a temporary name: a folder holding the marker holds all of it. */
export async function writeOutputMarker(dir: string, site: string): Promise<void> {
  const marker: OutputMarker = { generator: 'news-digest', format: 1, site };
  await writeFile(join(dir, `${outputMarkerName}.tmp`), `${JSON.stringify(marker)}\n`);
  await rename(join(dir, `${outputMarkerName}.tmp`), join(dir, outputMarkerName));
}

export function readOutputMarkerSync(dir: string): OutputMarker | undefined {
  try {
    const parsed = outputMarkerSchema.safeParse(JSON.parse(readFileSync(join(dir, outputMarkerName), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The same, for callers that wait anyway: the marker is a few dozen bytes. */
export async function readOutputMarker(dir: string): Promise<OutputMarker | undefined> {
  return readOutputMarkerSync(dir);
}

export interface OutputFolderPlaces {
  outDir: string;
  contentDir: string;
  cacheDir: string;
  /** The folder of site.config.ts, and the working folder: never an output, nor inside one. */
  projectDirs: string[];
  /** The templates the build uses: their assets are copied into every output. */
  templatesDir: string;
}

/**
 * Whether a build may replace `outDir`: only a folder that is missing, empty, or one a build wrote
 * (it holds the marker). The content, the cache and the project are never replaced, nor is anything
 * holding them, nor a folder inside the content. Touches nothing but a probe folder beside the output,
 * made and removed to learn at once whether the build could write there. Gives the output's real path.
 */
export async function checkOutputFolder(places: OutputFolderPlaces): Promise<Result<string>> {
  const out = await locate(places.outDir);
  if (!out.ok) return out;
  const { real, exists } = out.value;
  const protectedPlaces = [
    { dir: places.contentDir, name: 'the content folder', orInside: true },
    { dir: places.cacheDir, name: 'the cache folder', orInside: false },
    ...places.projectDirs.map((dir) => ({ dir, name: 'the project folder', orInside: false })),
  ];
  const located = [];
  for (const place of protectedPlaces) {
    const found = await locate(place.dir);
    if (found.ok) located.push({ ...place, real: found.value.real });
  }
  const same = located.find((place) => place.real === real);
  if (same) return fail(`it is ${same.name}`);
  for (const { name, orInside, real: other } of located) {
    if (isInside(other, real)) return fail(`it holds ${name} (${other})`);
    if (orInside && isInside(real, other)) return fail(`it is inside ${name}: the site would become part of the content`);
  }
  if (exists && (await lstat(real)).dev !== (await lstat(dirname(real))).dev) {
    return fail('it is a mount point, which cannot be renamed to swap a new site in; give a folder inside it');
  }
  const writable = await canWrite(real, exists);
  if (!writable.ok) return writable;
  if (!exists) return ok(real);
  const kind = await lstat(real);
  if (!kind.isDirectory()) return fail('it is a file, not a folder');
  const names = await readdir(real);
  if (names.length === 0 || (await readOutputMarker(real))) return ok(real);
  if (await builtBeforeMarkers(real, places)) return ok(real);
  const shown = names.sort().slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
  return fail(`it holds files no build wrote (${shown}); empty it or choose another --out`);
}

/**
 * An output from before the marker existed: accepted only when the render manifest the cache keeps for
 * this very path is a whole build's and names every file the folder holds. Anything else is not ours.
 */
async function builtBeforeMarkers(dir: string, { cacheDir, templatesDir }: OutputFolderPlaces): Promise<boolean> {
  const read = await readRenderManifest(cacheDir, dir);
  const manifest: SiteManifest | undefined = read.manifest ?? read.unchecked;
  if (!manifest?.singles) return false;
  const assets = [...(await listOutput(join(templatesDir, 'assets')))].map((file) => `assets/${file}`);
  const written = new Set([...Object.values(manifest.pages).flatMap((page) => page.files), ...manifest.singles, ...assets]);
  const present = await listOutput(dir);
  return present.size > 0 && [...present].every((file) => written.has(file));
}

/**
 * The real path of `path` (symbolic links resolved), existing or not: the real path of its nearest
 * existing ancestor with the missing rest appended. Fails when that ancestor is a file.
 */
async function locate(path: string): Promise<Result<{ real: string; exists: boolean }>> {
  const missing: string[] = [];
  let existing = resolve(path);
  for (;;) {
    try {
      const real = await realpath(existing);
      if (missing.length === 0) return ok({ real, exists: true });
      if (!(await lstat(real)).isDirectory()) return fail(`not a directory: ${existing} is a file`);
      return ok({ real: join(real, ...missing.reverse()), exists: false });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(existing) === existing) return fail(`${existing}: ${reasonOf(error)}`);
      missing.push(basename(existing));
      existing = dirname(existing);
    }
  }
}

/**
 * The build makes its new site beside the output and renames it in: try making (and remove) a folder
 * there, or in the nearest ancestor that exists. This also fails at once where no folder can ever be
 * made (`/proc/x`), where Node's recursive mkdir would loop forever.
 */
async function canWrite(out: string, exists: boolean): Promise<Result<void>> {
  let parent = dirname(out);
  while (!(await lstat(parent).then(() => true, () => false))) parent = dirname(parent);
  const probe = join(parent, `.${basename(out)}.probe-${process.pid}-${Date.now().toString(36)}`);
  try {
    await mkdir(probe);
    await rmdir(probe);
  } catch (error) {
    // ENOENT in a folder that exists: a file system that makes no folders, such as /proc.
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'this file system allows no new folders' : reasonOf(error);
    return fail(`cannot create folders in ${parent}: ${reason}`);
  }
  if (exists) {
    try {
      await access(out, constants.W_OK);
    } catch (error) {
      return fail(`cannot write to it: ${reasonOf(error)}`);
    }
  }
  return ok(undefined);
}

const isInside = (inner: string, outer: string): boolean => inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

const reasons: Record<string, string> = {
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'not a directory',
  ENOENT: 'no such file or directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
};

/** A file-system error as the few words a person needs. */
export const reasonOf = (error: unknown): string => reasons[(error as NodeJS.ErrnoException).code ?? ''] ?? (error as Error).message;
