import type { Element, ElementContent, Parents, Root, Text } from 'hast';
import { h } from 'hastscript';
import { blockTagNames, collapseWhitespace, isBlank } from '../hast-content.ts';
import { visit, visitParents } from '../visit-tree.ts';

export type ImageLabelsToCaptionsOptions = Record<string, never>;

const emptyOptions: Readonly<ImageLabelsToCaptionsOptions> = Object.freeze({});

/** The screen-reader labels BBC pages put before an image's credit and its caption (2020: 图片版权, Image caption; later: 图片来源，, 图像加注文字，). */
const creditLabel = /^(图片版权|图片来源|圖片版權|圖片來源|Image copyright|Image source)(?:\s*[，,:：])?\s*/u;
const captionLabel = /^(Image caption|图像加注文字|圖像加註文字|图片说明|圖片說明)(?:\s*[，,:：])?\s*/u;

/** What every label holds: most text is never matched against the labels. */
const mayBeLabel = /图|圖|Image/u;

interface Label {
  kind: 'credit' | 'caption';
  text: Text;
  ancestors: Parents[];
}

/**
 * BBC's "图片版权 Reuters" and "Image caption …" / "图像加注文字，…" labels: the labels go, the credit and
 * the caption stay as the image's `figure > figcaption` (caption, then the credit on a line of its own).
 */
export function rehypeImageLabelsToCaptions(_options: Readonly<ImageLabelsToCaptionsOptions> = emptyOptions) {
  return (tree: Root): void => {
    // Labels are short text nodes that begin with one: nothing else is looked at twice.
    const labels: Label[] = [];
    visitParents(tree, 'text', (node, ancestors) => {
      if (node.value.length > 80 || !mayBeLabel.test(node.value)) return;
      const value = node.value.trimStart();
      const kind = creditLabel.test(value) ? 'credit' : captionLabel.test(value) ? 'caption' : undefined;
      if (kind) labels.push({ kind, text: node, ancestors: [...ancestors] });
    });
    if (labels.length === 0) return;

    const holders = new Set(labels.flatMap((label) => label.ancestors));
    // Every figure is found before any label is taken out of one.
    const placed = labels.flatMap((label) => {
      const figure = figureAround(label.ancestors, holders);
      return figure === undefined ? [] : [{ label, figure }];
    });
    const figures = new Map<Element, { credits: ElementContent[][]; caption?: Element }>();
    for (const { label, figure } of placed) {
      const entry = figures.get(figure) ?? { credits: [] };
      figures.set(figure, entry);
      if (label.kind === 'credit') entry.credits.push(takeCredit(label));
      else entry.caption ??= takeCaption(label, figure);
    }

    for (const [figure, { credits, caption }] of figures) {
      figure.tagName = 'figure';
      figure.properties = {};
      const figcaption = caption ?? h('figcaption');
      figcaption.tagName = 'figcaption';
      figure.children = figure.children.filter((child) => child !== caption);
      dropTrailingBreaks(figure);
      for (const credit of credits.filter((nodes) => nodes.length > 0)) {
        if (hasText(figcaption)) figcaption.children.push(h('br'));
        figcaption.children.push(...credit);
      }
      if (hasText(figcaption)) figure.children.push(figcaption);
    }
  };
}

/**
 * The outermost element around the label that is an image's figure: one image, and beside it only the
 * labels' holders and inline text (the credit). A label in the prose of a body is in no figure.
 */
function figureAround(ancestors: readonly Parents[], holders: ReadonlySet<Parents>): Element | undefined {
  let depth = ancestors.length - 1;
  while (depth >= 0 && !(ancestors[depth]!.type === 'element' && imagesIn(ancestors[depth] as Element) > 0)) depth -= 1;
  if (depth < 0 || !isFigure(ancestors[depth] as Element, holders)) return undefined;
  while (depth > 0) {
    const parent = ancestors[depth - 1]!;
    if (parent.type !== 'element' || !isFigure(parent, holders)) break;
    depth -= 1;
  }
  return ancestors[depth] as Element;
}

