import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { readSrcset } from '../../lib/clean/srcset-candidates.ts';
import { styleLeakMarker } from './xss-payloads.ts';

/** Properties (hast names) that make the browser load or navigate to a URL. */
const urlProperties = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'data', 'cite', 'background', 'longDesc', 'ping', 'manifest', 'codeBase', 'dynsrc', 'lowsrc', 'icon', 'itemId'];
const safeProtocols = new Set(['http:', 'https:', 'mailto:']);

/** Elements that never belong on a page of ours: they run, embed, submit or redirect. */
const forbiddenElements = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal', 'base', 'form', 'button', 'select',
  'textarea', 'keygen', 'isindex', 'svg', 'math', 'template', 'noscript', 'style', 'xmp', 'noembed', 'noframes', 'plaintext', 'listing',
  'marquee',
]);

/** Head elements we write ourselves; anywhere else (or with other attributes) they came from content. */
const ownLinkRels = new Set(['icon', 'stylesheet', 'alternate', 'canonical']);

function isSafeUrl(value: string, pageUrl: string): boolean {
  try {
    return safeProtocols.has(new URL(value, pageUrl).protocol);
  } catch {
    return false;
  }
}

function describe(node: Element): string {
  const attributes = Object.entries(node.properties)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ');
  return `<${node.tagName}${attributes ? ` ${attributes}` : ''}>`.slice(0, 200);
}

export function parsePage(html: string): Root {
  return fromHtml(html);
}

/**
 * Everything on a built page that could run or load script, or that shows content's raw-text elements:
 * `on*` attributes, unsafe URLs (each `srcset` candidate too), script-capable and form elements, un-prefixed
 * ids and names inside an article body, style sheets leaking as text.
 */
export function scriptSurfaceProblems(tree: Root, pageUrl: string): string[] {
  const problems: string[] = [];
  visitParents(tree, 'element', (node, ancestors) => {
    const inHead = ancestors.some((ancestor) => ancestor.type === 'element' && ancestor.tagName === 'head');
    const inArticleBody = ancestors.some(
      (ancestor) => ancestor.type === 'element' && Array.isArray(ancestor.properties.className) && ancestor.properties.className.includes('article-body'),
    );

    if (forbiddenElements.has(node.tagName)) problems.push(`forbidden element ${describe(node)}`);
    // GitHub's schema keeps task-list checkboxes, disabled.
    if (node.tagName === 'input' && !(node.properties.type === 'checkbox' && node.properties.disabled === true)) problems.push(`live input ${describe(node)}`);
    if (node.tagName === 'meta' && (!inHead || /refresh/i.test(String(node.properties.httpEquiv ?? '')))) problems.push(`content meta ${describe(node)}`);
    if (node.tagName === 'link') {
      const rel = Array.isArray(node.properties.rel) ? node.properties.rel.map(String) : [];
      if (!inHead || !rel.every((value) => ownLinkRels.has(value))) problems.push(`content link ${describe(node)}`);
    }

    for (const [key, value] of Object.entries(node.properties)) {
      if (key.toLowerCase().startsWith('on')) problems.push(`event handler ${key} on ${describe(node)}`);
      if (key === 'style') problems.push(`inline style on ${describe(node)}`);
      if (key === 'srcDoc') problems.push(`srcdoc on ${describe(node)}`);
      if (urlProperties.includes(key)) {
        const isOwnFavicon = node.tagName === 'link' && inHead && key === 'href' && value === 'data:,';
        const values = Array.isArray(value) ? value.map(String) : [String(value)];
        if (!isOwnFavicon && values.some((url) => !isSafeUrl(url, pageUrl))) problems.push(`unsafe ${key} on ${describe(node)}`);
      }
      if (key === 'srcSet' || key === 'imageSrcSet') {
        const text = Array.isArray(value) ? value.join(', ') : String(value);
        const candidates = readSrcset(text);
        if (candidates.length === 0 && text.trim() !== '') problems.push(`unparsable srcset on ${describe(node)}`);
        if (candidates.some((candidate) => !isSafeUrl(candidate.url, pageUrl))) problems.push(`unsafe srcset on ${describe(node)}`);
      }
      if (inArticleBody && (key === 'id' || key === 'name') && !String(value).startsWith('user-content-')) {
        problems.push(`unprefixed ${key} in article body on ${describe(node)}`);
      }
    }
  });
  if (toString(tree).includes(styleLeakMarker)) problems.push('style sheet text leaks onto the page');
  return problems;
}

