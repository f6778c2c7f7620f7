import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { SKIP, visit } from '../visit-tree.ts';

export type UnwrapNoscriptOptions = Record<string, never>;

const emptyOptions: Readonly<UnwrapNoscriptOptions> = Object.freeze({});

/** Where scripts put an image's real address while it waits to be loaded. */
const imageSourceKeys = ['src', 'dataSrc', 'dataLazySrc', 'dataOriginal'] as const;

/**
 * `<noscript>` often holds the real `<img>` of a lazy-loading placeholder. Unwraps the ones
 * with media (leaving out images the page already shows), and drops the rest: they only
 * ever hold "please enable JavaScript".
 */
export function rehypeUnwrapNoscript(_options: Readonly<UnwrapNoscriptOptions> = emptyOptions) {
  return (tree: Root): void => {
    const shown = new Set<string>();
    visit(tree, 'element', (node) => {
      if (node.tagName === 'noscript') return SKIP;
      if (node.tagName === 'img') for (const url of imageSources(node)) shown.add(url);
      return undefined;
    });

    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined || node.tagName !== 'noscript') return;
      const images = selectAll('img', node);
      const media = selectAll('img, video, audio, picture', node);
      if (media.length === 0 || (media.length === images.length && images.every((img) => imageSources(img).some((url) => shown.has(url))))) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      parent.children.splice(index, 1, ...node.children);
      return index;
    });
  };
}

function imageSources(node: Element): string[] {
  return imageSourceKeys
    .map((key) => node.properties[key])
    .filter((value): value is string => typeof value === 'string' && value !== '' && !value.startsWith('data:'));
}
