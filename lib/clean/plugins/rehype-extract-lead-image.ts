import type { Element, Parents, Root } from 'hast';
import type { VFile } from 'vfile';
import '../clean-data.ts';
import { collapseWhitespace, hasMedia, hasText } from '../hast-content.ts';
import { imageAltText } from '../image-alt-text.ts';
import { isHttpUrl } from '../urls.ts';
import { EXIT, SKIP, visitParents } from '../visit-tree.ts';

export interface ExtractLeadImageOptions {
  /** Text allowed before the lead image, outside paragraphs and headings (a byline). */
  maxLeadingText?: number;
  /** Images with a declared width or height below this are icons or avatars, not a lead. */
  minSize?: number;
}

const emptyOptions: Readonly<ExtractLeadImageOptions> = Object.freeze({});
const prose: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'li', 'pre']);

/**
 * Takes the first image before the article's text out of the body into `file.data.leadImage`
 * (absolute http(s) only), with the wrappers it leaves empty, and what it shows into `file.data.leadImageAlt`.
 */
export function rehypeExtractLeadImage(options: Readonly<ExtractLeadImageOptions> = emptyOptions) {
  const maxLeadingText = options.maxLeadingText ?? 50;
  const minSize = options.minSize ?? 100;

  return (tree: Root, file: VFile): void => {
    let leadingText = 0;
    let found: { image: Element; ancestors: Parents[] } | undefined;

    visitParents(tree, (node, ancestors) => {
      if (node.type === 'text') {
        const length = collapseWhitespace(node.value).length;
        if (length === 0) return undefined;
        leadingText += length;
        const inProse = ancestors.some((ancestor) => ancestor.type === 'element' && prose.has(ancestor.tagName));
        return inProse || leadingText > maxLeadingText ? EXIT : undefined;
      }
      if (node.type !== 'element') return undefined;
      if (node.tagName === 'figcaption') return SKIP;
      if (node.tagName !== 'img') return undefined;
      const src = node.properties.src;
      if (typeof src !== 'string' || !isHttpUrl(src) || isSmall(node, minSize)) return undefined;
      found = { image: node, ancestors: [...ancestors] };
      return EXIT;
    });

    if (found === undefined) return;
    file.data.leadImage = String(found.image.properties.src);
    file.data.leadImageAlt = imageAltText(found.image, found.ancestors);
    removeWithEmptyWrappers(found.image, found.ancestors);
  };
}

function isSmall(node: Element, minSize: number): boolean {
  return ['width', 'height'].some((key) => {
    const value = Number(node.properties[key]);
    return node.properties[key] !== undefined && Number.isFinite(value) && value > 0 && value < minSize;
  });
}

/**
 * Removes `node`, then each ancestor it leaves with nothing to show. A caption or a credit
 * line stays: it is text the article gave, and an image's attribution.
 */
function removeWithEmptyWrappers(node: Element, ancestors: Parents[]): void {
  let child: Element = node;
  for (let depth = ancestors.length - 1; depth >= 0; depth -= 1) {
    const parent = ancestors[depth]!;
    parent.children.splice(parent.children.indexOf(child), 1);
    if (parent.type === 'root' || hasMedia(parent) || hasText(parent)) return;
    child = parent;
  }
}
