import type { Element, Nodes } from 'hast';
import { toString } from 'hast-util-to-string';
import { selectAll } from 'hast-util-select';

/** Whitespace, including no-break, ideographic and zero-width spaces that editors leave in "empty" paragraphs. */
const blankText = /^[\s\u200b-\u200d\u2060\ufeff]*$/u;

export function isBlank(text: string): boolean {
  return blankText.test(text);
}

/** Whitespace collapsed to single spaces and trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, ' ').trim();
}

export function hasText(node: Nodes): boolean {
  return !isBlank(toString(node));
}

/** Media a reader sees: images with a source, video and audio. */
export function mediaIn(node: Nodes): Element[] {
  return selectAll('img[src], video, audio', node);
}

export function hasMedia(node: Nodes): boolean {
  if (node.type === 'element' && isMedia(node)) return true;
  return mediaIn(node).length > 0;
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
