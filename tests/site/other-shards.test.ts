import { describe, expect, test } from 'vitest';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { otherShards } from '../../lib/site/other-shards.ts';
import { contentSecurityPolicy } from '../../lib/site/content-security-policy.ts';

const shards = [
  { years: [2021, 2022], url: '/news-2021/' },
  { years: [2020], url: 'https://other.example/news-2020/' },
  { years: [2019], url: 'https://me.github.io/news-2019/' },
];
const config = (years?: number[]) => siteConfigSchema.parse({ url: 'https://me.github.io', shards, ...(years ? { years } : {}) });

describe('the other shards of a build of some years', () => {
  test('their years, oldest first, each linked to its year page there (a root-relative shard on this origin)', () => {
    expect(otherShards(config([2020])).years).toEqual([
      { year: 2019, url: 'https://me.github.io/news-2019/2019/' },
      { year: 2021, url: 'https://me.github.io/news-2021/2021/' },
      { year: 2022, url: 'https://me.github.io/news-2021/2022/' },
    ]);
  });

  test('their search folders as configured, and only the origins other than this site’s', () => {
    const { searchFolders, origins } = otherShards(config([2021, 2022]));
    expect(searchFolders).toEqual(['https://other.example/news-2020/search/', 'https://me.github.io/news-2019/search/']);
    expect(origins).toEqual(['https://other.example']);
  });

  test('a shard holding one of this build’s years is this build’s own, even when it lists others', () => {
    expect(otherShards(config([2021])).years.map(({ year }) => year)).toEqual([2019, 2020]);
  });

  test('without years the build is the whole archive: no other shard', () => {
    expect(otherShards(config())).toEqual({ years: [], searchFolders: [], origins: [] });
  });

  test('years no shard lists: every shard is another', () => {
    expect(otherShards(config([2023])).years.map(({ year }) => year)).toEqual([2019, 2020, 2021, 2022]);
  });
});

describe('the search page’s policy', () => {
  test('lets its script fetch and import from the other shards’ origins; other pages are as they were', () => {
    const policy = contentSecurityPolicy('build', { search: true, searchPage: true, otherOrigins: ['https://other.example'] });
    expect(policy).toContain("script-src 'self' https://other.example 'wasm-unsafe-eval'");
    expect(policy).toContain("connect-src 'self' https://other.example");
    expect(contentSecurityPolicy('build', { search: true, searchPage: true, otherOrigins: [] })).toBe(contentSecurityPolicy('build', { search: true, searchPage: true }));
  });
});
