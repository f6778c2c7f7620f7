import type { ElementContent, Root, RootContent } from 'hast';
import { isBlank } from '../hast-content.ts';

export type TrimTrailingBreaksOptions = Record<string, never>;

const emptyOptions: Readonly<TrimTrailingBreaksOptions> = Object.freeze({});

/** Removes the `<br>`s, `<hr>`s and blank text left dangling at the very end of the body. */
export function rehypeTrimTrailingBreaks(_options: Readonly<TrimTrailingBreaksOptions> = emptyOptions) {
  return (tree: Root): void => {
    let children: Array<RootContent | ElementContent> = tree.children;
    for (;;) {
      while (children.length > 0 && isDangling(children[children.length - 1]!)) children.pop();
      const last = children[children.length - 1];
      if (last?.type !== 'element' || last.tagName === 'pre') return;
      children = last.children;
    }
  };
}

function isDangling(node: RootContent | ElementContent): boolean {
  if (node.type === 'text') return isBlank(node.value);
  if (node.type === 'comment') return true;
  return node.type === 'element' && (node.tagName === 'br' || node.tagName === 'hr');
}
