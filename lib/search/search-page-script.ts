import { rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unwritable, type CacheNote } from '../archive/cache-note.ts';
import { copyFileChecked, sealInCache } from './checked-cache.ts';
import { searchCodeVersion } from './search-code-version.ts';
import { t2sPairs } from './t2s-pairs.ts';
import { makeFolders } from '../util/make-folders.ts';

const entry = fileURLToPath(new URL('./browser/search-page.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The search page's one script: `browser/search-page.ts` and the folding it shares with the index, bundled
 * by esbuild with the traditional→simplified pairs built in. Kept in the cache (checked on reading) until the
 * search code changes; what was wrong with that cache comes back as notes.
 */
export async function writeSearchPageScript(file: string, cacheDir?: string): Promise<CacheNote[]> {
  const cached = cacheDir ? join(cacheDir, `search-page-${searchCodeVersion()}.js`) : undefined;
  await makeFolders(dirname(file));
  const read = cached ? await copyFileChecked(cached, file) : 'missing';
  if (read === 'copied') return [];
  const notes: CacheNote[] = read === 'damaged' ? [{ file: cached!, reason: 'damaged, built again' }] : [];
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    define: { T2S_PAIRS: JSON.stringify(t2sPairs()) },
  });
  const code = result.outputFiles[0]!.contents;
  await writeFile(file, code);
  if (cached) {
    try {
      const temporary = `${cached}.${process.pid}.tmp`;
      await writeFile(temporary, code);
      await rename(temporary, cached);
      await sealInCache(cached, 'file');
    } catch (error) {
      notes.push(unwritable(cacheDir!, error));
    }
  }
  return notes;
}
