import type { Element, Root } from 'hast';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';
import '../clean-data.ts';
import { isBlank } from '../hast-content.ts';
import { proseText } from '../prose-text.ts';
import { truncateText } from '../truncate-text.ts';
import { CONTINUE, EXIT, SKIP, visit } from '../visit-tree.ts';

export interface ExtractSummaryOptions {
  /** Longest summary, in UTF-16 units, ellipsis included. */
  maxLength?: number;
  /** Shortest paragraph that counts as real text (shorter ones are bylines, labels, numbers). */
  minLength?: number;
  /** Selectors of a marked-up lead, tried before the first paragraph. Needs classes: run before they are stripped. */
  leadSelectors?: string;
}

const emptyOptions: Readonly<ExtractSummaryOptions> = Object.freeze({});
const defaultLeadSelectors = 'p.story-body__introduction, .story-lead, p.lead, p.standfirst, p.intro';

/** Paragraphs inside these belong to something quoted or shown, not to the article's opening. */
const notTheArticle: ReadonlySet<string> = new Set(['blockquote', 'figure', 'figcaption', 'table', 'li', 'aside', 'nav', 'header', 'footer']);

/**
 * Puts the article's lead in `file.data.summary` as plain text: the marked-up lead paragraph,
 * else the first paragraph with real text, else the start of the body. The lead stays in the body.
 */
export function rehypeExtractSummary(options: Readonly<ExtractSummaryOptions> = emptyOptions) {
  const maxLength = options.maxLength ?? 300;
  const minLength = options.minLength ?? 25;
  const leadSelectors = options.leadSelectors ?? defaultLeadSelectors;
  const leadClasses = classesRequiredBy(leadSelectors);

  return (tree: Root, file: VFile): void => {
    const plain = (node: Root | Element) => proseText(toText(node));
    const isLongEnough = (text: string) => text.length >= minLength;
    // A label ("…如下："), an aside in brackets ("（欢迎订阅…）") or a copyright line is not the article's opening.
    const isReal = (text: string) =>
      isLongEnough(text) && !/[:：]$/u.test(text) && !/^[(（][^]*[)）]$/u.test(text) && !/^(©|copyright\b)/iu.test(text);

    // Matching the selectors costs a tenth of the whole pipeline; most bodies have none of their classes at all.
    const marked = leadClasses && !hasAnyClass(tree, leadClasses) ? undefined : select(leadSelectors, tree);
    const markedText = marked ? plain(marked) : '';
    let summary = markedText !== '' ? markedText : undefined;
    if (summary === undefined) {
      // The first paragraph with real text, else the first long enough. One walk that stops at the
      // first real one: selecting and reading every paragraph was most of this pass's cost.
      let longEnough: string | undefined;
      visit(tree, 'element', (node) => {
        if (notTheArticle.has(node.tagName)) return SKIP;
        if (node.tagName !== 'p') return CONTINUE;
        // A paragraph that is one link (an embed's, a "related" story's) is not the article's opening.
        if (isOnlyALink(node)) return SKIP;
        const text = plain(node);
        if (isReal(text)) {
          summary = text;
          return EXIT;
        }
        if (longEnough === undefined && isLongEnough(text)) longEnough = text;
        return CONTINUE;
      });
      summary ??= longEnough;
    }
    summary ??= plain(tree);
    file.data.summary = truncateText(summary, maxLength);
  };
}

function isOnlyALink(node: Element): boolean {
  const content = node.children.filter((child) => !(child.type === 'text' && isBlank(child.value)) && child.type !== 'comment');
  return content.length === 1 && content[0]!.type === 'element' && content[0]!.tagName === 'a';
}

/**
 * The classes of a selector list made only of simple compounds (`p.lead, .story-lead`): no element without
 * one of them can match it. Undefined for any other selector (combinators, attributes, pseudo-classes).
 */
function classesRequiredBy(selectors: string): ReadonlySet<string> | undefined {
  const classes = new Set<string>();
  for (const selector of selectors.split(',')) {
    const compound = /^\s*([a-z][a-z0-9-]*)?((?:\.[_a-z][\w-]*)+)\s*$/i.exec(selector);
    if (!compound) return undefined;
    for (const name of compound[2]!.slice(1).split('.')) classes.add(name);
  }
  return classes;
}

function hasAnyClass(tree: Root, classes: ReadonlySet<string>): boolean {
  let found = false;
  visit(tree, 'element', (node) => {
    const { className } = node.properties;
    if (!Array.isArray(className) || !className.some((name) => classes.has(String(name)))) return CONTINUE;
    found = true;
    return EXIT;
  });
  return found;
}
