import type { Element, Root } from 'hast';
import { blockTagNames, isBlank } from '../hast-content.ts';
import { visit } from '../visit-tree.ts';

export type UnwrapSoupOptions = Record<string, never>;

const emptyOptions: Readonly<UnwrapSoupOptions> = Object.freeze({});

/** Inline wrappers that mean nothing once their attributes are gone. */
const meaninglessInline: ReadonlySet<string> = new Set(['span', 'font']);

/**
 * Unwraps `span`s left with no attributes that matter (`lang`, `dir`, `title`) and `div`s that
 * only group blocks: a div around a single block, nested divs, page-builder wrappers.
 * Run after the sanitizer, which drops the attributes it does not allow: only then is a span seen bare.
 */
export function rehypeUnwrapSoup(_options: Readonly<UnwrapSoupOptions> = emptyOptions) {
  return (tree: Root): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      if ((meaninglessInline.has(node.tagName) && !hasAttributes(node)) || (node.tagName === 'div' && onlyGroupsBlocks(node))) {
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      return undefined;
    });
  };
}

function hasAttributes(node: Element): boolean {
  return Object.keys(node.properties).length > 0;
}

function onlyGroupsBlocks(node: Element): boolean {
  if (hasAttributes(node)) return false;
  return node.children.every((child) => {
    if (child.type === 'text') return isBlank(child.value);
    if (child.type === 'element') return blockTagNames.has(child.tagName);
    return true;
  });
}
