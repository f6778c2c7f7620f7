import type { Element, Root } from 'hast';
import { SKIP, visit } from '../visit-tree.ts';

export interface RemoveTrackingPixelsOptions {
  /** Images this many pixels wide or high, or less, are beacons. */
  maxSize?: number;
}

const emptyOptions: Readonly<RemoveTrackingPixelsOptions> = Object.freeze({});

/** Removes 1×1 beacon images (ad and analytics pixels) that tell a third party someone read the page. */
export function rehypeRemoveTrackingPixels(options: Readonly<RemoveTrackingPixelsOptions> = emptyOptions) {
  const maxSize = options.maxSize ?? 1;
  return (tree: Root): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined || node.tagName !== 'img') return;
      if (isTiny(node, 'width', maxSize) || isTiny(node, 'height', maxSize)) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });
  };
}

function isTiny(node: Element, key: 'width' | 'height', maxSize: number): boolean {
  const value = Number(node.properties[key]);
  return node.properties[key] !== undefined && Number.isFinite(value) && value <= maxSize && String(node.properties[key]).trim() !== '';
}