function isFigure(node: Element, holders: ReadonlySet<Parents>): boolean {
  if (imagesIn(node) !== 1 || textOf(node).length > maxFigureText) return false;
  return node.children.every(
    (child) =>
      (child.type === 'text' && isBlank(child.value)) ||
      child.type === 'comment' ||
      (child.type === 'element' && (holders.has(child) || imagesIn(child) > 0)) ||
      isInline(child),
  );
}

const maxFigureText = 600;

function imagesIn(node: Element): number {
  let count = 0;
  visit(node, 'element', (child) => {
    if (child.tagName === 'img') count += 1;
  });
  return count;
}

/** Takes the credit out of the tree: what follows the label in its text, else the inline nodes after the label. */
function takeCredit({ text, ancestors }: Label): ElementContent[] {
  const parent = ancestors[ancestors.length - 1]!;
  const rest = text.value.trimStart().replace(creditLabel, '');
  const labelNode = labelElement(text, parent);
  const holder = labelNode === text ? parent : ancestors[ancestors.length - 2]!;
  const at = holder.children.indexOf(labelNode as never);
  let end = at + 1;
  while (end < holder.children.length && isInline(holder.children[end]!)) end += 1;
  const following = holder.children.slice(at + 1, end) as ElementContent[];
  if (rest === '') {
    holder.children.splice(at, end - at);
    // Simorgh's `<span role="text">`, emptied.
    const outer = ancestors[ancestors.length - (labelNode === text ? 2 : 3)];
    if (holder.type === 'element' && holder.children.length === 0 && outer !== undefined) outer.children.splice(outer.children.indexOf(holder), 1);
    return trimmed(following);
  }
  // "图片版权 BBC News 中文", then the credit again for sighted readers.
  const repeated = collapseWhitespace(following.map(textOf).join('')) === collapseWhitespace(rest);
  holder.children.splice(at, repeated ? end - at : 1);
  return [{ type: 'text', value: rest }];
}

function isInline(node: Parents['children'][number]): boolean {
  if (node.type !== 'element') return node.type === 'text' || node.type === 'comment';
  return !blockTagNames.has(node.tagName) && node.tagName !== 'img' && node.tagName !== 'picture';
}

/** Takes the label out of its caption; the caption is the figure's child that held it. */
function takeCaption({ text, ancestors }: Label, figure: Element): Element | undefined {
  const parent = ancestors[ancestors.length - 1]!;
  const rest = text.value.trimStart().replace(captionLabel, '');
  const labelNode = labelElement(text, parent);
  if (labelNode === text) text.value = rest;
  else {
    const holder = ancestors[ancestors.length - 2]!;
    holder.children.splice(holder.children.indexOf(labelNode as never), 1);
  }
  const index = ancestors.indexOf(figure);
  const child = ancestors[index + 1];
  return child?.type === 'element' ? child : undefined;
}

/** The element that is the label alone (`<span class="off-screen">图片版权</span>`), else the text itself. */
function labelElement(text: Text, parent: Parents): Text | Element {
  if (parent.type !== 'element' || parent.children.length !== 1) return text;
  return parent;
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

function hasText(node: Element): boolean {
  return !isBlank(textOf(node));
}

function trimmed(nodes: ElementContent[]): ElementContent[] {
  return nodes.filter((node) => !(node.type === 'text' && isBlank(node.value)) && !(node.type === 'element' && node.tagName === 'br'));
}

/** The `<br>` BBC put between the image and its (now moved) credit. */
function dropTrailingBreaks(node: Element): void {
  visit(node, 'element', (child) => {
    if (child.tagName === 'figcaption') return 'skip';
    let end = child.children.length;
    while (end > 0) {
      const last = child.children[end - 1]!;
      if ((last.type === 'text' && isBlank(last.value)) || (last.type === 'element' && last.tagName === 'br')) end -= 1;
      else break;
    }
    child.children.length = end;
    return undefined;
  });
}
