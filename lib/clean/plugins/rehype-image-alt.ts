import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { collapseWhitespace } from '../hast-content.ts';
import { visitParents } from '../visit-tree.ts';

export interface ImageAltOptions {
  /** A caption longer than this (in code points) is cut at a word or character, with an ellipsis. */
  maxLength?: number;
}

const emptyOptions: Readonly<ImageAltOptions> = Object.freeze({});

/**
 * Every image gets an `alt`: the one the source gave, else its figure's caption, else empty (decoration).
 * A failed image then says what it showed, or nothing at all, never a bare broken-image icon.
 */
export function rehypeImageAlt(options: Readonly<ImageAltOptions> = emptyOptions) {
  const maxLength = options.maxLength ?? 250;
  return (tree: Root): void => {
    visitParents(tree, 'element', (node, ancestors) => {
      if (node.tagName !== 'img') return;
      const given = typeof node.properties.alt === 'string' ? collapseWhitespace(node.properties.alt) : '';
      node.properties.alt = given !== '' ? given : cut(captionOf(ancestors), maxLength);
    });
  };
}

/** The text of the `figcaption` of the nearest `figure` around the image, or ''. */
function captionOf(ancestors: readonly (Root | Element)[]): string {
  for (let depth = ancestors.length - 1; depth >= 0; depth -= 1) {
    const ancestor = ancestors[depth]!;
    if (ancestor.type !== 'element' || ancestor.tagName !== 'figure') continue;
    const caption = ancestor.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption');
    return caption === undefined ? '' : collapseWhitespace(toString(caption));
  }
  return '';
}

function cut(text: string, maxLength: number): string {
  const points = [...text];
  if (points.length <= maxLength) return text;
  const head = points.slice(0, maxLength - 1).join('');
  const atSpace = head.lastIndexOf(' ');
  return `${atSpace > maxLength / 2 ? head.slice(0, atSpace) : head}…`;
}
