import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadArchive } from '../../lib/archive/load-archive.ts';
import { buildSite, defaultTemplatesDir } from '../../lib/render/build-site.ts';
import { planRender } from '../../lib/render/render-plan.ts';
import { outputMarkerName } from '../../lib/render/output-folder.ts';
import { startRenderHelper } from '../../lib/render/render-helper.ts';
import { renderRun } from '../../lib/render/render-run.ts';
import { collectGarbage } from '../../lib/util/collect-garbage.ts';
import { buildSiteModel } from '../../lib/site/site-model.ts';
import { singlePageTemplates } from '../../lib/render/single-page-templates.ts';
import { handMadeArticles, testConfig } from '../site/hand-made-articles.ts';
import { listFiles } from '../site/site-files.ts';

const work = await mkdtemp(join(tmpdir(), 'render-runs-'));
afterAll(() => rm(work, { recursive: true, force: true }));

test('the single-page templates are the ones not paginated over the pages to render', async () => {
  expect(await singlePageTemplates(defaultTemplatesDir)).toEqual(['404.njk', 'archive.njk', 'robots.njk', 'search.njk', 'sitemap-part.njk', 'sitemap.njk', 'sources.njk']);
});

test.each([
  { threads: 1, what: 'on one thread' },
  { threads: 2, what: 'on two threads, each taking the next run' },
])('rendering in many small Eleventy runs $what writes exactly what one run writes', async ({ threads }) => {
  const articles = handMadeArticles(24);
  const whole = join(work, `whole-${threads}`);
  const inRuns = join(work, `in-runs-${threads}`);
  const one = await buildSite({ archive: { articles }, config: testConfig, outDir: whole, renderThreads: 1 });
  const many = await buildSite({ archive: { articles }, config: testConfig, outDir: inRuns, pagesPerRun: 7, renderThreads: threads });

  expect(many).toEqual(one);
  const files = await listFiles(whole);
  expect(await listFiles(inRuns)).toEqual(files);
  expect(files).toContain('404.html');
  expect(files).toContain('assets/style.css');
  for (const file of files) expect(await readFile(join(inRuns, file), 'utf8'), file).toBe(await readFile(join(whole, file), 'utf8'));
});

test('the second thread renders stored articles exactly as the main thread does', async () => {
  const contentDir = join(work, 'stored-content');
  await mkdir(contentDir);
  for (const [index, article] of handMadeArticles(30).entries()) {
    const published = article.data.publishedAt.getTime();
    await writeFile(join(contentDir, `a${index}.txt`), `<!--${published}-->\n[${article.data.title}](${article.data.url})\n------\n\n${article.html}\n`);
  }
  const archive = await loadArchive({ contentDir, config: testConfig, cacheDir: join(work, 'stored-cache') });
  expect(archive.articles.every((article) => article.stored !== undefined)).toBe(true);
  const whole = join(work, 'stored-whole');
  await buildSite({ archive, config: testConfig, outDir: whole, renderThreads: 1 });

  // The helper alone, the main thread taking no run: it renders every page from its own model.
  const model = buildSiteModel({ articles: archive.articles, config: testConfig, pathPrefix: '/', mode: 'build' });
  const { render } = planRender(model, '', undefined, new Set());
  const target = join(work, 'stored-helper');
  let written = 0;
  const helper = startRenderHelper(archive.articles, {
    config: testConfig,
    pathPrefix: '/',
    mode: 'build',
    templatesDir: defaultTemplatesDir,
    target,
    gcAboveBytes: 2 ** 40,
    runs: [{ pages: render, leaveOut: undefined }],
    next: new Int32Array(new SharedArrayBuffer(4)),
    onWritten: () => written++,
  });
  const files = await helper.finished;
  await helper.close();
  expect(helper.stoppedBy).toBeUndefined();
  expect([...files.keys()]).toEqual([0]);
  // The marker and the search index are the build's, written after rendering, never by a render thread.
  const expected = (await listFiles(whole)).filter((file) => file !== outputMarkerName && (!file.startsWith('search/') || file === 'search/index.html'));
  expect(await listFiles(target)).toEqual(expected);
  // The assets it copied among them.
  expect(files.get(0)!.sort()).toEqual(expected);
  expect(written).toBeGreaterThan(archive.articles.length);
  for (const file of expected) expect(await readFile(join(target, file), 'utf8'), file).toBe(await readFile(join(whole, file), 'utf8'));
});

