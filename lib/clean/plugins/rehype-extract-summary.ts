import type { Element, Root } from 'hast';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';
import '../clean-data.ts';
import { proseText } from '../prose-text.ts';
import { truncateText } from '../truncate-text.ts';
import { leadMinLength, leadParagraphText } from '../lead-paragraph.ts';
import { CONTINUE, EXIT, visit } from '../visit-tree.ts';

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

/**
 * Puts the article's lead in `file.data.summary` as plain text: the marked-up lead paragraph,
 * else the first paragraph with real text, else the start of the body. The lead stays in the body.
 */
export function rehypeExtractSummary(options: Readonly<ExtractSummaryOptions> = emptyOptions) {
  const maxLength = options.maxLength ?? 300;
  const minLength = options.minLength ?? leadMinLength;
  const leadSelectors = options.leadSelectors ?? defaultLeadSelectors;
  const leadClasses = classesRequiredBy(leadSelectors);

  return (tree: Root, file: VFile): void => {
    const plain = (node: Root | Element) => proseText(toText(node));
    // Matching the selectors costs a tenth of the whole pipeline; most bodies have none of their classes at all.
    const marked = leadClasses && !hasAnyClass(tree, leadClasses) ? undefined : select(leadSelectors, tree);
    const markedText = marked ? plain(marked) : '';
    let summary = markedText !== '' ? markedText : leadParagraphText(tree, minLength);
    summary ??= plain(tree);
    file.data.summary = truncateText(summary, maxLength);
  };
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
