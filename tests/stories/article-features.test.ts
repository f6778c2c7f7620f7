import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadArchive } from '../../lib/archive/load-archive.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { articleFeatures } from '../../lib/stories/article-features.ts';
import { termHash } from '../../lib/stories/term-hash.ts';
import { feedxDir } from '../corpus-dir.ts';

const config = siteConfigSchema.parse({ title: 'T', url: 'https://example.org' });

describe('articleFeatures', () => {
  test('an article is known by its most telling words, in either script', () => {
    const simplified = articleFeatures('香港国安法实施', '全国人大常委会通过香港国安法，港人上街抗议国安法。', 'zh-Hans');
    const traditional = articleFeatures('香港國安法實施', '全國人大常委會通過香港國安法，港人上街抗議國安法。', 'zh-Hant');
    expect(simplified.terms[0]).toBe(termHash('国安法'));
    expect(traditional.terms).toEqual(simplified.terms);
    expect(simplified.weights[0]).toBe(1000);
    expect(simplified.weights.every((weight, index) => index === 0 || weight <= simplified.weights[index - 1]!)).toBe(true);
    expect(simplified.keywords).toContain('香港');
  });

  test('stays small: a dozen terms and a handful of keywords', () => {
    const long = '中美贸易谈判在华盛顿举行，双方讨论关税、知识产权、汇率、农产品采购、科技企业、华为、芯片与出口管制。'.repeat(20);
    const features = articleFeatures('中美贸易谈判', long, 'zh-Hans');
    expect(features.terms.length).toBeLessThanOrEqual(12);
    expect(features.weights).toHaveLength(features.terms.length);
    expect(features.keywords.length).toBeLessThanOrEqual(5);
  });

  test('English articles get terms but no keywords', () => {
    const features = articleFeatures('Hong Kong security law', 'Beijing passed the national security law for Hong Kong on Tuesday.', 'en');
    expect(features.terms.length).toBeGreaterThan(3);
    expect(features.keywords).toEqual([]);
  });
});

describe('features in the parse cache', () => {
  test('are computed when a file is parsed and come back from the cache unchanged', async () => {
    const content = await mkdtemp(join(tmpdir(), 'features-'));
    const cacheDir = await mkdtemp(join(tmpdir(), 'features-cache-'));
    for (const name of ['rfi-01.txt', 'bbc-02.txt']) await copyFile(join(feedxDir, name), join(content, name));
    const cold = await loadArchive({ contentDir: content, config, cacheDir });
    expect(cold.articles.every((article) => (article.features?.terms.length ?? 0) > 0)).toBe(true);
    const warm = await loadArchive({ contentDir: content, config, cacheDir });
    expect(warm.stats).toEqual({ parsed: 0, cached: 2 });
    expect(warm.articles.map((article) => article.features)).toEqual(cold.articles.map((article) => article.features));
  });
});
