import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteArticle } from '../archive/archived-article.ts';
import type { CacheNote } from '../archive/cache-note.ts';
import { makeFoldersSync } from '../util/make-folders.ts';
import { groupStories, storyInputs, type Stories, type StoryInput } from './group-stories.ts';

/**
 * The archive's stories, kept in `cacheDir` for the next build: grouping 10,000 articles takes 0.2-0.35 s (100,000: 4 s),
 * a build that changes nothing about two. Kept under a key of everything grouping reads (each article's
 * time, source and terms, and the grouping code), with a SHA-256 of what is kept: a kept file that does not match
 * is grouped again, never used.
 */
export function cachedStories(articles: readonly SiteArticle[], cacheDir: string | undefined): { stories: Stories; cacheNotes: CacheNote[] } {
  const found = lookUpStories(articles, cacheDir);
  return { stories: found.kept ?? found.group(), cacheNotes: found.cacheNotes };
}

export interface StoriesLookup {
  /** The stories kept for exactly these articles, if any. */
  kept: Stories | undefined;
  cacheNotes: CacheNote[];
  /** Groups the articles and keeps the result for the next build. */
  group: () => Stories;
}

/** The kept stories when they are still right, and the means to group them when not: the dev server writes a new article's page in between. */
export function lookUpStories(articles: readonly SiteArticle[], cacheDir: string | undefined): StoriesLookup {
  const items = storyInputs(articles);
  if (!cacheDir) return { kept: undefined, cacheNotes: [], group: () => groupStories(items) };
  const file = join(cacheDir, 'stories.json');
  const key = inputKey(items);
  const kept = readKept(file, key, items.length);
  if (typeof kept === 'object') return { kept, cacheNotes: [], group: () => kept };
  // Kept for other articles is no damage: the archive changed. A file that cannot be read as kept is.
  const cacheNotes: CacheNote[] = kept === 'damaged' ? [{ file, reason: 'damaged, grouped again' }] : [];
  const group = (): Stories => {
    const stories = groupStories(items);
    const body = JSON.stringify(stories);
    try {
      makeFoldersSync(cacheDir);
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ key, sha256: sha256(body), body }));
      renameSync(temporary, file);
    } catch {
      // A cache that cannot be written costs grouping again next time (the parse cache, written first, says so).
    }
    return stories;
  };
  return { kept: undefined, cacheNotes, group };
}

/** The kept stories; `other` when they were kept for other articles; `damaged`; undefined when none are kept. */
function readKept(file: string, key: string, count: number): Stories | 'other' | 'damaged' | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const kept = JSON.parse(text) as { key?: unknown; sha256?: unknown; body?: unknown };
    if (typeof kept.key !== 'string' || typeof kept.body !== 'string' || kept.sha256 !== sha256(kept.body)) return 'damaged';
    if (kept.key !== key) return 'other';
    const stories = JSON.parse(kept.body) as Stories;
    return stories.storyOf.length === count && stories.similar.length === count ? stories : 'damaged';
  } catch {
    return 'damaged';
  }
}

const groupingCode = fileURLToPath(new URL('./group-stories.ts', import.meta.url));
let codeDigest: string | undefined;

function inputKey(items: readonly StoryInput[]): string {
  codeDigest ??= createHash('sha256').update(readFileSync(groupingCode)).digest('base64url');
  const hash = createHash('sha256').update(codeDigest);
  for (const { time, source, features } of items) hash.update(`${time}|${source}|${features ? `${features.terms.join(',')}|${features.weights.join(',')}` : ''}\n`);
  return hash.digest('base64url');
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');
