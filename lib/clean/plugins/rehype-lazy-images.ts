import type { Element, Root } from 'hast';
import { SKIP, visit } from '../visit-tree.ts';

export interface LazyImagesOptions {
  /** Properties (hast names) that hold the real `src`, most trusted first. */
  srcKeys?: readonly string[];
  /** Properties that hold the real `srcset`. */
  srcsetKeys?: readonly string[];
}

const emptyOptions: Readonly<LazyImagesOptions> = Object.freeze({});
const defaultSrcKeys = ['dataSrc', 'dataLazySrc', 'dataOriginal', 'dataActualsrc'];
const defaultSrcsetKeys = ['dataSrcset', 'dataLazySrcset'];

/**
 * Gives lazy-loaded images their real `src`/`srcset` (replacing placeholders and `data:` URLs),
 * and drops images left with no real source at all.
 */
export function rehypeLazyImages(options: Readonly<LazyImagesOptions> = emptyOptions) {
  const srcKeys = options.srcKeys ?? defaultSrcKeys;
  const srcsetKeys = options.srcsetKeys ?? defaultSrcsetKeys;

  return (tree: Root): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' && node.tagName !== 'source') return;
      const src = firstUsable(node, srcKeys);
      const srcset = firstUsable(node, srcsetKeys);
      for (const key of [...srcKeys, ...srcsetKeys]) delete node.properties[key];
      if (src !== undefined) node.properties.src = src;
      if (srcset !== undefined) node.properties.srcSet = srcset;

      if (node.tagName === 'img' && parent !== undefined && index !== undefined && !hasRealSource(node)) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });
  };
}

function firstUsable(node: Element, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = node.properties[key];
    if (typeof value === 'string' && value.trim() !== '' && !value.trim().startsWith('data:')) return value.trim();
  }
  return undefined;
}

function hasRealSource(node: Element): boolean {
  const { src, srcSet } = node.properties;
  const usable = (value: unknown) => typeof value === 'string' && value.trim() !== '' && !value.trim().startsWith('data:');
  return usable(src) || usable(srcSet);
}
