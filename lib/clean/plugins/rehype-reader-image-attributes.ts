import type { Root } from 'hast';
import { visit } from '../visit-tree.ts';

export interface ReaderImageAttributesOptions {
  loading?: 'lazy' | 'eager';
}

const emptyOptions: Readonly<ReaderImageAttributesOptions> = Object.freeze({});

/**
 * Images load lazily, decode off the main thread and tell the source site nothing about the
 * reader. Run after the sanitizer, which would strip these.
 */
export function rehypeReaderImageAttributes(options: Readonly<ReaderImageAttributesOptions> = emptyOptions) {
  const loading = options.loading ?? 'lazy';
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img') {
        node.properties.loading = loading;
        node.properties.decoding = 'async';
        node.properties.referrerPolicy = 'no-referrer';
      } else if (node.tagName === 'video' || node.tagName === 'audio') {
        node.properties.preload = 'none';
      }
    });
  };
}
