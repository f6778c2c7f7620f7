import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import '../clean-data.ts';
import { inPageFragments } from '../in-page-fragment.ts';
import { visit } from '../visit-tree.ts';

export interface StripLayoutAttributesOptions {
  /** Extra properties (hast names) to drop everywhere. */
  drop?: readonly string[];
}

const emptyOptions: Readonly<StripLayoutAttributesOptions> = Object.freeze({});

/** Presentation, scripting hooks, microdata and tracking: none of it belongs to the article. */
const layoutKeys: ReadonlySet<string> = new Set([
  'about', 'align', 'ariaHidden', 'background', 'bgColor', 'border', 'cellPadding', 'cellSpacing', 'className', 'clear',
  'color', 'face', 'frameBorder', 'hSpace', 'id', 'itemId', 'itemProp', 'itemRef', 'itemScope', 'itemType', 'noWrap',
  'ping', 'property', 'rel', 'role', 'size', 'style', 'tabIndex', 'target', 'typeOf', 'vAlign', 'vSpace',
]);

/** Where `width`/`height` say something true about the content (and prevent layout shift). */
const sizedTags: ReadonlySet<string> = new Set(['img', 'video', 'source']);

/**
 * Drops inline `style`, `class`, `id` (but for the targets of in-page links), `data-*`, event handlers and tracking attributes,
 * and `width`/`height` except whole numbers on media, so the site's stylesheet decides layout.
 */
export function rehypeStripLayoutAttributes(options: Readonly<StripLayoutAttributesOptions> = emptyOptions) {
  const extra = new Set(options.drop ?? []);
  return (tree: Root, file: VFile): void => {
    const base = file.data.cleanContext?.url;
    // An `id` (or an anchor's `name`) a link in the body leads to is kept: it is where the link goes.
    const targets: Array<{ node: Element; key: 'id' | 'name'; value: string }> = [];
    const linked = new Set<string>();
    visit(tree, 'element', (node) => {
      const { href, id, name } = node.properties;
      if (node.tagName === 'a' && typeof href === 'string' && href.includes('#')) {
        for (const fragment of inPageFragments(href, base)) linked.add(fragment);
      }
      if (typeof id === 'string' && id !== '') targets.push({ node, key: 'id', value: id });
      if (node.tagName === 'a' && typeof name === 'string' && name !== '') targets.push({ node, key: 'name', value: name });
      for (const key of Object.keys(node.properties)) {
        const isData = /^data[A-Z]/.test(key);
        const isHandler = /^on[A-Z]/.test(key);
        const isLayoutSize = (key === 'width' || key === 'height') && !(sizedTags.has(node.tagName) && /^\d+$/.test(String(node.properties[key]).trim()));
        const isAnchorName = key === 'name' && node.tagName === 'a';
        if (layoutKeys.has(key) || extra.has(key) || isData || isHandler || isLayoutSize || isAnchorName) delete node.properties[key];
      }
    });
    if (linked.size === 0) return;
    for (const { node, key, value } of targets) {
      if (!linked.has(value)) continue;
      node.properties[key] = value;
      file.data.keptLinkTargets = true;
    }
  };
}