test('a template failing on every article page fails a build in two threads, leaving no half-written folder', async () => {
  const articles = handMadeArticles(24);
  const templatesDir = join(work, 'failing-templates');
  await cp(defaultTemplatesDir, templatesDir, { recursive: true });
  await writeFile(join(templatesDir, 'article.njk'), (await readFile(join(defaultTemplatesDir, 'article.njk'), 'utf8')).replace('{{ view.title }}', '{{ view.title | noSuchFilter }}'));
  const outDir = join(work, 'failing');
  await expect(buildSite({ archive: { articles }, config: testConfig, outDir, templatesDir, pagesPerRun: 7, renderThreads: 2 })).rejects.toThrow(/article\.njk/);
  expect((await readdir(work)).filter((name) => name.startsWith('.failing'))).toEqual([]);

  // The same failure on the second thread alone reaches the main thread as a failed run.
  const model = buildSiteModel({ articles, config: testConfig, pathPrefix: '/', mode: 'build' });
  const helper = startRenderHelper(articles, {
    config: testConfig,
    pathPrefix: '/',
    mode: 'build',
    templatesDir,
    target: join(work, 'failing-helper'),
    gcAboveBytes: 2 ** 40,
    runs: [{ pages: planRender(model, '', undefined, new Set()).render, leaveOut: undefined }],
    next: new Int32Array(new SharedArrayBuffer(4)),
    onWritten: undefined,
  });
  await expect(helper.finished).rejects.toThrow(/run 1 in the second thread failed: .*article\.njk/s);
  await helper.close();
});

test('a rebuild of the same site with its output intact does nothing; a missing single page is written again', async () => {
  const articles = handMadeArticles(12);
  const outDir = join(work, 'again');
  const cacheDir = join(work, 'again-cache');
  const first = await buildSite({ archive: { articles }, config: testConfig, outDir, cacheDir });
  const files = await listFiles(outDir);
  const again = await buildSite({ archive: { articles }, config: testConfig, outDir, cacheDir });
  // It says the size the first build recorded, without counting the files again.
  expect(again).toEqual({ pages: first.pages, rendered: 0, cacheNotes: [], bytes: first.bytes });
  expect(first.bytes).toBeGreaterThan(10_000);
  expect(await listFiles(outDir)).toEqual(files);

  await rm(join(outDir, 'sitemap.xml'));
  const repaired = await buildSite({ archive: { articles }, config: testConfig, outDir, cacheDir });
  expect(repaired.rendered).toBeGreaterThan(0);
  expect(await listFiles(outDir)).toEqual(files);

  // Any change to what a page shows is a change to the site.
  const retitled = articles.map((article, index) => (index === 3 ? { ...article, data: { ...article.data, title: 'A new title' } } : article));
  const changed = await buildSite({ archive: { articles: retitled }, config: testConfig, outDir, cacheDir });
  expect(changed.rendered).toBeGreaterThan(0);
});

test("an Eleventy run's site model does not outlive the run (Eleventy's module-wide caches let it go)", async () => {
  const articles = handMadeArticles(6);
  // Made in a function of its own, so that only the weak reference leaves it.
  const rendered = async (target: string) => {
    const model = buildSiteModel({ articles, config: testConfig, pathPrefix: '/', mode: 'build' });
    const { render } = planRender(model, '', undefined, new Set());
    const files = await renderRun({ model, pages: render, templatesDir: defaultTemplatesDir, pathPrefix: '/', target });
    return { files, model: new WeakRef(model) };
  };
  const { files, model } = await rendered(join(work, 'forgotten'));
  expect(files).toContain('index.html');
  // A weak reference keeps its target until the task that made or read it is over.
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
  expect(model.deref()).toBeUndefined();
});
