import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteArticle } from '../archive/archived-article.ts';
import { groupStories, storyInputs, type Stories, type StoryInput } from './group-stories.ts';

/**
 * The archive's stories, kept in `cacheDir` for the next build: grouping 10,000 articles takes about a second,
 * a build that changes nothing takes three or four. Kept under a key of everything grouping reads (each article's
 * time, source and terms, and the grouping code), with a SHA-256 of what is kept: a kept file that does not match
 * is grouped again, never used.
 */
export function cachedStories(articles: readonly SiteArticle[], cacheDir: string | undefined): Stories {
  const items = storyInputs(articles);
  if (!cacheDir) return groupStories(items);
  const file = join(cacheDir, 'stories.json');
  const key = inputKey(items);
  const kept = readKept(file, key, items.length);
  if (kept) return kept;
  const stories = groupStories(items);
  const body = JSON.stringify(stories);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ key, sha256: sha256(body), body }));
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written costs grouping again next time.
  }
  return stories;
}

function readKept(file: string, key: string, count: number): Stories | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; sha256?: unknown; body?: unknown };
    if (kept.key !== key || typeof kept.body !== 'string' || kept.sha256 !== sha256(kept.body)) return undefined;
    const stories = JSON.parse(kept.body) as Stories;
    return stories.storyOf.length === count && stories.similar.length === count ? stories : undefined;
  } catch {
    return undefined;
  }
}

const groupingCode = [fileURLToPath(new URL('./group-stories.ts', import.meta.url))];
let codeDigest: string | undefined;

function inputKey(items: readonly StoryInput[]): string {
  codeDigest ??= createHash('sha256').update(groupingCode.map((file) => readFileSync(file)).join('\n')).digest('base64url');
  const hash = createHash('sha256').update(codeDigest);
  for (const { time, source, features } of items) hash.update(`${time}|${source}|${features ? `${features.terms.join(',')}|${features.weights.join(',')}` : ''}\n`);
  return hash.digest('base64url');
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');
