import type { Nodes, Parents } from 'hast';

/** Elements that start a new line of text: hast-util-to-text's block and caption names, table rows, and tables. */
const lineNames: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'dialog', 'dir', 'dl', 'dt', 'div',
  'figure', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'table', 'tr', 'ul', 'xmp',
]);

/** Elements a browser does not render, whose text a reader never sees. */
const hiddenNames: ReadonlySet<string> = new Set(['datalist', 'head', 'noembed', 'noframes', 'noscript', 'rp', 'script', 'style', 'template', 'title']);

/**
 * The text a reader sees, for counting and language detection: the text nodes in order, a line break
 * around every block and at every `<br>`, a space after every table cell, runs of spaces collapsed, trimmed.
 *
 * `hast-util-to-text` follows `innerText` to the letter (blank lines after paragraphs, `white-space: pre`)
 * and costs more than twice as much; on every corpus file both give the same language, reading time and
 * summary verdict (tested). For shown text, such as the summary, use `hast-util-to-text`.
 */
export function plainText(tree: Nodes): string {
  const parts: string[] = [];
  if (tree.type === 'text') parts.push(tree.value);
  else if ('children' in tree) collect(tree, parts);
  // Line breaks from the markup are written as NUL (which HTML text cannot hold), so the source's own
  // newlines collapse with the other spaces.
  return parts.join('').replace(/[ \t\n\r\f]+/g, ' ').replace(/ ?\0[\0 ]*/g, '\n').trim();
}

const lineBreak = '\0';

function collect(node: Parents, parts: string[]): void {
  for (const child of node.children) {
    if (child.type === 'text') parts.push(child.value);
    else if (child.type !== 'element' || hiddenNames.has(child.tagName)) continue;
    else if (child.tagName === 'br') parts.push(lineBreak);
    else if (child.tagName === 'td' || child.tagName === 'th') {
      collect(child, parts);
      parts.push(' ');
    } else if (lineNames.has(child.tagName)) {
      parts.push(lineBreak);
      collect(child, parts);
      parts.push(lineBreak);
    } else collect(child, parts);
  }
}
