import type { Root } from 'hast';
import { readSrcset, writeSrcset } from '../srcset-candidates.ts';
import { isHttpUrl } from '../urls.ts';
import { visit } from '../visit-tree.ts';

export type FilterSrcsetOptions = Record<string, never>;

const emptyOptions: Readonly<FilterSrcsetOptions> = Object.freeze({});

/**
 * Keeps only absolute http(s) candidates in `srcset`. The sanitizer checks a URL
 * attribute as one value, so `a.jpg 1x, javascript:… 2x` would pass it whole.
 */
export function rehypeFilterSrcset(_options: Readonly<FilterSrcsetOptions> = emptyOptions) {
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      if (node.properties.srcSet === undefined) return;
      const candidates = readSrcset(node.properties.srcSet).filter((candidate) => isHttpUrl(candidate.url));
      if (candidates.length === 0) delete node.properties.srcSet;
      else node.properties.srcSet = writeSrcset(candidates);
    });
  };
}
