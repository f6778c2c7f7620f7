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
