import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from '../../lib/site/content-security-policy.ts';
import { twoYearContent } from './corpus-archive.ts';
import { runDigest } from '../cli/run-digest.ts';


const cli = (args: string[], cwd: string) => runDigest(args, cwd);

const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}-${String(index + 1).padStart(2, '0')}.txt`);
const files2020 = [...numbered('rfi', 6), ...numbered('bbc', 4), 'fm-economist-en-01.txt'];
const files2021 = [...numbered('voa', 6), ...numbered('dw', 4)];

// One content folder and one cache, two shards: 2020 on another origin, 2021 beside this site (root-relative).
const config = `export default {
  url: 'https://me.github.io',
  language: 'zh',
  timeZone: 'Asia/Shanghai',
  shards: [
    { years: [2020], url: 'https://other.example/news-2020/' },
    { years: [2021], url: '/news-2021/' },
  ],
};
`;

let dir: string;
const built = new Map<number, { code: number; stdout: string; stderr: string }>();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shards-'));
  await twoYearContent(dir, files2020, files2021);
  await writeFile(join(dir, 'site.config.ts'), config);
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const year of [2021, 2020]) {
    const args = ['build', '--config', 'site.config.ts', '--years', String(year), '--out', `s${year}`, '--path-prefix', `/news-${year}/`, '--cache', 'cache', '--report', `report-${year}.json`];
    built.set(year, await cli(args, dir));
  }
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const page = (year: number, path: string) => readFile(join(dir, `s${year}`, path), 'utf8');
const articlePages = async (year: number) =>
  (await readdir(join(dir, `s${year}`), { recursive: true })).filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file)).sort();
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
const policyOf = (html: string) => html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1]?.replaceAll('&#39;', "'");

describe('a two-shard build from one content folder', () => {
  test('each shard builds only the article pages of its years', async () => {
    expect(built.get(2021)!.code).toBe(0);
    expect(built.get(2020)!.code).toBe(0);
    const pages2021 = await articlePages(2021);
    const pages2020 = await articlePages(2020);
    expect(pages2021).toHaveLength(files2021.length);
    expect(pages2021.every((file) => file.startsWith('2021/'))).toBe(true);
    expect(pages2020).toHaveLength(files2020.length);
    expect(pages2020.every((file) => file.startsWith('2020/'))).toBe(true);
    // Every listing is the shard's own: the sitemap, the source pages, the feed.
    expect(await page(2021, 'sitemap.xml')).not.toContain('/2020/');
    expect(await page(2021, 'feed.xml')).not.toContain('https://me.github.io/news-2021/2020/');
    await expect(stat(join(dir, 's2021', '2020'))).rejects.toThrow();
  });

  test('the articles of other years are one line, not skipped files; the report still adds up', async () => {
    const { stdout, stderr } = built.get(2021)!;
    expect(stdout).toContain(`${files2020.length} articles of other years (2020) left to their shards\n`);
    expect(stdout).toContain(`${files2021.length} articles built, 0 rejected, 0 duplicates, 0 ignored (${files2020.length + files2021.length} files)`);
    expect(`${stdout}${stderr}`).not.toContain('skipped');
    const report = JSON.parse(await readFile(join(dir, 'report-2021.json'), 'utf8'));
    expect(report.built).toHaveLength(files2021.length);
    expect(report.otherYears.years).toEqual([2020]);
    expect([...report.otherYears.files].sort()).toEqual(files2020.map((name) => `content/${name}`).sort());
  });

  test('the job summary says so too, and lists no skipped file', async () => {
    const { code, stdout } = await cli(['github-summary', 'report-2021.json'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain(`${files2021.length} built, 0 rejected, 0 duplicates, 0 ignored (not article files).\n\n${files2020.length} of other years (2020) left to their shards.\n`);
    expect(stdout).toContain('No file was skipped.');
  });

  test('the second shard from the same cache parses nothing again', () => {
    expect(built.get(2021)!.stdout).toContain(`${files2020.length + files2021.length} files parsed, 0 from the cache`);
    expect(built.get(2020)!.stdout).toContain(`0 files parsed, ${files2020.length + files2021.length} from the cache`);
  });

  test('nor does it take the first shard’s search bundles out of the shared cache', async () => {
    const kept = (await readdir(join(dir, 'cache', 'search'))).filter((name) => !name.endsWith('.sums'));
    expect(kept.some((name) => name.startsWith('2020-'))).toBe(true);
    expect(kept.some((name) => name.startsWith('2021-'))).toBe(true);
  });

  test('the home page and the archive list the other shard’s year, linked to its year page there', async () => {
    for (const path of ['index.html', 'years/index.html']) {
      const links = hrefs(await page(2021, path));
      expect(links).toContain('https://other.example/news-2020/2020/');
      expect(links).toContain('/news-2021/2021/');
    }
    // A root-relative shard is on this origin: linked absolutely, so this site's path prefix is not put before it.
    expect(hrefs(await page(2020, 'years/index.html'))).toContain('https://me.github.io/news-2021/2021/');
    expect(await page(2021, 'years/index.html')).toContain('2020年</a> <span class="count">（另一站点）</span>');
  });

  test('a year page’s pager leads on to the nearest year of the other shard', async () => {
    expect(await page(2021, '2021/index.html')).toMatch(/<a class="pager-older" rel="next" href="https:\/\/other\.example\/news-2020\/2020\/">/);
    expect(await page(2020, '2020/index.html')).toMatch(/<a class="pager-newer" rel="prev" href="https:\/\/me\.github\.io\/news-2021\/2021\/">/);
  });

  test('the search manifest names the other shard’s search folder, as configured', async () => {
    const manifest2021 = JSON.parse(await page(2021, 'search/bundles.json'));
    expect(manifest2021.shards).toEqual(['https://other.example/news-2020/search/']);
    expect(manifest2021.bundles.length).toBeGreaterThan(0);
    expect(manifest2021.bundles.every((bundle: { name: string }) => bundle.name.startsWith('2021-'))).toBe(true);
    expect(JSON.parse(await page(2020, 'search/bundles.json')).shards).toEqual(['/news-2021/search/']);
  });

  test('the search page may fetch from an other-origin shard; a same-origin one needs nothing; other pages keep their policy', async () => {
    const search2021 = policyOf(await page(2021, 'search/index.html'));
    expect(search2021).toContain("script-src 'self' https://other.example 'wasm-unsafe-eval'");
    expect(search2021).toContain("connect-src 'self' https://other.example");
    expect(policyOf(await page(2020, 'search/index.html'))).toBe(contentSecurityPolicy('build', { search: true, searchPage: true }));
    for (const path of ['index.html', 'years/index.html', '2021/index.html']) expect(policyOf(await page(2021, path))).toBe(contentSecurityPolicy('build', { search: true }));
  });
});

describe('years with no article', () => {
  test('is an error naming the years, and nothing is built', async () => {
    const { code, stdout, stderr } = await cli(['build', '--config', 'site.config.ts', '--years', '2019,2022', '--out', 's2019', '--cache', 'cache'], dir);
    expect(stderr).toContain('digest build: no article of 2019, 2022 in the archive (its articles are of 2020, 2021, counted in Asia/Shanghai); s2019 is left as it was\n');
    expect(stdout).toBe('');
    expect(code).toBe(2);
    await expect(stat(join(dir, 's2019'))).rejects.toThrow();
  });

  test('--years that are not years is refused at once', async () => {
    const { code, stderr } = await cli(['build', '--config', 'site.config.ts', '--years', '21', '--out', 's21'], dir);
    expect(stderr).toBe('digest: --years must be years such as 2021 or 2020,2021 (got "21")\n');
    expect(code).toBe(2);
  });
});
