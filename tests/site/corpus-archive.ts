import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../lib/schema/article.ts';
import type { SiteConfig } from '../../lib/config/site-config-schema.ts';
import { corpusDir } from '../corpus-dir.ts';

const corpus = corpusDir;

/**
 * The real corpus (seed + feedx) through the lead engineer's `loadArchive`, or the reason it cannot be
 * loaded yet (the engine's reading and cleaning steps land separately from the site).
 */
export async function loadCorpusArticles(config: SiteConfig): Promise<{ articles: Article[] } | { unavailable: string }> {
  try {
    const { loadArchive } = await import('../../lib/archive/load-archive.ts');
    const contentDir = await mkdtemp(join(tmpdir(), 'site-corpus-'));
    await cp(join(corpus, 'seed'), join(contentDir, 'seed'), { recursive: true });
    await cp(join(corpus, 'feedx'), join(contentDir, 'feedx'), { recursive: true });
    const archive = await loadArchive({ contentDir, config });
    return { articles: archive.articles };
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message : String(error) };
  }
}

/** A year after, in milliseconds: corpus files restamped by it are the same articles, published in the next year. */
const yearLater = 366 * 24 * 60 * 60 * 1000;

/**
 * A content folder of real corpus files over two years: `files2020` as they are (the corpus is of 2020), and
 * `files2021` with their `<!--ms-->` header moved a year on. Returns the folder.
 */
export async function twoYearContent(dir: string, files2020: string[], files2021: string[]): Promise<string> {
  const { mkdir, readFile, writeFile } = await import('node:fs/promises');
  const contentDir = join(dir, 'content');
  await mkdir(contentDir, { recursive: true });
  for (const name of files2020) await cp(join(corpus, 'feedx', name), join(contentDir, name));
  for (const name of files2021) {
    const text = await readFile(join(corpus, 'feedx', name), 'utf8');
    const moved = text.replace(/^<!--(\d+)-->/, (_, ms: string) => `<!--${Number(ms) + yearLater}-->`);
    if (moved === text) throw new Error(`${name} has no <!--ms--> header to move`);
    await writeFile(join(contentDir, name), moved);
  }
  return contentDir;
}
