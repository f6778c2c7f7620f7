import type { Root } from 'hast';
import type { VFile } from 'vfile';
import '../clean-data.ts';
import { readSrcset, writeSrcset } from '../srcset-candidates.ts';
import { resolveUrl } from '../urls.ts';
import { visit } from '../visit-tree.ts';

export interface ResolveUrlsOptions {
  /** Base URL; defaults to the article URL in `file.data.cleanContext`. */
  base?: string;
}

const emptyOptions: Readonly<ResolveUrlsOptions> = Object.freeze({});

/** Properties (hast names) holding a single URL. */
const urlKeys = ['href', 'src', 'poster', 'cite', 'data'] as const;

/**
 * Resolves relative links and media URLs against the article's source URL, so that
 * `/news/x` points at the source site, not at ours (and survives a path prefix).
 */
export function rehypeResolveUrls(options: Readonly<ResolveUrlsOptions> = emptyOptions) {
  return (tree: Root, file: VFile): void => {
    const base = options.base ?? file.data.cleanContext?.url;
    if (base === undefined || resolveUrl('', base) === undefined) {
      file.message('No valid article URL: relative links are left unresolved', { source: 'rehype-resolve-urls', ruleId: 'no-base' });
      return;
    }

    visit(tree, 'element', (node) => {
      for (const key of urlKeys) {
        const value = node.properties[key];
        if (typeof value !== 'string') continue;
        const resolved = resolveUrl(value, base);
        if (resolved === undefined) {
          file.message(`Dropped \`${key}\` that is not a URL: ${value}`, { place: node.position, source: 'rehype-resolve-urls', ruleId: 'bad-url' });
          delete node.properties[key];
        } else {
          node.properties[key] = resolved;
        }
      }
      if (node.properties.srcSet !== undefined) {
        const candidates = readSrcset(node.properties.srcSet).flatMap((candidate) => {
          const url = resolveUrl(candidate.url, base);
          return url === undefined ? [] : [{ ...candidate, url }];
        });
        node.properties.srcSet = writeSrcset(candidates);
      }
    });
  };
}
