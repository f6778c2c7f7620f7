import type { Element, ElementContent, Parents, Root, RootContent } from 'hast';
import { collapseWhitespace, createTextOf, isBlank } from '../hast-content.ts';
import { EXIT, SKIP, visitParents } from '../visit-tree.ts';

export type RemoveShareBarsOptions = Record<string, never>;

const emptyOptions: Readonly<RemoveShareBarsOptions> = Object.freeze({});

/** Host (without `www.`) and path of the pages that post a link elsewhere: sharers, not articles. */
const shareEndpoints: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^(m\.)?facebook\.com$/, /^\/(sharer(\/sharer)?(\.php)?|dialog\/(share|feed)|plugins\/(like|share_button)\.php)/],
  [/^(mobile\.)?(twitter|x)\.com$/, /^\/(share|intent\/(tweet|post))\b/],
  [/^platform\.twitter\.com$/, /^\/widgets\/tweet_button/],
  [/^linkedin\.com$/, /^\/(shareArticle|sharing\/share-offsite|cws\/share)/],
  [/^service\.weibo\.com$/, /^\/share\//],
  [/^(reddit\.com|digg\.com|news\.ycombinator\.com)$/, /^\/submit/],
  [/^pinterest\.com$/, /^\/pin\/create/],
  [/^(api|web)\.whatsapp\.com$/, /^\/send/],
  [/^wa\.me$/, /^\/$/],
  [/^(t|telegram)\.me$/, /^\/share/],
  [/^(social-plugins|lineit)\.line\.me$/, /^\//],
  [/^line\.me$/, /^\/R\/msg/],
  [/^plus\.google\.com$/, /^\/share/],
  [/^google\.com$/, /^\/bookmarks\/mark/],
  [/^(del\.icio\.us|delicious\.com)$/, /^\/(post|save)/],
  [/^addtoany\.com$/, /^\/(share|add_to)/],
  [/^(tumblr\.com|vk\.com|ok\.ru)$/, /^\/(share|widget\/share|dk)/],
  [/^getpocket\.com$/, /^\/(save|edit)/],
  [/^connect\.qq\.com$/, /^\/widget\/shareqq/],
  [/^sns\.qzone\.qq\.com$/, /^\/cgi-bin\/qzshare/],
  [/^button\.like\.co$/, /^\//],
];

/** What a share bar says about itself: "分享 :", "共享此文章：", "Share this:", "Partager". */
const shareLabel = /^(分享|分享到|分享至|分享本文|分享此文|分享文章|共享此文章|轉發|转发|share|share this|share this article|share on|partager)\s*[:：]?$/iu;
/** What every label holds: most text is never matched against the labels. */
const mayBeLabel = /享|分|发|發|share|partager/iu;
/** A label standing alone, with no share links left beside it: only with the colon that names a bar. */
const looseShareLabel = /^(分享|分享到|分享至|分享本文|分享此文|分享文章|共享此文章|share|share this|share this article|partager)\s*[:：]$/iu;

/**
 * Removes share bars, whatever the source: links to sharer pages (with their icons and the
 * "点击以在 Facebook 上共享" text they carry), share and like buttons in iframes, the list or block
 * around them when it holds nothing else, their label, and a label left at the end of the body
 * by a feed that already dropped the links ("分享 :" at the end of RFI articles).
 */
export function rehypeRemoveShareBars(_options: Readonly<RemoveShareBarsOptions> = emptyOptions) {
  return (tree: Root): void => {
    /** Each bar and the parent it is removed from. */
    const bars = new Map<RootContent, Parents>();
    const textOf = createTextOf();
    let lastLabel: { node: RootContent; ancestors: Parents[] } | undefined;

    visitParents(tree, (node, ancestors) => {
      if (node.type === 'text') {
        if (node.value.length < 40 && mayBeLabel.test(node.value) && looseShareLabel.test(collapseWhitespace(node.value))) lastLabel = { node, ancestors: [...ancestors] };
        return undefined;
      }
      if (node.type !== 'element' || !isShareButton(node)) return undefined;
      const [bar, parent] = barAround(node, ancestors, textOf);
      bars.set(bar, parent);
      return SKIP;
    });

    // The feed kept the label and dropped the links: the body ends with "分享 :".
    if (lastLabel !== undefined && nothingReadAfter(tree, lastLabel.node)) {
      const [bar, parent] = labelBlock(lastLabel.node, lastLabel.ancestors, textOf);
      bars.set(bar, parent);
    }
    for (const [bar, parent] of bars) removeWithLabel(bar, parent, bars, textOf);
  };
}

/** Every share URL above holds one of these: most links are never parsed. */
const mayShare = /share|dialog\/feed|intent\/|submit|pin\/create|send|wa\.me|bookmarks|del\.icio\.us|delicious\.com\/save|add_?to|getpocket|like\.co|line\.me|mailto:\?|plugins\/like|tweet_button|qzshare|\/dk\b/i;

/** Whether no text a reader sees comes after `node` (read only for the rare body with a loose label). */
function nothingReadAfter(tree: Root, node: RootContent): boolean {
  let seen = false;
  let after = false;
  visitParents(tree, 'text', (text) => {
    if (text === node) seen = true;
    else if (seen && !isBlank(text.value)) {
      after = true;
      return EXIT;
    }
    return undefined;
  });
  return !after;
}

export function isShareButton(node: Element): boolean {
  const url = node.tagName === 'a' ? node.properties.href : node.tagName === 'iframe' ? node.properties.src : undefined;
  if (typeof url !== 'string' || !mayShare.test(url)) return false;
  if (/^mailto:\?/iu.test(url)) return node.tagName === 'a';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  // WordPress's Jetpack sharing: the post's own URL with `?share=facebook`.
  if (node.tagName === 'a' && /^(facebook|twitter|telegram|email|print|linkedin|reddit|tumblr|pinterest|pocket|jetpack-whatsapp|custom-\d+)$/u.test(parsed.searchParams.get('share') ?? '')) return true;
  const host = parsed.hostname.replace(/^www\./, '');
  return shareEndpoints.some(([hostPattern, pathPattern]) => hostPattern.test(host) && pathPattern.test(parsed.pathname));
}

/** The largest element around `button` that holds only share buttons, their icons and labels. */
function barAround(button: Element, ancestors: readonly Parents[], textOf: (node: Element) => string): [RootContent, Parents] {
  let bar: Element = button;
  let depth = ancestors.length - 1;
  for (; depth > 0; depth -= 1) {
    const parent = ancestors[depth]!;
    if (parent.type !== 'element' || !parent.children.every((child) => isShareStuff(child, textOf))) break;
    bar = parent;
  }
  return [bar, ancestors[depth]!];
}

function isShareStuff(node: ElementContent, textOf: (node: Element) => string): boolean {
  if (node.type === 'comment') return true;
  if (node.type === 'text') return collapseWhitespace(node.value) === '' || shareLabel.test(collapseWhitespace(node.value));
  if (node.type !== 'element') return false;
  if (isShareButton(node)) return true;
  const text = collapseWhitespace(textOf(node));
  if (text !== '' && shareLabel.test(text)) return true;
  if (['img', 'svg', 'br', 'i', 'span', 'li', 'ul', 'ol', 'div', 'p', 'small', 'strong', 'b'].includes(node.tagName) && text === '') return true;
  return node.children.length > 0 && node.children.every((child) => isShareStuff(child, textOf));
}

/** The block around a loose label whose text is the label alone. */
function labelBlock(label: RootContent, ancestors: readonly Parents[], textOf: (node: Element) => string): [RootContent, Parents] {
  let block: RootContent = label;
  let depth = ancestors.length - 1;
  for (; depth > 0; depth -= 1) {
    const parent = ancestors[depth]!;
    if (parent.type !== 'element' || !shareLabel.test(collapseWhitespace(textOf(parent)))) break;
    block = parent;
  }
  return [block, ancestors[depth]!];
}

/** Removes `bar` and, just before it, a heading or paragraph that only labels it. */
function removeWithLabel(bar: RootContent, parent: Parents, bars: ReadonlyMap<RootContent, Parents>, textOf: (node: Element) => string): void {
  const index = parent.children.indexOf(bar as never);
  if (index === -1) return;
  let start = index;
  for (let before = index - 1; before >= 0; before -= 1) {
    const sibling = parent.children[before]!;
    if (bars.has(sibling)) break;
    if (sibling.type === 'text' && collapseWhitespace(sibling.value) === '') continue;
    const text = sibling.type === 'text' ? collapseWhitespace(sibling.value) : sibling.type === 'element' ? collapseWhitespace(textOf(sibling)) : '';
    if (text !== '' && shareLabel.test(text)) start = before;
    break;
  }
  parent.children.splice(start, index - start + 1);
}
