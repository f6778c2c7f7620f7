import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadArchive } from '../../lib/archive/load-archive.ts';
import type { SiteArticle } from '../../lib/archive/archived-article.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { cachedStories } from '../../lib/stories/cached-stories.ts';
import { groupStories, storyInputs } from '../../lib/stories/group-stories.ts';
import { feedxDir } from '../corpus-dir.ts';

const config = siteConfigSchema.parse({ title: 'T', url: 'https://example.org' });
let work: string;
let articles: SiteArticle[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cached-stories-'));
  await cp(feedxDir, join(work, 'content'), { recursive: true });
  articles = (await loadArchive({ contentDir: join(work, 'content'), config, cacheDir: join(work, 'parse') })).articles;
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test('stories kept from the last build are those grouping makes, and are used only while what they were grouped from is the same', async () => {
  const cacheDir = join(work, 'cache');
  const fresh = groupStories(storyInputs(articles));
  expect(fresh.stories.length).toBeGreaterThan(0);
  expect(cachedStories(articles, cacheDir)).toEqual({ stories: fresh, cacheNotes: [] });
  const file = join(cacheDir, 'stories.json');
  const kept = await readFile(file, 'utf8');
  // Read back: the same stories.
  expect(cachedStories(articles, cacheDir)).toEqual({ stories: fresh, cacheNotes: [] });

  // One article fewer: grouped again (the kept file was for other articles), and kept anew.
  const fewer = articles.slice(1);
  // Kept for other articles is no damage: nothing to say.
  expect(cachedStories(fewer, cacheDir)).toEqual({ stories: groupStories(storyInputs(fewer)), cacheNotes: [] });
  expect(await readFile(file, 'utf8')).not.toBe(kept);
});

test('a kept file that was damaged, even into other valid stories, is never used', async () => {
  const cacheDir = join(work, 'damaged');
  const { stories: fresh } = cachedStories(articles, cacheDir);
  const file = join(cacheDir, 'stories.json');
  const kept = JSON.parse(await readFile(file, 'utf8')) as { key: string; sha256: string; body: string };
  const swapped = JSON.parse(kept.body) as typeof fresh;
  swapped.similar[0] = [1, 2];
  await writeFile(file, JSON.stringify({ ...kept, body: JSON.stringify(swapped) }));
  const said = { stories: fresh, cacheNotes: [{ file, reason: 'damaged, grouped again' }] };
  expect(cachedStories(articles, cacheDir)).toEqual(said);
  await writeFile(file, '{"key": tr');
  expect(cachedStories(articles, cacheDir)).toEqual(said);
  // Grouped again, and kept again: nothing more to say.
  expect(cachedStories(articles, cacheDir)).toEqual({ stories: fresh, cacheNotes: [] });
});
