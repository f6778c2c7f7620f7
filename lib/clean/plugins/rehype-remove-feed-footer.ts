import type { Element, ElementContent, Parents, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { collapseWhitespace, createTextOf, isBlank } from '../hast-content.ts';
import { SKIP, visit, visitParents } from '../visit-tree.ts';

export interface RemoveFeedFooterOptions {
  /** Text the footer block starts with. */
  label?: string;
}

const emptyOptions: Readonly<RemoveFeedFooterOptions> = Object.freeze({});

/** feedx.net and the second domain it changed over the years: .xyz, .best, .co, .site … */
const feedServiceHost = /(^|\.)feedx\.[a-z]{2,}$/i;

/**
 * Removes what the feed service appended to every article: the "获取更多RSS" block
 * with its links to its own domains, and the `data-selfpromo-*` placeholders.
 */
export function rehypeRemoveFeedFooter(options: Readonly<RemoveFeedFooterOptions> = emptyOptions) {
  const label = options.label ?? '获取更多RSS';

  return (tree: Root, file: VFile): void => {
    // Reading the text of every element is costly on deep span soup. Text that starts with the label holds
    // its first character: only the elements around such text are read, each once, and only when the
    // label is in the body at all.
    const { text, holders } = textAndHoldersOf(tree, label.charAt(0));
    const hasLabel = holders.size > 0 && text.includes(label);
    const textOf = createTextOf();
    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      if (isSelfPromo(node) || (hasLabel && holders.has(node) && isFooterBlock(node, textOf(node), label))) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });

    // A footer whose label sits loose among other content: drop the label and the links after it.
    if (hasLabel) visit(tree, 'text', (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      const text = node.value.trim();
      if (text !== label && text !== `${label}：` && text !== `${label}:`) return;
      let end = index + 1;
      while (end < parent.children.length && isFooterTail(parent.children[end]!)) end += 1;
      const tail = parent.children.slice(index + 1, end);
      if (!tail.some((child) => child.type === 'element' && isFeedServiceLink(child))) return;
      parent.children.splice(index, end - index);
      return [SKIP, index];
    });

    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined || !isFeedServiceLink(node)) return;
      file.message('Removed a stray link to the feed service', { place: node.position, source: 'rehype-remove-feed-footer', ruleId: 'feed-link' });
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}

/**
 * The tree's text (`hast-util-to-string`'s, joined once: its own joins at every level cost most of this pass)
 * and the elements around the text nodes that contain `character`.
 */
function textAndHoldersOf(tree: Root, character: string): { text: string; holders: ReadonlySet<Parents> } {
  const texts: string[] = [];
  const holders = new Set<Parents>();
  visitParents(tree, 'text', (node, ancestors) => {
    texts.push(node.value);
    if (node.value.includes(character)) for (const ancestor of ancestors) holders.add(ancestor);
  });
  return { text: texts.join(''), holders };
}

function isSelfPromo(node: Element): boolean {
  return Object.keys(node.properties).some((key) => key.startsWith('dataSelfpromo'));
}

function isFooterBlock(node: Element, text: string, label: string): boolean {
  if (!collapseWhitespace(text).startsWith(label)) return false;
  let onlyFeedLinks = true;
  visit(node, 'element', (child) => {
    if (child.tagName === 'a' && !isFeedServiceLink(child)) onlyFeedLinks = false;
  });
  return onlyFeedLinks;
}

function isFooterTail(node: RootContent | ElementContent): boolean {
  if (node.type === 'text') return isBlank(node.value);
  if (node.type !== 'element') return node.type === 'comment';
  return node.tagName === 'br' || isFeedServiceLink(node);
}

export function isFeedServiceLink(node: Element): boolean {
  if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return false;
  try {
    return feedServiceHost.test(new URL(node.properties.href, 'https://example.invalid/').hostname);
  } catch {
    return false;
  }
}
