import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { collapseWhitespace } from './hast-content.ts';

/**
 * What an image shows, in words: the `alt` the source gave, else its figure's caption, else, for an image that is
 * all a link shows, where the link leads; '' when none applies (decoration). At most `maxLength` code points.
 */
export function imageAltText(image: Element, ancestors: readonly (Root | Element)[], maxLength = 250): string {
  const given = typeof image.properties.alt === 'string' ? collapseWhitespace(image.properties.alt) : '';
  return given !== '' ? given : cut(captionOf(ancestors) || linkNameOf(image, ancestors), maxLength);
}

/** The text of the `figcaption` of the nearest `figure` around the image, or ''. */
function captionOf(ancestors: readonly (Root | Element)[]): string {
  for (let depth = ancestors.length - 1; depth >= 0; depth -= 1) {
    const ancestor = ancestors[depth]!;
    if (ancestor.type !== 'element' || ancestor.tagName !== 'figure') continue;
    const caption = ancestor.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption');
    return caption === undefined ? '' : collapseWhitespace(toString(caption));
  }
  return '';
}

/** For an image that is the whole of a link: the link's title, else its target as a reader would say it. */
function linkNameOf(image: Element, ancestors: readonly (Root | Element)[]): string {
  const link = [...ancestors].reverse().find((ancestor): ancestor is Element => ancestor.type === 'element' && ancestor.tagName === 'a');
  if (link === undefined || collapseWhitespace(toString(link)) !== '') return '';
  const images = countImages(link);
  if (images !== 1 || typeof link.properties.href !== 'string') return '';
  if (typeof link.properties.title === 'string' && collapseWhitespace(link.properties.title) !== '') return collapseWhitespace(link.properties.title);
  if (typeof image.properties.title === 'string' && collapseWhitespace(image.properties.title) !== '') return collapseWhitespace(image.properties.title);
  return readableUrl(link.properties.href);
}

function countImages(node: Element): number {
  return node.children.reduce((count, child) => count + (child.type !== 'element' ? 0 : child.tagName === 'img' ? 1 : countImages(child)), 0);
}

function readableUrl(href: string): string {
  if (!URL.canParse(href)) return href;
  const url = new URL(href);
  const path = url.pathname.replace(/\/+$/, '');
  let shown = `${url.hostname.replace(/^www\./, '')}${path}`;
  try {
    shown = decodeURIComponent(shown);
  } catch {
    // A malformed escape: show it as it is.
  }
  return url.protocol === 'mailto:' ? href.slice('mailto:'.length) : shown;
}

function cut(text: string, maxLength: number): string {
  const points = [...text];
  if (points.length <= maxLength) return text;
  const head = points.slice(0, maxLength - 1).join('');
  const atSpace = head.lastIndexOf(' ');
  return `${atSpace > maxLength / 2 ? head.slice(0, atSpace) : head}…`;
}
