import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(dirname(here));
const memos = new Map<string, string>();

/**
 * Changes with any of our search code (index and page, and the date labels the page borrows) and with Pagefind's
 * and OpenCC's versions: the search page's script is then made again.
 */
export const searchCodeVersion = (): string => versionOf([...readdirSync(here, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')), '../site/date-labels.ts']);

/**
 * Changes with the code that turns articles into Pagefind records and bundles, and with Pagefind's version:
 * cached bundles are then indexed again. (What an article's search text is belongs to the parse cache's version.)
 */
export const indexCodeVersion = (): string => versionOf(['search-record.ts', 'write-search-index.ts', 'index-bundle.ts']);

function versionOf(files: string[]): string {
  const key = files.join('\n');
  const memo = memos.get(key);
  if (memo) return memo;
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(file).update(readFileSync(join(here, file)));
  for (const name of ['pagefind', 'opencc-js']) {
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    hash.update(`${name}@${manifest.version}`);
  }
  const version = hash.digest('base64url').slice(0, 16);
  memos.set(key, version);
  return version;
}
