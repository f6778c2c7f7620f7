import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../util/files-under.ts';

/** GitHub Pages publishes a site of at most 1 GB; a build says so from here on. */
export const pagesWarningBytes = 900_000_000;

/**
 * The bytes of every file under `dir`, as `upload-pages-artifact` counts them (it archives each file, so a file
 * hard-linked from the previous build counts in full). Symbolic links are not followed.
 */
export async function outputBytes(dir: string): Promise<number> {
  return Object.values(await outputSizesByKind(dir)).reduce((total, { bytes }) => total + bytes, 0);
}

/** The bytes of those of `files` (relative to `dir`, `/` between names) that are there. */
export function bytesOfFiles(dir: string, files: Iterable<string>): number {
  let bytes = 0;
  for (const file of files) bytes += lstatSync(join(dir, file), { throwIfNoEntry: false })?.size ?? 0;
  return bytes;
}

/** What a file of the site is, by where the site writes it. */
export const outputKinds = ['article pages', 'day pages', 'month and year pages', 'source listings', 'topic pages', 'home pages', 'feeds', 'search index', 'assets', 'other'] as const;
export type OutputKind = (typeof outputKinds)[number];

/** Where the search index is written in the output. */
export const searchIndexFolder = 'search';
export const isSearchIndexFile = (path: string): boolean => path === searchIndexFolder || path.startsWith(`${searchIndexFolder}/`);

/** The kind of the file at `path`, relative to the output folder with `/` between names. */
export function outputKind(path: string): OutputKind {
  if (isSearchIndexFile(path)) return 'search index';
  if (path.startsWith('assets/')) return 'assets';
  if (/(^|\/)feed\.(xml|json)$/.test(path)) return 'feeds';
  if (path.startsWith('sources/')) return 'source listings';
  if (path.startsWith('topics/')) return 'topic pages';
  if (/^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(path)) return 'article pages';
  if (/^\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(path)) return 'day pages';
  if (/^(\d{4}\/(\d{2}\/)?|years\/)index\.html$/.test(path)) return 'month and year pages';
  if (/^(page\/\d+\/)?index\.html$/.test(path)) return 'home pages';
  return 'other';
}

export type OutputSizes = Record<OutputKind, { bytes: number; files: number }>;

/** {@link outputBytes}, kind by kind: where a site's room goes. */
export async function outputSizesByKind(dir: string): Promise<OutputSizes> {
  const sizes = Object.fromEntries(outputKinds.map((kind) => [kind, { bytes: 0, files: 0 }])) as OutputSizes;
  // One synchronous lstat after another: for tens of thousands of small files, several times faster than as promises.
  for (const file of filesUnder(dir) ?? []) {
    const kind = sizes[outputKind(file)];
    kind.bytes += lstatSync(join(dir, file), { throwIfNoEntry: false })?.size ?? 0;
    kind.files += 1;
  }
  return sizes;
}

/** One line a kind: its megabytes, its files and the bytes of one file on average; then the total. */
export function formatOutputSizes(sizes: OutputSizes): string {
  const rows = outputKinds.filter((kind) => sizes[kind].files > 0).map((kind) => ({ kind, ...sizes[kind] }));
  const total = rows.reduce((sum, row) => ({ bytes: sum.bytes + row.bytes, files: sum.files + row.files }), { bytes: 0, files: 0 });
  const line = (name: string, { bytes, files }: { bytes: number; files: number }) =>
    `${name.padEnd(22)}${formatMegabytes(bytes).padStart(9)}${files.toLocaleString('en').padStart(9)} files${Math.round(bytes / files).toLocaleString('en').padStart(11)} B each\n`;
  return rows.map((row) => line(row.kind, row)).join('') + line('total', total);
}

/** Megabytes as people read them (the 1 GB limit is decimal). */
export const formatMegabytes = (bytes: number): string => `${Math.round(bytes / 1_000_000).toLocaleString('en')} MB`;

/** What a build says when its site has grown past `limit`: how big, why it matters, what to do. */
export function siteSizeWarning(bytes: number, outDir: string, limit = pagesWarningBytes): string | undefined {
  if (bytes <= limit) return undefined;
  return (
    `digest: the site in ${outDir} is ${formatMegabytes(bytes)}: GitHub Pages publishes at most 1 GB. ` +
    `README "Big archives" says what takes the room (\`search: false\` saves about a third) and where else to publish.\n`
  );
}
