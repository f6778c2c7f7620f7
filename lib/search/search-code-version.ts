import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(dirname(here));
let memo: string | undefined;

/** Changes with our search code (index and page) and with Pagefind's and OpenCC's versions: a cached year index is then made again. */
export function searchCodeVersion(): string {
  if (memo) return memo;
  const hash = createHash('sha256');
  for (const file of readdirSync(here, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).sort()) {
    hash.update(file).update(readFileSync(join(here, file)));
  }
  for (const name of ['pagefind', 'opencc-js']) {
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    hash.update(`${name}@${manifest.version}`);
  }
  memo = hash.digest('base64url').slice(0, 16);
  return memo;
}
