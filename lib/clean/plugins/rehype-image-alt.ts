import type { Root } from 'hast';
import { imageAltText } from '../image-alt-text.ts';
import { visitParents } from '../visit-tree.ts';

export interface ImageAltOptions {
  /** A caption longer than this (in code points) is cut at a word or character, with an ellipsis. */
  maxLength?: number;
}

const emptyOptions: Readonly<ImageAltOptions> = Object.freeze({});

/**
 * Every image gets an `alt`: the one the source gave, else its figure's caption, else empty (decoration).
 * A failed image then says what it showed, or nothing at all, never a bare broken-image icon. An image that
 * is all a link shows is not decoration: with nothing better it is named for where the link leads.
 */
export function rehypeImageAlt(options: Readonly<ImageAltOptions> = emptyOptions) {
  const maxLength = options.maxLength ?? 250;
  return (tree: Root): void => {
    visitParents(tree, 'element', (node, ancestors) => {
      if (node.tagName !== 'img') return;
      node.properties.alt = imageAltText(node, ancestors, maxLength);
      // Its target's id did not survive cleaning; with an empty alt it would also contradict "decorative".
      delete node.properties.ariaDescribedBy;
    });
  };
}
