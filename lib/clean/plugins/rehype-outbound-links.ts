import type { Root } from 'hast';
import { isHttpUrl } from '../urls.ts';
import { visit } from '../visit-tree.ts';

export interface OutboundLinksOptions {
  rel?: readonly string[];
}

const emptyOptions: Readonly<OutboundLinksOptions> = Object.freeze({});

/**
 * Every http(s) link in an archived article leaves the site: it gets `rel="noopener noreferrer
 * nofollow"` and no `target`. Run after the sanitizer, which would strip `rel`.
 */
export function rehypeOutboundLinks(options: Readonly<OutboundLinksOptions> = emptyOptions) {
  const rel = [...(options.rel ?? ['noopener', 'noreferrer', 'nofollow'])];
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a') return;
      delete node.properties.target;
      if (typeof node.properties.href === 'string' && isHttpUrl(node.properties.href)) node.properties.rel = [...rel];
    });
  };
}
