import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { isBlank } from './hast-content.ts';
import { proseText } from './prose-text.ts';
import { CONTINUE, EXIT, SKIP, visit } from './visit-tree.ts';

/** Paragraphs inside these belong to something quoted or shown (a photo's caption), not to the article's opening. */
const notTheArticle: ReadonlySet<string> = new Set(['blockquote', 'figure', 'figcaption', 'table', 'li', 'aside', 'nav', 'header', 'footer']);

/** Shortest paragraph that counts as real text (shorter ones are bylines, labels, credits, numbers). */
export const leadMinLength = 25;

/** A label ("…如下："), an aside in brackets ("（欢迎订阅…）") or a copyright line is not the article's opening. */
function isReal(text: string, minLength: number): boolean {
  return text.length >= minLength && !/[:：]$/u.test(text) && !/^[(（][^]*[)）]$/u.test(text) && !/^(©|copyright\b)/iu.test(text);
}

/**
 * Plain text of the paragraph a reader meets first as the article's own prose: the first `<p>` with real
 * text outside captions, quotes and lists, else the first one long enough. One walk that stops at the first real one.
 */
export function leadParagraphText(tree: Root, minLength = leadMinLength): string | undefined {
  let found: string | undefined;
  let longEnough: string | undefined;
  visit(tree, 'element', (node: Element) => {
    if (notTheArticle.has(node.tagName)) return SKIP;
    if (node.tagName !== 'p') return CONTINUE;
    // A paragraph that is one link (an embed's, a "related" story's) is not the article's opening.
    if (isOnlyALink(node)) return SKIP;
    // As summaries read: raw URLs and rule lines left out.
    const text = proseText(toText(node));
    if (isReal(text, minLength)) {
      found = text;
      return EXIT;
    }
    if (longEnough === undefined && text.length >= minLength) longEnough = text;
    return CONTINUE;
  });
  return found ?? longEnough;
}

function isOnlyALink(node: Element): boolean {
  const content = node.children.filter((child) => !(child.type === 'text' && isBlank(child.value)) && child.type !== 'comment');
  return content.length === 1 && content[0]!.type === 'element' && content[0]!.tagName === 'a';
}
