import type { Element, ElementContent, Root } from 'hast';
import { isBlank } from '../hast-content.ts';
import { visit } from '../visit-tree.ts';

export type WrapOrphanListItemsOptions = Record<string, never>;

const emptyOptions: Readonly<WrapOrphanListItemsOptions> = Object.freeze({});
const lists: ReadonlySet<string> = new Set(['ul', 'ol', 'menu']);

/**
 * Feeds that paste list items without their list (`<div><li>…</li><li>…</li></div>`) get each run of
 * them wrapped in a `ul`, so they are a list to browsers and screen readers, not stray bullets.
 */
export function rehypeWrapOrphanListItems(_options: Readonly<WrapOrphanListItemsOptions> = emptyOptions) {
  return (tree: Root): void => {
    visit(tree, (node) => {
      if (node.type !== 'root' && node.type !== 'element') return;
      if (node.type === 'element' && lists.has(node.tagName)) return;
      if (!node.children.some(isListItem)) return;
      node.children = wrapRuns(node.children as ElementContent[]) as typeof node.children;
    });
  };
}

function isListItem(node: Root['children'][number]): node is Element {
  return node.type === 'element' && node.tagName === 'li';
}

/** Consecutive `li`s (with only whitespace between) become one `ul`; blank text at a run's edges stays outside. */
function wrapRuns(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  let run: Element | undefined;
  let pendingBlank: ElementContent[] = [];
  for (const child of children) {
    if (isListItem(child)) {
      if (run === undefined) {
        out.push(...pendingBlank);
        run = { type: 'element', tagName: 'ul', properties: {}, children: [] };
        out.push(run);
      } else {
        run.children.push(...pendingBlank);
      }
      pendingBlank = [];
      run.children.push(child);
    } else if (run !== undefined && child.type === 'text' && isBlank(child.value)) {
      pendingBlank.push(child);
    } else {
      out.push(...pendingBlank, child);
      pendingBlank = [];
      run = undefined;
    }
  }
  out.push(...pendingBlank);
  return out;
}
