import type { Root } from 'hast';
import { visit } from '../visit-tree.ts';

export type WordpressCaptionsToFiguresOptions = Record<string, never>;

const emptyOptions: Readonly<WordpressCaptionsToFiguresOptions> = Object.freeze({});

const hasClass = (className: unknown, name: string): boolean => Array.isArray(className) && className.includes(name);

/**
 * WordPress writes a captioned image as `<div class="wp-caption"><img aria-describedby="caption-…"><p
 * class="wp-caption-text">caption</p></div>`; this makes it a `figure` with a `figcaption`, so the caption stays
 * with its image once classes and ids are gone (they would leave `aria-describedby` pointing at nothing).
 */
export function rehypeWordpressCaptionsToFigures(_options: Readonly<WordpressCaptionsToFiguresOptions> = emptyOptions) {
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      if (!hasClass(node.properties.className, 'wp-caption')) return;
      const caption = node.children.find((child) => child.type === 'element' && hasClass(child.properties.className, 'wp-caption-text'));
      if (caption?.type !== 'element') return;
      node.tagName = 'figure';
      caption.tagName = 'figcaption';
      delete node.properties.ariaDescribedBy;
      visit(node, 'element', (inner) => {
        if (inner.tagName === 'img') delete inner.properties.ariaDescribedBy;
      });
    });
  };
}
