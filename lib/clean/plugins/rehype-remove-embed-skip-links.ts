import type { Element, Root } from 'hast';
import { SKIP, visit } from '../visit-tree.ts';

/**
 * Removes what a source page puts around an embedded post for its own screen readers and ad policy: the
 * skip link before it and the marker after it ("跳过 Twitter 帖子 …", "结尾 Youtube 帖子 …", BBC's `jump-link`s,
 * hidden off-screen) and the third-party notice ("告知：第三方内容可能包含广告"). In an archive they are
 * text with nothing to skip to; the embed itself stays (see rehype-embeds-to-links).
 */
export function rehypeRemoveEmbedSkipLinks() {
  return (tree: Root): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined || !isEmbedFurniture(node)) return undefined;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}

function isEmbedFurniture(node: Element): boolean {
  const classes = node.properties.className;
  if (!Array.isArray(classes) || classes.length === 0) return false;
  if (classes.includes('jump-link') || classes.includes('embed-youtube-warning')) return true;
  return classes.includes('off-screen') && String(node.properties.id ?? '').startsWith('jump-link');
}
