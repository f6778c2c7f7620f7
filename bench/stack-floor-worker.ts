import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { rehypeParseUnpositioned } from '../lib/clean/plugins/rehype-parse-unpositioned.ts';
import { sanitizeSchema } from '../lib/clean/sanitize-schema.ts';
import { decodeText } from '../lib/read/decode-text.ts';
import { parseRawArticle } from '../lib/read/parse-raw-article.ts';

/** The files one floor worker takes: every `step`-th path from `first`. */
export interface FloorWorkerData {
  files: string[];
  first: number;
  step: number;
}

// The least any rehype pipeline must do with a raw file: decode it, read its header, parse the body,
// sanitize it, serialize it. None of our cleaning, no summary, language or validation, no cache.
const bare = unified().use(rehypeParseUnpositioned).use(rehypeSanitize, sanitizeSchema).use(rehypeStringify).freeze();

const { files, first, step } = workerData as FloorWorkerData;
let bytes = 0;
for (let index = first; index < files.length; index += step) {
  const text = decodeText(readFileSync(files[index]!));
  if (!text.ok) continue;
  const raw = parseRawArticle(text.value);
  if (raw.ok) bytes += String(bare.processSync(raw.value.body)).length;
}
parentPort?.postMessage(bytes);
