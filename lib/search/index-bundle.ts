import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export interface BundleRecord {
  url: string;
  /** The page Pagefind indexes. */
  content: string;
  /** The text a result's snippet is cut from, written to `text/<textName>.txt` in the bundle. */
  textName: string;
  text: string;
}

/**
 * One Pagefind bundle written to `outputPath` (under a temporary name, then renamed), with English rules for
 * every record: Chinese, Japanese and Korean arrive already in pairs of characters. Each thread that calls this
 * has a Pagefind service of its own, which is closed afterwards so its memory is given back before the next bundle.
 */
export async function indexBundle(records: readonly BundleRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`search: Pagefind did not start: ${errors.join('; ')}`);
  const partial = `${outputPath}.${process.pid}.tmp`;
  try {
    for (const { url, content } of records) {
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length > 0) throw new Error(`search: Pagefind could not index a record: ${added.errors.join('; ')}`);
    }
    await rm(partial, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: partial });
    if (written.errors.length > 0) throw new Error(`search: Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    await removeUnused(partial);
    await mkdir(join(partial, 'text'));
    for (const { textName, text } of records) await writeFile(join(partial, 'text', `${textName}.txt`), text);
    await rm(outputPath, { recursive: true, force: true });
    await rename(partial, outputPath);
  } finally {
    await index.deleteIndex().catch(() => undefined);
    await pagefind.close();
    await rm(partial, { recursive: true, force: true });
  }
}

/** Pagefind's own interface and its other builds of the client are never loaded: only `pagefind.js` and the index. */
async function removeUnused(bundle: string): Promise<void> {
  const unused = /^pagefind-(ui|component-ui|modular-ui|highlight)\.|^pagefind-modular|\.css$/;
  for (const name of await readdir(bundle)) if (unused.test(name)) await rm(join(bundle, name), { recursive: true, force: true });
}
