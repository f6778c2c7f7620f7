import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const lib = dirname(dirname(fileURLToPath(import.meta.url)));
// Everything that decides what a raw file becomes: our own code and the libraries that parse and sanitize.
const engineFolders = ['read', 'clean', 'article', 'schema'];
// Of search, only what makes an article's search text: the search page's code does not change a parse.
const engineFiles = ['search/article-search-text.ts', 'search/fold-text.ts', 'search/search-tokens.ts', 'search/t2s-pairs.ts', 'stories/article-features.ts', 'stories/term-hash.ts'];
const enginePackages = ['rehype-parse', 'rehype-sanitize', 'hast-util-sanitize', 'rehype-stringify', 'franc-min', 'entities', 'yaml', 'zod', 'iconv-lite', 'opencc-js', '@node-rs/jieba'];

let memo: string | undefined;

/** Changes whenever the code or a library that turns raw files into articles changes, so old cache entries are not reused. */
export function pipelineVersion(): string {
  if (memo) return memo;
  const hash = createHash('sha256');
  for (const folder of engineFolders) {
    const files = readdirSync(join(lib, folder), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).sort();
    for (const file of files) hash.update(file).update(readFileSync(join(lib, folder, file)));
  }
  for (const file of engineFiles) hash.update(file).update(readFileSync(join(lib, file)));
  for (const name of enginePackages) {
    // Many of these packages export no `./package.json`; npm installs them flat beside the project.
    const manifest = JSON.parse(readFileSync(join(dirname(lib), 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    hash.update(`${name}@${manifest.version}`);
  }
  memo = hash.digest('hex').slice(0, 16);
  return memo;
}
