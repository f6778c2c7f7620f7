import type { Root } from 'hast';
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
 * Drops inline `style`, `class`, `id`, `data-*`, event handlers and tracking attributes,
 * and `width`/`height` except whole numbers on media, so the site's stylesheet decides layout.
 */
export function rehypeStripLayoutAttributes(options: Readonly<StripLayoutAttributesOptions> = emptyOptions) {
  const extra = new Set(options.drop ?? []);
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      for (const key of Object.keys(node.properties)) {
        const isData = /^data[A-Z]/.test(key);
        const isHandler = /^on[A-Z]/.test(key);
        const isLayoutSize = (key === 'width' || key === 'height') && !(sizedTags.has(node.tagName) && /^\d+$/.test(String(node.properties[key]).trim()));
        const isAnchorName = key === 'name' && node.tagName === 'a';
        if (layoutKeys.has(key) || extra.has(key) || isData || isHandler || isLayoutSize || isAnchorName) delete node.properties[key];
      }
    });
  };
}
