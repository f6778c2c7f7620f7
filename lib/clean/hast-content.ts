import type { Element, Nodes } from 'hast';
import { toString } from 'hast-util-to-string';
import { EXIT, visit } from './visit-tree.ts';

/** Whitespace, including no-break, ideographic and zero-width spaces that editors leave in "empty" paragraphs. */
const blankText = /^[\s\u200b-\u200d\u2060\ufeff]*$/u;

export function isBlank(text: string): boolean {
  return blankText.test(text);
}

/** Whitespace collapsed to single spaces and trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, ' ').trim();
}

/**
 * Whether `node`'s text (`hast-util-to-string`'s) is not blank. Stops at the first text that is not:
 * asked of every element, joining all the text below each one cost more than the rest of the pass.
 */
export function hasText(node: Nodes): boolean {
  if (!('children' in node)) return !isBlank(toString(node));
  let found = false;
  visit(node, 'text', (text) => {
    if (isBlank(text.value)) return undefined;
    found = true;
    return EXIT;
  });
  return found;
}

/**
 * `hast-util-to-string` for a single pass that reads the text of an element and then of the elements
 * inside it: each element's text is joined once, not once for every element around it. Only for a
 * walk that changes nothing it has already read the text of, except to remove it.
 */
export function createTextOf(): (node: Nodes) => string {
  const texts = new WeakMap<Element, string>();
  const textOf = (node: Nodes): string => {
    if (node.type === 'text') return node.value;
    if (node.type === 'element') {
      let text = texts.get(node);
      if (text === undefined) {
        text = node.children.map(textOfChild).join('');
        texts.set(node, text);
      }
      return text;
    }
    return 'children' in node ? node.children.map(textOfChild).join('') : toString(node);
  };
  // Below the node asked about, only text and elements have text (to-string's `one`).
  const textOfChild = (child: Nodes): string => (child.type === 'text' || 'children' in child ? textOf(child) : '');
  return textOf;
}

/**
 * Whether `node` is or holds media a reader sees: what `img[src], video, audio` selects (an image with
 * any `src`, even empty, below `node`) or `node` being an image with a real source. Stops at the first.
 */
export function hasMedia(node: Nodes): boolean {
  if (node.type === 'element' && isMedia(node)) return true;
  let found = false;
  visit(node, 'element', (element) => {
    if (!matchesMediaSelector(element)) return undefined;
    found = true;
    return EXIT;
  });
  return found;
}

/** `img[src], video, audio` as hast-util-select reads it: `[src]` is any value but none, false or an empty list. */
function matchesMediaSelector(node: Element): boolean {
  if (node.tagName === 'video' || node.tagName === 'audio') return true;
  if (node.tagName !== 'img') return false;
  const src: unknown = node.properties.src;
  return src !== undefined && src !== null && src !== false && !(Array.isArray(src) && src.length === 0);
}

export function isMedia(node: Element): boolean {
  if (node.tagName === 'img') return typeof node.properties.src === 'string' && node.properties.src !== '';
  return node.tagName === 'video' || node.tagName === 'audio';
}

/** Elements that start a new block: wrapping only these, a div means nothing. */
export const blockTagNames: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'ul',
]);

export const voidTagNames: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);
