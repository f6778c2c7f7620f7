import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseRawArticle } from '../../lib/read/parse-raw-article.ts';

import { feedxDir, seedDir } from '../corpus-dir.ts';

export { feedxDir, seedDir };

export interface CorpusArticle {
  file: string;
  url: string;
  publishedAt: Date;
  body: string;
}

/** Every article file of a corpus folder (not its README or TSVs). */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** The raw body and context of a corpus file, through the project's own header reader. */
export function readCorpusArticle(file: string): CorpusArticle {
  const raw = parseRawArticle(readFileSync(file, 'utf8'));
  if (!raw.ok) throw new Error(`${file}: ${raw.reason}`);
  return { file, url: raw.value.url, publishedAt: raw.value.publishedAt, body: raw.value.body };
}

export function corpusArticle(name: string): CorpusArticle {
  return readCorpusArticle(path.join(feedxDir, name));
}
