import type { Element, Root } from 'hast';
import { hasMedia, hasText, voidTagNames } from '../hast-content.ts';
import { SKIP, visit } from '../visit-tree.ts';

export interface RemoveEmptyElementsOptions {
  /** Elements kept even when empty. */
  keep?: readonly string[];
}

const emptyOptions: Readonly<RemoveEmptyElementsOptions> = Object.freeze({});

/** Table cells and rows keep the table's shape even when blank. */
const defaultKeep = ['td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'colgroup', 'textarea'];

/**
 * Removes elements with no text and no media (`<p>&nbsp;</p>`, `<div><br></div>`, wrappers
 * emptied by the other plugins, images whose source the sanitizer refused), but for the targets of
 * in-page links. Run after the others.
 */
export function rehypeRemoveEmptyElements(options: Readonly<RemoveEmptyElementsOptions> = emptyOptions) {
  const keep = new Set(options.keep ?? defaultKeep);
  return (tree: Root): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined || keep.has(node.tagName)) return;
      if (isEmpty(node)) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });
  };
}

function isEmpty(node: Element): boolean {
  // Only the targets of in-page links still have one: `<a name="x"></a>` is where a link goes.
  if (node.properties.id !== undefined || node.properties.name !== undefined) return false;
  if (node.tagName === 'img') return typeof node.properties.src !== 'string' || node.properties.src === '';
  if (voidTagNames.has(node.tagName)) return false;
  return !hasText(node) && !hasMedia(node);
}
