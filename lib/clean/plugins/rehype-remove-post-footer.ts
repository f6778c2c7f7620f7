import type { Element, Parents, Root } from 'hast';
import type { VFile } from 'vfile';
import '../clean-data.ts';
import { collapseWhitespace, createTextOf } from '../hast-content.ts';
import { SKIP, visit, visitParents } from '../visit-tree.ts';

export type RemovePostFooterOptions = Record<string, never>;

const emptyOptions: Readonly<RemovePostFooterOptions> = Object.freeze({});

/** Text only the footer holds: the unrendered template call, and the feed plugin's credit. */
const markers = ['get_post_time(', 'Feed enhanced by'];

/**
 * Removes the footer WordPress's "Better Feed" plugin appends to every post (中国数字时代):
 * `© author for site, get_post_time('Y'). |Permalink |No comment |Add to del.icio.us`, the
 * "Post tags: …" line, and "Feed enhanced by Better Feed from Ozh", with the rule above them.
 * The post tags go to `file.data.tags`.
 */
export function rehypeRemovePostFooter(_options: Readonly<RemovePostFooterOptions> = emptyOptions) {
  return (tree: Root, file: VFile): void => {
    // Only the blocks around a text that holds a marker are read at all.
    const candidates = new Set<Element>();
    visitParents(tree, 'text', (node, ancestors) => {
      if (!markers.some((marker) => node.value.includes(marker))) return;
      const block = blockOf(ancestors);
      if (block) candidates.add(block);
    });
    if (candidates.size === 0) return;

    const textOf = createTextOf();
    const tags: string[] = [];
    const footers = new Set<Element>();
    for (const block of candidates) {
      const text = collapseWhitespace(textOf(block));
      if (isCopyrightLine(text)) {
        footers.add(block);
        tags.push(...tagsIn(block, textOf));
      } else if (isFeedCredit(block, text)) footers.add(block);
    }
    if (footers.size === 0) return;

    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined || !footers.has(node)) return undefined;
      let start = index;
      // The rule the site draws above its footer, with any blank text between.
      for (let before = index - 1; before >= 0; before -= 1) {
        const sibling = parent.children[before]!;
        if (sibling.type === 'text' && collapseWhitespace(sibling.value) === '') continue;
        if (sibling.type === 'element' && sibling.tagName === 'hr') start = before;
        break;
      }
      parent.children.splice(start, index - start + 1);
      return [SKIP, start];
    });
    if (tags.length > 0) file.data.tags = [...new Set([...(file.data.tags ?? []), ...tags])];
  };
}

/** The paragraph around the marker, else the element right around it. */
function blockOf(ancestors: readonly Parents[]): Element | undefined {
  for (let depth = ancestors.length - 1; depth >= 0; depth -= 1) {
    const ancestor = ancestors[depth]!;
    if (ancestor.type === 'element' && ancestor.tagName === 'p') return ancestor;
  }
  const parent = ancestors[ancestors.length - 1];
  return parent?.type === 'element' ? parent : undefined;
}

function isCopyrightLine(text: string): boolean {
  return /^(©|\(c\)|copyright\b)/iu.test(text) && text.includes("get_post_time('Y')") && /\|\s*Permalink\b/u.test(text);
}

function isFeedCredit(block: Element, text: string): boolean {
  if (!/^Feed enhanced by Better Feed from Ozh$/u.test(text)) return false;
  let linksElsewhere = false;
  visit(block, 'element', (node) => {
    if (node.tagName === 'a' && !/^https?:\/\/planetozh\.com\//u.test(String(node.properties.href ?? ''))) linksElsewhere = true;
  });
  return !linksElsewhere;
}

/** The names of the `rel="tag"` links after "Post tags:". */
function tagsIn(block: Element, textOf: (node: Element) => string): string[] {
  const tags: string[] = [];
  let afterLabel = false;
  visit(block, (node) => {
    if (node.type === 'text' && /Post tags\s*:/u.test(node.value)) afterLabel = true;
    if (!afterLabel || node.type !== 'element' || node.tagName !== 'a') return undefined;
    const rel = node.properties.rel;
    const name = collapseWhitespace(textOf(node));
    if (Array.isArray(rel) && rel.includes('tag') && name !== '') tags.push(name);
    return SKIP;
  });
  return tags;
}
