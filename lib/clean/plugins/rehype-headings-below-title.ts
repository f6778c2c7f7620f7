import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';
import '../clean-data.ts';
import { collapseWhitespace, hasText } from '../hast-content.ts';
import { leadMinLength } from '../lead-paragraph.ts';
import { CONTINUE, EXIT, SKIP, visit } from '../visit-tree.ts';

export type HeadingsBelowTitleOptions = Record<string, never>;

const emptyOptions: Readonly<HeadingsBelowTitleOptions> = Object.freeze({});
const headingLevel = (node: Element): number | undefined => (/^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : undefined);
const fold = (text: string): string => text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();

/**
 * Fits the body's headings under the page's own `<h1>` title: a heading opening the body that repeats the
 * title (`cleanContext.title`) goes, and the rest start at `<h2>` and never skip a level on the way down
 * (h1 h3 h3 → h2 h3 h3; h2 h4 → h2 h3), so the page's heading order is valid. A heading with no text (an image
 * in an `<h2>`) is unwrapped.
 */
export function rehypeHeadingsBelowTitle(_options: Readonly<HeadingsBelowTitleOptions> = emptyOptions) {
  return (tree: Root, file: VFile): void => {
    const title = file.data.cleanContext?.title;
    if (title !== undefined) removeTitleHeading(tree, fold(title));
    const headings: Array<{ node: Element; level: number }> = [];
    visit(tree, 'element', (node, index, parent) => {
      const level = headingLevel(node);
      if (level === undefined) return CONTINUE;
      // A heading holding only an image names nothing (axe empty-heading): its image stays, the heading goes.
      if (!hasText(node) && parent !== undefined && index !== undefined) {
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      headings.push({ node, level });
      return SKIP;
    });
    if (headings.length === 0) return;
    const shift = 2 - Math.min(...headings.map(({ level }) => level));
    let previous = 1;
    for (const { node, level } of headings) {
      const wanted = Math.min(Math.max(level + shift, 2), previous + 1, 6);
      node.tagName = `h${wanted}`;
      previous = wanted;
    }
  };
}

/**
 * Headings that say what the title says: the body's first (kept) heading, and any before its first paragraph
 * of prose (some pages repeat the title twice, or after a standfirst).
 */
function removeTitleHeading(tree: Root, title: string): void {
  if (title === '') return;
  let inProse = false;
  let firstHeading = true;
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName === 'p' && collapseWhitespace(toText(node)).length >= leadMinLength) inProse = true;
    if (headingLevel(node) === undefined) return CONTINUE;
    if (!firstHeading && inProse) return EXIT;
    if (fold(toText(node)) !== title || parent === undefined || index === undefined) {
      firstHeading = false;
      return SKIP;
    }
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}