/** The page's head: the CSP `<meta>` first, the referrer policy, no scripts of our own. */
export function headProblems(tree: Root, expectedPolicy: string): string[] {
  const problems: string[] = [];
  const head = select('head', tree);
  if (head === undefined) return ['no <head>'];
  const first = head.children.find((child): child is Element => child.type === 'element');
  if (first?.tagName !== 'meta' || String(first.properties.httpEquiv).toLowerCase() !== 'content-security-policy') {
    problems.push(`first element in <head> is ${first ? describe(first) : 'nothing'}, not the CSP <meta>`);
  } else if (first.properties.content !== expectedPolicy) {
    problems.push(`CSP is ${JSON.stringify(first.properties.content)}`);
  }
  const policies = selectAll('meta', tree).filter((meta) => String(meta.properties.httpEquiv).toLowerCase() === 'content-security-policy');
  if (policies.length !== 1) problems.push(`${policies.length} CSP <meta> elements`);
  const referrer = selectAll('meta[name="referrer"]', head);
  if (referrer.length !== 1 || referrer[0]!.properties.content !== 'no-referrer') problems.push('no single <meta name="referrer" content="no-referrer">');
  if (selectAll('script', tree).length > 0) problems.push('has <script> elements');
  return problems;
}

/**
 * The tree without the search parts we write ourselves, each taken out only where it belongs and in
 * exactly the shape our templates give it: the header's GET form to `<prefix>search/`, and on the search
 * page its form, controls, "more" button, `<noscript>` note and the one module script. Whatever else is
 * on the page (and anything shaped even slightly differently) is left for the checks to judge.
 */
export function withoutOwnSearch(tree: Root, prefix: string): Root {
  const action = `${prefix}search/`;
  const isOwnForm = (node: Element, className: string) =>
    node.tagName === 'form' &&
    sameProperties(node, { className: [className], role: 'search', action, method: 'get', ...(className === 'search-form' ? { id: 'search-form' } : {}) });
  const ownControl = (node: Element): boolean => {
    if (node.tagName === 'input') return sameProperties(node, { id: node.properties.id === 'site-search-q' ? 'site-search-q' : 'search-q', name: 'q', type: 'search', autoComplete: ['off'], ...(node.properties.id === 'site-search-q' ? { placeholder: node.properties.placeholder } : { spellCheck: 'false' }) });
    if (node.tagName === 'button') return sameProperties(node, { type: 'submit' });
    if (node.tagName === 'select') return /^search-(source|year|language|sort)$/.test(String(node.properties.id)) && Object.keys(node.properties).length === 1;
    return node.tagName !== 'script' && forbiddenElements.has(node.tagName) === false;
  };
  const remove = (parent: Root | Element, test: (node: Element) => boolean) => {
    parent.children = parent.children.filter((child) => child.type !== 'element' || !test(child));
  };
  const header = select('header.site-header', tree);
  if (header) remove(header, (node) => isOwnForm(node, 'site-search') && everyDescendant(node, ownControl));
  const search = select('main > div#search', tree);
  if (search) {
    remove(search, (node) => isOwnForm(node, 'search-form') && everyDescendant(node, ownControl));
    remove(search, (node) => node.tagName === 'noscript' && Object.keys(node.properties).length === 0);
    // The search page's own two buttons, exactly as the template writes them (hidden until the script shows them).
    const ownButton = (node: Element, name: string) => node.tagName === 'button' && sameProperties(node, { id: name, className: [name], type: 'button', hidden: true });
    for (const paragraph of selectAll('p', search)) remove(paragraph, (node) => ownButton(node, 'search-more') || (ownButton(node, 'search-older') && node.children.length === 0));
    const main = select('main', tree)!;
    remove(main, (node) => node.tagName === 'script' && sameProperties(node, { type: 'module', src: `${prefix}search/search.js` }) && node.children.length === 0);
  }
  return tree;
}

function sameProperties(node: Element, expected: Record<string, unknown>): boolean {
  return JSON.stringify(Object.entries(node.properties).sort()) === JSON.stringify(Object.entries(expected).sort());
}

function everyDescendant(node: Element, test: (node: Element) => boolean): boolean {
  return node.children.every((child) => child.type !== 'element' || (test(child) && everyDescendant(child, test)));
}
