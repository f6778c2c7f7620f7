import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from '../../lib/site/content-security-policy.ts';
import { xmlSafe } from '../../lib/render/xml-safe.ts';
import type { Article } from '../../lib/schema/article.ts';
import { listFiles, serveStatic } from '../site/site-files.ts';
import { chromiumLaunchOptions, exercisePage, fireEverythingOn, spyContext, watchPage, withoutPolicy, type Finding } from './browser-spy.ts';
import { buildHostileSite, hostileConfig, hostilePrefix, type HostileSite } from './hostile-archive.ts';
import { headProblems, parsePage, scriptSurfaceProblems, withoutOwnSearch } from './page-checks.ts';
import { bodyPayloads, fieldPayloads, payloadClasses, templateMarker } from './xss-payloads.ts';

const tabs = 8;
/** ~290 pages a sweep: about 30 s on an idle machine, several times that on a busy one. */
const sweepTimeout = 300_000;
const hostileMisses = [
  `"><img src=x onerror=__xss(9001)>/`,
  `x?q='><script>__xss(9002)</script>`,
  `x#<svg onload=__xss(9003)>`,
  `javascript:__xss(9004)`,
].map((path) => encodeURI(path));

let site: HostileSite;
let server: Awaited<ReturnType<typeof serveStatic>>;
/** The same site with every page's CSP `<meta>` cut out, to show the markup is clean without it. */
let serverWithoutPolicy: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let htmlFiles: string[];
let allFiles: string[];
/** Page path without the prefix (`/2020/06/30/…/`) → its HTML. */
const pages = new Map<string, string>();

const pathOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
const read = (file: string) => readFile(join(site.outDir, file), 'utf8');

/** An article's page path: its slug always ends with its id. */
function articlePage(article: Article): string {
  const path = [...pages.keys()].find((candidate) => candidate.endsWith(`-${article.data.id}/`) || candidate.endsWith(`/${article.data.id}/`));
  if (path === undefined) throw new Error(`no page for ${article.data.file}`);
  return path;
}

beforeAll(async () => {
  site = await buildHostileSite();
  allFiles = await listFiles(site.outDir);
  htmlFiles = allFiles.filter((file) => file.endsWith('.html'));
  for (const file of htmlFiles) pages.set(pathOf(file), await read(file));
  server = await serveStatic(site.outDir, hostilePrefix);
  const strippedDir = join(site.work, 'site-without-csp');
  await cp(site.outDir, strippedDir, { recursive: true });
  for (const file of htmlFiles) await writeFile(join(strippedDir, file), withoutPolicy(await read(file)));
  serverWithoutPolicy = await serveStatic(strippedDir, hostilePrefix);
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await serverWithoutPolicy?.close();
  if (site) await rm(site.work, { recursive: true, force: true });
});

describe('the hostile archive', () => {
  test('holds at least 150 body payloads, every class represented, plus payloads in every other field', () => {
    expect(bodyPayloads.length).toBeGreaterThanOrEqual(150);
    for (const kind of payloadClasses) expect(bodyPayloads.some((payload) => payload.kind === kind), kind).toBe(true);
    expect(new Set(fieldPayloads.map((payload) => payload.field))).toEqual(new Set(['title', 'author', 'tags', 'url', 'source']));
  });

  test('turns every payload file into an article with a page of its own', () => {
    expect(site.archive.report.rejected).toEqual([]);
    expect(site.archive.articles).toHaveLength(bodyPayloads.length + fieldPayloads.length);
    for (const article of site.archive.articles) expect(() => articlePage(article)).not.toThrow();
  });
});

