import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRawArticle } from '../lib/read/read-raw-article.ts';

/** A real article file to replicate: its title, the host it came from and its body, kept byte for byte. */
export interface CorpusTemplate {
  /** Path of the real file, for the record. */
  file: string;
  title: string;
  /** Source host without `www.`: replicas keep it so a body stays with its own source. */
  host: string;
  body: string;
}

export interface CorpusLoad {
  templates: CorpusTemplate[];
  /** Real files that do not parse: reported, not replicated. */
  skipped: { file: string; reason: string }[];
}

// The real corpus is kept in the repository with the test fixtures.
const corpusDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'corpus');
export const defaultCorpusDirs = [join(corpusDir, 'seed'), join(corpusDir, 'feedx')];

/** Every article file (`.txt`) in the corpus folders, in a fixed order so the same seed gives the same archive. */
export async function loadCorpusTemplates(dirs: readonly string[] = defaultCorpusDirs): Promise<CorpusLoad> {
  const load: CorpusLoad = { templates: [], skipped: [] };
  for (const dir of dirs) {
    const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
    for (const name of names) {
      const file = join(dir, name);
      const parsed = readRawArticle(await readFile(file));
      if (!parsed.ok) {
        load.skipped.push({ file, reason: parsed.reason });
        continue;
      }
      const { title, url, body } = parsed.value;
      load.templates.push({ file, title, host: new URL(url).hostname.replace(/^www\./, ''), body });
    }
  }
  return load;
}
