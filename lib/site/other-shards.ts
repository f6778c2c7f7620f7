import type { SiteConfig } from '../config/site-config-schema.ts';

/** What a shard's pages and search need to know of the other sites its archive is split over. */
export interface OtherShards {
  /** Every year the other shards hold, oldest first, each with its year page there (absolute). */
  years: { year: number; url: string }[];
  /** Each other shard's search folder, absolute or root-relative as configured: the search page merges their bundles. */
  searchFolders: string[];
  /** The origins of those that are another origin than this site's: the search page must be let fetch from them. */
  origins: string[];
}

const none: OtherShards = { years: [], searchFolders: [], origins: [] };

/**
 * The shards that hold none of this build's years. Without a selection of years the build is the whole
 * archive and has none. A root-relative shard URL is on this site's origin: its links are made absolute, since
 * root-relative links in a page get this site's path prefix put before them.
 */
export function otherShards(config: Pick<SiteConfig, 'url' | 'shards' | 'years'>): OtherShards {
  if (!config.years) return none;
  const own = new Set(config.years);
  const others = config.shards.filter((shard) => !shard.years.some((year) => own.has(year)));
  const origin = new URL(config.url).origin;
  const years = others.flatMap((shard) => shard.years.map((year) => ({ year, url: new URL(`${year}/`, new URL(shard.url, config.url)).href })));
  const origins = new Set(others.map((shard) => new URL(shard.url, config.url).origin).filter((other) => other !== origin));
  return {
    years: years.sort((a, b) => a.year - b.year),
    searchFolders: others.map((shard) => `${shard.url}search/`),
    origins: [...origins],
  };
}
