import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseArticles, parseWorkerEntry, startParseWorker } from '../../lib/archive/parse-articles.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { feedxDir } from '../corpus-dir.ts';

const config = siteConfigSchema.parse({ title: 'T', url: 'https://example.org' });
const options = { sources: config.sources, language: config.language, maxFileBytes: config.maxFileBytes };

/** 160 real files: enough for the workers (120 and more), four batches each of two workers. */
async function corpusSources() {
  const names = (await readdir(feedxDir)).filter((name) => name.endsWith('.txt')).sort().slice(0, 160);
  return Promise.all(names.map(async (file) => ({ file, bytes: await readFile(join(feedxDir, file)) })));
}

describe('parseArticles', () => {
  test('worker threads give the same articles and reasons as parsing in place, in the same order', async () => {
    const sources = await corpusSources();
    expect(sources).toHaveLength(160);
    const progress: number[] = [];
    const asked: number[] = [];
    const sourceAt = (index: number) => (asked.push(index), sources[index]!);
    const inWorkers = await parseArticles(sources.length, sourceAt, options, { workers: 2, onParsed: (count) => progress.push(count) });
    const inPlace = await parseArticles(sources.length, (index) => sources[index]!, options, { workers: 1 });
    expect(inWorkers).toEqual(inPlace);
    expect(inWorkers.filter((result) => result.ok).length).toBeGreaterThan(140);
    expect(progress.at(-1)).toBe(sources.length);
    // Each source is asked for once, when its batch is sent.
    expect(asked.sort((a, b) => a - b)).toEqual(sources.map((_, index) => index));
  });

  test('a worker started before the files were known parses a few of them as this thread would, and is stopped when there are none', async () => {
    const sources = (await corpusSources()).slice(0, 3);
    const early = await parseArticles(sources.length, (index) => sources[index]!, options, { started: startParseWorker() });
    expect(early).toEqual(await parseArticles(sources.length, (index) => sources[index]!, options, { workers: 1 }));

    const unused = startParseWorker();
    const exited = new Promise<number>((resolve) => void unused.then((worker) => worker.once('exit', resolve)));
    expect(await parseArticles(0, () => sources[0]!, options, { started: unused })).toEqual([]);
    await exited;
  });

  test('keeps what `keep` makes of each result, in order', async () => {
    const sources = await corpusSources();
    const kept = await parseArticles(sources.length, (index) => sources[index]!, options, { workers: 2, keep: (result, index) => `${index}:${result.ok}` });
    expect(kept.map((entry) => entry.split(':')[0])).toEqual(sources.map((_, index) => String(index)));
  });

  test('a source that could not be read is rejected with its reason, in workers and in place', async () => {
    const sources = await corpusSources();
    const unread = { ok: false as const, reason: 'permission denied' };
    const sourceAt = (index: number) => (index === 50 ? unread : sources[index]!);
    const inWorkers = await parseArticles(sources.length, sourceAt, options, { workers: 2 });
    const inPlace = await parseArticles(sources.length, sourceAt, options, { workers: 1 });
    expect(inWorkers[50]).toEqual(unread);
    expect(inWorkers).toEqual(inPlace);
    expect(inWorkers[51]).toEqual(await parseArticles(1, () => sources[51]!, options).then((results) => results[0]));
  });

  test('workers start from the bundled worker, not from the TypeScript through tsx', async () => {
    const entry = await parseWorkerEntry();
    expect(entry.pathname).toMatch(/node_modules\/\.cache\/news-digest\/parse-worker-[\w-]+\.mjs$/);
  });
});
