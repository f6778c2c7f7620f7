import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadArchive } from '../../lib/archive/load-archive.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import { serveSite, type ServeEvent } from '../../lib/render/serve-site.ts';
import type { Result } from '../../lib/result.ts';
import { buildSiteModel } from '../../lib/site/site-model.ts';
import { groupStories, storyInputs } from '../../lib/stories/group-stories.ts';
import { feedxDir } from '../corpus-dir.ts';

// serve writes a dropped article's page before grouping stories, then again once they are grouped: the page it
// leaves is the whole one, with the story the new article joined.

const config = siteConfigSchema.parse({ title: 'T', url: 'https://example.org' });
let work: string;
let content: string;
let outDir: string;
let dropped: { file: string; url: string; storyUrls: string[] };
const events: ServeEvent[] = [];
const stop = new AbortController();
let serving: Promise<Result<undefined>>;

const load = () => loadArchive({ contentDir: content, config, cacheDir: join(work, 'parse') });
const rebuilds = () => events.filter((event) => event.type === 'rebuilt').length;
async function until(done: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'serve-stories-'));
  content = join(work, 'content');
  outDir = join(work, '_site');
  await cp(feedxDir, join(work, 'all'), { recursive: true });
  const { articles } = await loadArchive({ contentDir: join(work, 'all'), config, cacheDir: join(work, 'parse') });
  const { stories } = groupStories(storyInputs(articles));
  const views = buildSiteModel({ articles, config, pathPrefix: '/', mode: 'serve' }).articles;
  // The story's newest article, as a bot saving today's news adds it.
  const story = stories[0]!;
  const newest = story.at(-1)!;
  dropped = { file: articles[newest]!.data.file, url: views[newest]!.url, storyUrls: story.filter((index) => index !== newest).map((index) => views[index]!.url) };
  await cp(join(work, 'all'), content, { recursive: true, filter: (path) => !path.endsWith(dropped.file) });
  serving = serveSite({ contentDir: content, config, port: 0, load, outDir, cacheDir: join(work, 'cache'), signal: stop.signal, onEvent: (event) => events.push(event) });
  await until(() => events.some((event) => event.type === 'ready'));
});

afterAll(async () => {
  stop.abort();
  expect(await serving).toEqual({ ok: true, value: undefined });
  await rm(work, { recursive: true, force: true });
});

test('a dropped article that joins a story is served with the story, as a full build writes its page', async () => {
  const before = rebuilds();
  await cp(join(work, 'all', dropped.file), join(content, dropped.file));
  await until(() => rebuilds() > before);
  const page = join(outDir, dropped.url, 'index.html');
  const served = await readFile(page, 'utf8');
  expect(served).toContain('id="same-story"');
  for (const url of dropped.storyUrls) expect(served).toContain(`href="${url}"`);

  const full = join(work, 'full');
  await buildSite({ archive: await load(), config, outDir: full, mode: 'serve' });
  expect(served).toBe(await readFile(join(full, dropped.url, 'index.html'), 'utf8'));
});
