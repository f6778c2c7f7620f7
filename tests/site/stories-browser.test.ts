import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import type { Article } from '../../lib/schema/article.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import { buildSiteModel } from '../../lib/site/site-model.ts';
import siteConfigInput from '../../site.config.ts';
import { loadCorpusArticles } from './corpus-archive.ts';
import { axeViolations, headerRows, scrollsSideways } from './page-checks.ts';
import { serveStatic } from './site-files.ts';
import { chromiumLaunchOptions } from '../security/browser-spy.ts';

// Stories (home and day pages), related articles (an article page) and topics (a topic page, the index) of the real corpus in Debian's Chromium, at
// phone and desktop widths, light and dark. DIGEST_SCREENSHOTS=<folder> keeps a screenshot of each, to look at.

const screenshots = process.env.DIGEST_SCREENSHOTS;
const config = siteConfigSchema.parse(siteConfigInput);
const corpus = await loadCorpusArticles(config);
// The corpus's newest days hold blogs and videos: the archive as it stood on 21 July 2020 has news reported twice on its home page.
const articles: Article[] = 'articles' in corpus ? corpus.articles.filter((article) => article.data.publishedAt < new Date('2020-07-21T00:00:00+08:00')) : [];

let work: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
const samples: [string, string][] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'stories-browser-'));
  const outDir = join(work, 'site');
  await buildSite({ archive: { articles }, config, outDir, pathPrefix: '/' });
  const model = buildSiteModel({ articles, config, pathPrefix: '/', mode: 'build' });
  const day = [...model.days].sort((a, b) => b.stories.length - a.stories.length)[0]!;
  const article = model.articles.find((view) => view.sameStory.length >= 3 && view.related.length >= 3)!;
  const topic = model.topics.find((candidate) => /\p{Script=Han}/u.test(candidate.name) && candidate.count >= 5)!;
  samples.push(['home', '/'], ['day-stories', day.url], ['article-related', article.url], ['topic', topic.url], ['topics', '/topics/']);
  server = await serveStatic(outDir, '/');
  browser = await chromium.launch(chromiumLaunchOptions);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf('unavailable' in corpus)('stories, related articles and topics in Chromium', () => {
  test.each([
    [390, 'light'],
    [390, 'dark'],
    [1280, 'light'],
    [1280, 'dark'],
  ] as const)('at %i px, %s: no axe violation of any impact, no sideways scrolling, the header on one line on a phone', async (width, scheme) => {
    // `bypassCSP` only to inject axe-core: the pages' own policy rightly forbids inline scripts.
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP: true });
    await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    const problems: string[] = [];
    for (const [name, path] of samples) {
      await page.goto(`${server.origin}${path}`);
      if (screenshots) {
        // The part this test is about in view: the article page's lists are below its body.
        if (name === 'article-related') await page.evaluate(() => document.querySelector('.same-story')?.scrollIntoView());
        await page.screenshot({ path: join(screenshots, `${name}-${width}-${scheme}.png`) });
      }
      if ((name === 'home' || name === 'day-stories') && (await page.locator('.story').count()) === 0) problems.push(`${name}: no stories`);
      if (name === 'topic' && (await page.locator('.entry').count()) < 5) problems.push(`${name}: no articles`);
      if (name === 'article-related' && (await page.locator('.same-story li, .related li').count()) < 6) problems.push(`${name}: no related articles`);
      for (const violation of await axeViolations(page)) problems.push(`${name}: axe ${violation.id} ${violation.impact} (${violation.nodes})`);
      if (await scrollsSideways(page)) problems.push(`${name}: scrolls sideways`);
      const rows = await headerRows(page);
      if (width < 400 && rows !== 1) problems.push(`${name}: the header takes ${rows} rows`);
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  test('the sample pages pass html-validate', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-trailing-whitespace': 'off', 'long-title': 'off' } });
    const problems: string[] = [];
    for (const [name, path] of samples) {
      const response = await fetch(`${server.origin}${encodeURI(path)}`);
      if (!response.ok) problems.push(`${name}: ${response.status}`);
      const report = await validator.validateString(await response.text());
      for (const result of report.results) for (const message of result.messages) problems.push(`${name}: ${message.ruleId} ${message.message}`);
    }
    expect(problems).toEqual([]);
  });
});
