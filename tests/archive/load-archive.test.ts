import { copyFile, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { loadArchive } from '../../lib/archive/load-archive.ts';
import { readParseCache, writeParseCache } from '../../lib/archive/parse-cache.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { feedxDir } from '../corpus-dir.ts';

const feedx = feedxDir;
const config = siteConfigSchema.parse({ title: 'T', url: 'https://example.org' });

let content: string;
let cacheDir: string;
beforeEach(async () => {
  content = await mkdtemp(join(tmpdir(), 'archive-'));
  cacheDir = await mkdtemp(join(tmpdir(), 'cache-'));
  for (const name of ['rfi-01.txt', 'bbc-02.txt', 'dw-27.txt']) await copyFile(join(feedx, name), join(content, name));
});

describe('loadArchive', () => {
  test('accounts for every file exactly once', async () => {
    await copyFile(join(feedx, 'rfi-01.txt'), join(content, 'rfi-01 again.txt'));
    await writeFile(join(content, 'broken.txt'), 'not an article');
    await writeFile(join(content, '.gitkeep'), '');
    const { articles, report } = await loadArchive({ contentDir: content, config });
    expect(report.built).toEqual(['bbc-02.txt', 'dw-27.txt', 'rfi-01 again.txt']);
    expect(report.duplicates).toEqual([{ file: 'rfi-01.txt', of: 'rfi-01 again.txt' }]);
    expect(report.rejected.map((entry) => entry.file)).toEqual(['broken.txt']);
    expect(report.ignored).toEqual(['.gitkeep']);
    expect(articles.map((article) => article.data.publishedAt.getTime())).toEqual(
      articles.map((article) => article.data.publishedAt.getTime()).sort((a, b) => b - a),
    );
  });

  test('the newer of two saves of one URL wins', async () => {
    const text = await readFile(join(feedx, 'rfi-01.txt'), 'utf8');
    const later = text.replace(/<!--(\d+)-->/, (_, ms: string) => `<!--${Number(ms) + 3_600_000}-->`);
    await writeFile(join(content, 'a-later-save.txt'), later);
    const { articles, report } = await loadArchive({ contentDir: content, config });
    expect(report.duplicates).toEqual([{ file: 'rfi-01.txt', of: 'a-later-save.txt' }]);
    expect(articles.filter((article) => article.data.file === 'a-later-save.txt')).toHaveLength(1);
  });
});

describe('the parse cache', () => {
  test('a warm load parses nothing and gives the same articles', async () => {
    const cold = await loadArchive({ contentDir: content, config, cacheDir });
    expect(cold.stats).toEqual({ parsed: 3, cached: 0 });
    const warm = await loadArchive({ contentDir: content, config, cacheDir });
    expect(warm.stats).toEqual({ parsed: 0, cached: 3 });
    expect(warm.articles).toEqual(cold.articles);
  });

  test('a changed file is parsed again, and a renamed one keeps its new name', async () => {
    await loadArchive({ contentDir: content, config, cacheDir });
    const text = await readFile(join(content, 'dw-27.txt'), 'utf8');
    await writeFile(join(content, 'dw-27.txt'), text.replace('------', '------\n'));
    await copyFile(join(content, 'bbc-02.txt'), join(content, 'bbc-renamed.txt'));
    await rm(join(content, 'bbc-02.txt'));
    const warm = await loadArchive({ contentDir: content, config, cacheDir });
    expect(warm.stats).toEqual({ parsed: 1, cached: 2 });
    expect(warm.report.built).toContain('bbc-renamed.txt');
    expect(warm.articles.find((article) => article.data.file === 'bbc-renamed.txt')).toBeDefined();
  });

  test('bodies are kept out of the index and read back intact; a store gone missing means parsing afresh', async () => {
    const cold = await loadArchive({ contentDir: content, config, cacheDir });
    const bodies = cold.articles.map((article) => article.html);
    expect(bodies.every((html) => html.startsWith('<'))).toBe(true);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(join(cacheDir, 'bodies'))).length).toBe(1);
    // A new process: nothing held in memory from the loads above.
    await rm(join(cacheDir, 'bodies'), { recursive: true });
    vi.resetModules();
    const { loadArchive: loadInNewProcess } = await import('../../lib/archive/load-archive.ts');
    const again = await loadInNewProcess({ contentDir: content, config, cacheDir });
    expect(again.stats.parsed).toBe(3);
    expect(again.articles.map((article) => article.html)).toEqual(bodies);
  });

  test('a damaged index or body is noted, parsed again and written again; the load after is quiet', async () => {
    const cold = await loadArchive({ contentDir: content, config, cacheDir });
    expect(cold.cacheNotes).toEqual([]);
    const bodies = cold.articles.map((article) => article.html);
    const flipAt = async (file: string, at: (length: number) => number) => {
      const bytes = await readFile(file);
      bytes[at(bytes.length)]! ^= 0x01;
      await writeFile(file, bytes);
    };
    // Each load below in a new process: nothing held in memory from the loads before.
    const loadAfresh = async () => {
      vi.resetModules();
      const { loadArchive: load } = await import('../../lib/archive/load-archive.ts');
      return load({ contentDir: content, config, cacheDir });
    };

    await flipAt(join(cacheDir, 'parsed-index.v8'), (length) => length - 40);
    const afterIndex = await loadAfresh();
    expect(afterIndex.cacheNotes).toEqual([{ file: join(cacheDir, 'parsed-index.v8'), reason: 'damaged (its checksum does not match), every file parsed again' }]);
    expect(afterIndex.stats.parsed).toBe(3);
    expect(afterIndex.articles).toEqual(cold.articles.map((article) => expect.objectContaining({ data: article.data, bodyHash: article.bodyHash })));

    const body = afterIndex.articles[1]!.stored!.body;
    await flipAt(join(cacheDir, 'bodies', body.segment), () => body.offset + 1);
    const afterBody = await loadAfresh();
    expect(afterBody.cacheNotes).toEqual([{ file: join(cacheDir, 'bodies', body.segment), reason: '1 entry damaged, parsed again' }]);
    expect(afterBody.stats).toEqual({ parsed: 1, cached: 2 });
    expect(afterBody.articles.map((article) => article.html)).toEqual(bodies);

    const quiet = await loadAfresh();
    expect(quiet.cacheNotes).toEqual([]);
    expect(quiet.stats).toEqual({ parsed: 0, cached: 3 });
    expect(quiet.articles.map((article) => article.html)).toEqual(bodies);
  });

  test('a file touched but not changed is recognised by its content', async () => {
    await loadArchive({ contentDir: content, config, cacheDir });
    const { utimes } = await import('node:fs/promises');
    await utimes(join(content, 'dw-27.txt'), new Date(), new Date(Date.now() + 5000));
    const touched = await loadArchive({ contentDir: content, config, cacheDir });
    expect(touched.stats).toEqual({ parsed: 0, cached: 3 });
  });

  test('a deleted file leaves the cache and the archive', async () => {
    await loadArchive({ contentDir: content, config, cacheDir });
    await rm(join(content, 'rfi-01.txt'));
    const after = await loadArchive({ contentDir: content, config, cacheDir });
    expect(after.report.built).toEqual(['bbc-02.txt', 'dw-27.txt']);
    const { pipelineVersion } = await import('../../lib/archive/pipeline-version.ts');
    const version = `${pipelineVersion()}:${JSON.stringify({ sources: config.sources, language: config.language, maxFileBytes: config.maxFileBytes, search: config.search === true })}`;
    expect((await readParseCache(cacheDir, version)).cache.entries.size).toBe(2);
  });

  test('another pipeline version or site setting starts from nothing', async () => {
    await writeParseCache(cacheDir, 'old-version', { entries: new Map([['key', { ok: false, reason: 'stale' }]]), stamps: new Map() });
    expect((await readParseCache(cacheDir, 'new-version')).cache.entries.size).toBe(0);
    await loadArchive({ contentDir: content, config, cacheDir });
    const renamed = siteConfigSchema.parse({ title: 'T', url: 'https://example.org', sources: { 'rfi.fr': 'RFI' } });
    const reloaded = await loadArchive({ contentDir: content, config: renamed, cacheDir });
    expect(reloaded.stats.parsed).toBe(3);
    expect(reloaded.articles.find((article) => article.data.host === 'rfi.fr')?.data.source).toBe('RFI');
  });

  test('many files are parsed on worker threads with the same results as in place', async () => {
    const many = await mkdtemp(join(tmpdir(), 'many-'));
    const { readdir } = await import('node:fs/promises');
    const names = (await readdir(feedx)).filter((name) => name.endsWith('.txt'));
    for (const name of names) await copyFile(join(feedx, name), join(many, name));
    const inPlace = await loadArchive({ contentDir: many, config, workers: 1 });
    const threaded = await loadArchive({ contentDir: many, config, workers: 2 });
    expect(threaded.articles).toEqual(inPlace.articles);
    expect(threaded.report).toEqual(inPlace.report);
  });
});
