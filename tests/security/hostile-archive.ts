import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArchive, type Archive } from '../../lib/archive/load-archive.ts';
import { siteConfigSchema, type SiteConfig } from '../../lib/config/site-config-schema.ts';
import { buildSite } from '../../lib/render/build-site.ts';
import { bodyPayloads, fieldPayloads, type BodyPayload, type FieldPayload } from './xss-payloads.ts';

const sourceHost = 'evil-source.example';
const hostileSource = fieldPayloads.find((payload) => payload.field === 'source')!;

export const hostileConfig: SiteConfig = siteConfigSchema.parse({
  title: 'XSS Lab <script>__xss(0)</script>',
  description: `"><img src=x onerror=__xss(0)> the site's own description`,
  author: '</name><script>__xss(0)</script>',
  url: 'https://example.org',
  language: 'en',
  timeZone: 'UTC',
  perPage: 40,
  homeArticles: 4,
  feedSize: 1000,
  sources: { 'xss.example': 'XSS Lab Source', [sourceHost]: hostileSource.value },
});

const start = Date.UTC(2020, 6, 1, 12, 0);
/** Spread over a week so day pages, month pages and pagination all get built. */
const publishedAt = (id: number) => start - id * 47 * 60_000;

/** The plain feedx format: `<!--epoch ms-->`, `[title](url)`, dashes, a blank line, the body. */
function bodyFile(payload: BodyPayload): string {
  return [
    `<!--${publishedAt(payload.id)}-->`,
    `[Payload ${payload.id}: ${payload.kind}, ${payload.name}](https://xss.example/p/${payload.id})`,
    '------',
    '',
    `<p>Payload ${payload.id} (${payload.kind}) comes next.</p>${payload.html}<p>End of payload ${payload.id}.</p>`,
    '',
  ].join('\n');
}

/** Jekyll front matter (author, tags) over the plain header (title, URL), as the archiving bots write it. */
function fieldFile(payload: FieldPayload): string {
  const title = payload.field === 'title' ? payload.value : `Field payload ${payload.id}: ${payload.field}`;
  const url =
    payload.field === 'url' ? payload.value : payload.field === 'source' ? `https://${sourceHost}/news/${payload.id}` : `https://xss.example/f/${payload.id}`;
  const author = payload.field === 'author' ? payload.value : 'Plain Author';
  const tags = payload.field === 'tags' ? [payload.value, 'plain'] : ['plain'];
  return [
    '---',
    'layout: post',
    `title: ${JSON.stringify(title)}`,
    `author: ${JSON.stringify(author)}`,
    `from: ${JSON.stringify(url)}`,
    `tags: ${JSON.stringify(tags)}`,
    '---',
    `<!--${publishedAt(payload.id)}-->`,
    `[${title}](${url})`,
    '------',
    '',
    `<div>\n<p>Field payload ${payload.id} puts hostile text in its ${payload.field}.</p>\n</div>`,
    '',
  ].join('\n');
}

/**
 * Built under a path prefix, as for a GitHub Pages project site: Eleventy's HtmlBasePlugin then re-parses and
 * re-serializes every page (posthtml), a second parser our sanitized HTML must survive.
 */
export const hostilePrefix = '/xss/';

export interface HostileSite {
  work: string;
  contentDir: string;
  outDir: string;
  archive: Archive;
  pages: number;
}

/** Writes one raw article file a payload into a fresh `content/`, loads it with `loadArchive` and builds the site once. */
export async function buildHostileSite(): Promise<HostileSite> {
  const work = await mkdtemp(join(tmpdir(), 'xss-site-'));
  const contentDir = join(work, 'content');
  await mkdir(join(contentDir, 'body'), { recursive: true });
  await mkdir(join(contentDir, 'fields'), { recursive: true });
  await Promise.all([
    ...bodyPayloads.map((payload) => writeFile(join(contentDir, 'body', `${String(payload.id).padStart(3, '0')}.txt`), bodyFile(payload))),
    ...fieldPayloads.map((payload) => writeFile(join(contentDir, 'fields', `${payload.id}.txt`), fieldFile(payload))),
  ]);
  const archive = await loadArchive({ contentDir, config: hostileConfig });
  const outDir = join(work, 'site');
  const { pages } = await buildSite({ archive, config: hostileConfig, outDir, pathPrefix: hostilePrefix });
  return { work, contentDir, outDir, archive, pages };
}