describe('every built page, read from its HTML', () => {
  test('starts its <head> with the CSP <meta>, sets no-referrer, and has no script of its own (the search page: its one script)', () => {
    const policy = (path: string) => contentSecurityPolicy('build', { search: true, searchPage: path === '/search/' });
    const problems = [...pages].flatMap(([path, html]) => headProblems(withoutOwnSearch(parsePage(html), hostilePrefix), policy(path)).map((problem) => `${path}: ${problem}`));
    expect(problems).toEqual([]);
  });

  test('has no event handler, unsafe URL or srcset candidate, script-capable or form element, un-prefixed id, or leaked style sheet', () => {
    const problems = [...pages].flatMap(([path, html]) =>
      scriptSurfaceProblems(withoutOwnSearch(parsePage(html), hostilePrefix), new URL(`${hostilePrefix}${path.slice(1)}`, 'https://example.org').href).map((problem) => `${path}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  test('shows hostile titles, authors and source names as the very text they are, escaped once', () => {
    for (const article of site.archive.articles) {
      const tree = parsePage(pages.get(articlePage(article))!);
      const heading = selectAll('h1.article-title', tree);
      expect(heading.map((node) => toString(node))).toEqual([xmlSafe(article.data.title)]);
      const title = selectAll('title', tree).map((node) => toString(node))[0];
      expect(title?.startsWith(`${xmlSafe(article.data.title)} · `)).toBe(true);
      const text = toString(tree);
      if (article.data.author) expect(text).toContain(article.data.author);
      expect(text).toContain(article.data.source);
    }
  });

  test('keeps the safe part of hostile markup: good srcset candidates, http(s) links, embeds as links', () => {
    const bodyOf = (name: string) => {
      const payload = bodyPayloads.find((candidate) => candidate.name === name)!;
      const article = site.archive.articles.find((candidate) => candidate.data.title.startsWith(`Payload ${payload.id}:`))!;
      return fromHtml(article.html, { fragment: true });
    };
    const attribute = (name: string, selector: string, key: string) => selectAll(selector, bodyOf(name)).map((node) => node.properties[key]);
    expect(attribute('img srcset with one bad candidate of two', 'img', 'srcSet')).toEqual(['https://example.com/a.jpg 1x']);
    expect(attribute('img srcset entity-obfuscated candidate', 'img', 'srcSet')).toEqual(['https://example.com/a.jpg 300w']);
    expect(attribute('picture source srcset mixed candidates', 'source', 'srcSet')).toEqual(['https://example.com/a.webp 1x']);
    expect(attribute('a onclick on a safe link', 'a', 'href')).toEqual(['https://example.com/']);
    expect(attribute('iframe with http src and onload', 'a', 'href')).toEqual(['https://www.youtube.com/watch?v=abc']);
    expect(attribute('video poster', 'video', 'src')).toEqual(['https://example.com/v.mp4']);
    expect(attribute('video poster', 'video', 'poster')).toEqual([undefined]);
  });

  test('leaves template syntax in titles and bodies as literal text: Nunjucks never evaluates content', () => {
    const templated = site.archive.articles.filter((article) => article.data.title.includes(templateMarker) || article.html.includes(templateMarker));
    expect(templated.length).toBeGreaterThan(5);
    for (const article of templated) {
      const text = toString(parsePage(pages.get(articlePage(article))!));
      expect(text).toMatch(/\{\{|\$\{/);
      expect(text).toContain(templateMarker);
    }
  });

  test('the CSP stripper cuts out the policy and nothing else', () => {
    const [path, html] = [...pages][0]!;
    const stripped = withoutPolicy(html);
    expect(stripped).not.toContain('Content-Security-Policy');
    const start = html.indexOf('<meta http-equiv="Content-Security-Policy"');
    expect(stripped, path).toBe(html.slice(0, start) + html.slice(html.indexOf('>', start) + 1));
  });
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false, htmlEntities: true, isArray: (name) => name === 'entry' });

  test('every Atom feed and the sitemap are well-formed XML', async () => {
    const xmlFiles = allFiles.filter((file) => file.endsWith('.xml'));
    expect(xmlFiles.length).toBeGreaterThan(2);
    for (const file of xmlFiles) expect(XMLValidator.validate(await read(file)), file).toBe(true);
  });

  test('the Atom feed carries every hostile title, author and body back out exactly, as text', async () => {
    const feed = parser.parse(await read('feed.xml')).feed;
    expect(feed.title).toBe(hostileConfig.title);
    const entries = feed.entry as { title: string; content: { '#text': string; '@type': string }; author?: { name: string } }[];
    expect(entries).toHaveLength(site.archive.articles.length);
    const byTitle = new Map(site.archive.articles.map((article) => [xmlSafe(article.data.title), article]));
    for (const entry of entries) {
      const article = byTitle.get(entry.title);
      expect(article, entry.title).toBeDefined();
      expect(entry.content['@type']).toBe('html');
      expect(entry.content['#text']).toBe(xmlSafe(article!.html));
      if (article!.data.author) expect(entry.author?.name).toBe(article!.data.author);
    }
  });

  test('every JSON Feed parses, and its content_html is the sanitized HTML', async () => {
    const jsonFiles = allFiles.filter((file) => file.endsWith('feed.json'));
    expect(jsonFiles.length).toBeGreaterThan(1);
    const byTitle = new Map(site.archive.articles.map((article) => [xmlSafe(article.data.title), article]));
    let items = 0;
    for (const file of jsonFiles) {
      const feed = JSON.parse(await read(file)) as { items: { title: string; content_html: string; authors?: { name: string }[] }[] };
      for (const item of feed.items) {
        const article = byTitle.get(item.title);
        expect(article, item.title).toBeDefined();
        expect(item.content_html).toBe(xmlSafe(article!.html));
        if (article!.data.author) expect(item.authors).toEqual([{ name: article!.data.author }]);
        items += 1;
      }
    }
    expect(items).toBeGreaterThanOrEqual(site.archive.articles.length);
  });
});

describe('in headless Chromium, with every event fired on every element', () => {
  /** Loads every built page in a few tabs; returns what the spy saw and how many elements got events. */
  async function visitAll(stripPolicy: boolean): Promise<{ findings: Finding[]; elements: number; visited: number }> {
    const findings: Finding[] = [];
    const context = await spyContext(browser, findings);
    const origin = (stripPolicy ? serverWithoutPolicy : server).origin;
    const queue = [
      ...htmlFiles.map((file) => ({ url: `${origin}${hostilePrefix}${pathOf(file).slice(1)}`, status: 200 })),
      // Hostile paths that miss: the 404 page must not reflect them.
      ...hostileMisses.map((path) => ({ url: `${origin}${hostilePrefix}${path}`, status: 404 })),
    ];
    let elements = 0;
    let visited = 0;
    await Promise.all(
      Array.from({ length: tabs }, async () => {
        const page = await context.newPage();
        watchPage(page, findings);
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const fired = await exercisePage(page, next.url, findings, next.status);
          elements += fired;
          visited += 1;
        }
        await page.close();
      }),
    );
    await context.close();
    return { findings, elements, visited };
  }

  test('no payload runs, and none even trips the Content Security Policy', async () => {
    const { findings, elements, visited } = await visitAll(false);
    expect(visited).toBe(htmlFiles.length + hostileMisses.length);
    expect(elements).toBeGreaterThan(visited * 50);
    expect(findings).toEqual([]);
  }, sweepTimeout);

  test('no payload runs with the CSP <meta> stripped: the markup itself is clean', async () => {
    const { findings, elements, visited } = await visitAll(true);
    expect(visited).toBe(htmlFiles.length + hostileMisses.length);
    expect(elements).toBeGreaterThan(visited * 50);
    expect(findings).toEqual([]);
  }, sweepTimeout);

  test('search results show hostile titles and bodies as text in titles and snippets, and run nothing', async () => {
    const findings: Finding[] = [];
    const context = await spyContext(browser, findings);
    const page = await context.newPage();
    watchPage(page, findings);
    // Pagefind collapses runs of white space in what it stores.
    const spaced = (text: string) => text.replace(/[\s\u0001]+/gu, ' ').trim();
    const titles = new Set(site.archive.articles.map((article) => spaced(xmlSafe(article.data.title))));
    let shown = 0;
    for (const query of ['payload', 'onerror', 'script', 'xss', templateMarker]) {
      await page.goto(`${server.origin}${hostilePrefix}search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction((typed) => document.getElementById('search')?.dataset.searched === typed, query, { timeout: 20_000 });
      while (await page.isVisible('#search-more')) {
        const before = await page.locator('.search-result').count();
        await page.click('#search-more');
        await page.waitForFunction((count) => document.querySelectorAll('.search-result').length > count, before);
      }
      const results = await page.$$eval('.search-result', (items) => items.map((item) => ({ title: item.querySelector('h2')!.textContent!, snippet: item.querySelector('.search-snippet')!.innerHTML })));
      expect(results.length, query).toBeGreaterThan(0);
      for (const result of results) expect(titles.has(spaced(result.title)), JSON.stringify(result.title)).toBe(true);
      // What the script put in: text, <mark> and nothing else.
      for (const result of results) expect(result.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/<[a-z!/]/i);
      shown += results.length;
      await fireEverythingOn(page);
    }
    expect(shown).toBeGreaterThan(bodyPayloads.length);
    await context.close();
    expect(findings).toEqual([]);
  }, sweepTimeout);

  test.each([
    ['runs, with the CSP stripped', true],
    ['trips the CSP, with the CSP in place', false],
  ])('the harness sees a planted payload that %s', async (_, stripPolicy) => {
    const findings: Finding[] = [];
    const context = await spyContext(browser, findings);
    const page = await context.newPage();
    watchPage(page, findings);
    await page.goto(`${(stripPolicy ? serverWithoutPolicy : server).origin}${hostilePrefix}`);
    // Planted through the DevTools protocol, which the page's policy does not govern; what they run is.
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'javascript:__xss(-1)';
      link.textContent = 'planted';
      const image = document.createElement('img');
      image.setAttribute('onmouseover', 'alert(-2)');
      document.body.append(link, image);
    });
    expect(findings).toEqual([]);
    await page.evaluate(() => {
      for (const element of document.querySelectorAll('a[href^="javascript:"], img[onmouseover]')) {
        element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      }
    });
    await expect.poll(() => findings.length).toBe(2);
    await context.close();
    const seen = findings.map((finding) => (finding.kind === 'csp-violation' ? finding.kind : `${finding.kind} ${finding.detail}`)).sort();
    expect(seen).toEqual(stripPolicy ? ['__xss -1', 'alert -2'] : ['csp-violation', 'csp-violation']);
  });
});
