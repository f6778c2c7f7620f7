import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeFolders } from '../util/make-folders.ts';
import { writeAtomically } from '../util/write-atomically.ts';

/** What a bundle was made from: every file esbuild read, relative to the working folder, and their joint hash. */
interface BundleManifest {
  digest: string;
  inputs: string[];
}

export interface BundleOptions {
  /** The TypeScript (or JavaScript) module to bundle. */
  entry: string;
  /** Where the bundle and its manifest are kept. */
  cacheDir: string;
  /** Where the module's imports resolve from (the project root); input paths are kept relative to it. */
  workingDir: string;
  /** Packages left out of the bundle and imported from node_modules at run time (`@11ty/*`, say). */
  external?: string[];
  /** Globals the bundle gets as constants (esbuild's `define`), worked out only when a bundle is made. */
  define?: () => Record<string, string>;
}

/**
 * A module and everything it imports as one plain JavaScript file, which a worker thread can start without tsx:
 * made once, then reused until one of the files it was made from changes.
 */
export async function bundleModule({ entry, cacheDir, workingDir, external = [], define }: BundleOptions): Promise<URL> {
  const name = basename(entry).replace(/\.[cm]?[jt]s$/, '');
  const manifestFile = join(cacheDir, `${name}.json`);
  const manifest = await readManifest(manifestFile);
  if (manifest) {
    const digest = await digestOf(workingDir, manifest.inputs);
    const bundle = join(cacheDir, `${name}-${digest}.mjs`);
    if (digest === manifest.digest && (await exists(bundle))) return pathToFileURL(bundle);
  }
  return pathToFileURL(await build(name, entry, cacheDir, workingDir, manifestFile, external, define?.() ?? {}));
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const workerEntries = new Map<string, Promise<URL>>();

/**
 * Where a worker thread starts: its module bundled into one JavaScript file (kept in node_modules/.cache, remade
 * when a source changes), which starts in about half a second, where registering tsx and loading the TypeScript
 * module by module takes two. Without esbuild or on a read-only install, `fallback` (which registers tsx): slower,
 * same results. Made once per process.
 */
export function workerEntry(module: URL, fallback: URL, external: string[] = [], define?: () => Record<string, string>): Promise<URL> {
  let entry = workerEntries.get(module.href);
  if (!entry) {
    entry = bundleModule({ entry: fileURLToPath(module), cacheDir: join(projectRoot, 'node_modules', '.cache', 'news-digest'), workingDir: projectRoot, external, ...(define ? { define } : {}) }).catch(
      () => fallback,
    );
    workerEntries.set(module.href, entry);
  }
  return entry;
}

async function build(name: string, entry: string, cacheDir: string, workingDir: string, manifestFile: string, external: string[], define: Record<string, string>): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: workingDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    write: false,
    metafile: true,
    logLevel: 'silent',
    external,
    define,
    // Bundled CommonJS packages (iconv-lite, chardet) call require() for Node's built-ins; an ES module has none.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  const digest = await digestOf(workingDir, inputs);
  const bundle = join(cacheDir, `${name}-${digest}.mjs`);
  await makeFolders(cacheDir);
  // Written under a temporary name and renamed, so a build running at the same time never reads half a file.
  await writeAtomically(bundle, result.outputFiles[0]!.contents);
  await writeAtomically(manifestFile, JSON.stringify({ digest, inputs } satisfies BundleManifest));
  await removeOlderBundles(cacheDir, name, basename(bundle));
  return bundle;
}

/** The inputs' contents, with Node's version (the bundle's target) and esbuild's. */
async function digestOf(workingDir: string, inputs: string[]): Promise<string> {
  const hash = createHash('sha256').update(process.versions.node);
  const { version } = (await import('esbuild')).default;
  hash.update(version);
  const contents = await Promise.all(inputs.map((input) => readFile(resolve(workingDir, input)).catch(() => null)));
  inputs.forEach((input, index) => hash.update(input).update(contents[index] ?? 'missing'));
  return hash.digest('base64url').slice(0, 16);
}

async function readManifest(file: string): Promise<BundleManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as BundleManifest;
    return typeof manifest.digest === 'string' && Array.isArray(manifest.inputs) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

async function removeOlderBundles(cacheDir: string, name: string, keep: string): Promise<void> {
  const files = await readdir(cacheDir);
  const older = files.filter((file) => file !== keep && file.startsWith(`${name}-`) && file.endsWith('.mjs'));
  await Promise.all(older.map((file) => rm(join(cacheDir, file), { force: true })));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
