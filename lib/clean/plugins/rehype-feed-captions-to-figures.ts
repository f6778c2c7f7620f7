import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { isBlank } from '../hast-content.ts';
import { visit } from '../visit-tree.ts';

export type FeedCaptionsToFiguresOptions = Record<string, never>;

const emptyOptions: Readonly<FeedCaptionsToFiguresOptions> = Object.freeze({});

/**
 * The feed writes a caption as `<img><div><small>caption</small></div>`; this makes it
 * `<figure><img><figcaption>caption</figcaption></figure>`, so the caption stays with its image.
 */
export function rehypeFeedCaptionsToFigures(_options: Readonly<FeedCaptionsToFiguresOptions> = emptyOptions) {
  return (tree: Root): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined || node.tagName !== 'img') return;
      let next = index + 1;
      while (next < parent.children.length && isBlankText(parent.children[next]!)) next += 1;
      const caption = captionOf(parent.children[next]);
      if (caption === undefined) return;
      const figure = h('figure', [node, h('figcaption', caption)]);
      parent.children.splice(index, next - index + 1, figure);
    });
  };
}

function isBlankText(node: ElementContent | Root['children'][number]): boolean {
  return node.type === 'text' && isBlank(node.value);
}

/** The caption's content when `node` is a div holding nothing but one `<small>`. */
function captionOf(node: Root['children'][number] | undefined): ElementContent[] | undefined {
  if (node?.type !== 'element' || node.tagName !== 'div') return undefined;
  const content = node.children.filter((child) => !isBlankText(child));
  const [small] = content;
  if (content.length !== 1 || small?.type !== 'element' || small.tagName !== 'small') return undefined;
  return (small as Element).children;
}
