import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import '../clean-data.ts';
import { fragmentHref, inPageFragments } from '../in-page-fragment.ts';
import { visit } from '../visit-tree.ts';

export interface InPageLinksOptions {
  /** The prefix the sanitizer puts before every `id` and `name` (hast-util-sanitize's `clobberPrefix`). */
  prefix?: string;
}

const emptyOptions: Readonly<InPageLinksOptions> = Object.freeze({});

/**
 * The sanitizer renames `id="x"` to `id="user-content-x"` (so an article cannot clobber the page's own ids)
 * but leaves `href="#x"` alone: this points such links (and the article's own URL with `#x`, as URLs
 * are resolved) at `#user-content-x` when the body holds that target. A link to a target that is not
 * in the body keeps leading to the source page. Run after the sanitizer, and after `rehypeStripLayoutAttributes`,
 * which keeps only the ids such links lead to (and sets `file.data.keptLinkTargets`).
 */
export function rehypeInPageLinks(options: Readonly<InPageLinksOptions> = emptyOptions) {
  const prefix = options.prefix ?? 'user-content-';
  return (tree: Root, file: VFile): void => {
    // The layout-attribute pass keeps only ids that in-page links lead to, and says when it kept one.
    if (file.data.keptLinkTargets !== true) return;
    const base = file.data.cleanContext?.url;
    const targets = new Set<string>();
    const links: Element[] = [];
    visit(tree, 'element', (node) => {
      const { id, name, href } = node.properties;
      if (typeof id === 'string' && id.startsWith(prefix)) targets.add(id.slice(prefix.length));
      if (typeof name === 'string' && name.startsWith(prefix)) targets.add(name.slice(prefix.length));
      if (node.tagName === 'a' && typeof href === 'string' && href.includes('#')) links.push(node);
    });
    if (targets.size === 0) return;
    for (const link of links) {
      const target = inPageFragments(String(link.properties.href), base).find((fragment) => targets.has(fragment));
      if (target !== undefined) link.properties.href = fragmentHref(prefix + target);
    }
  };
}
