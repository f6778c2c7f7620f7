import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';
import type { Plugin, Processor } from 'unified';

/**
 * Parses an HTML fragment exactly as `rehype-parse` with `fragment: true` does, but leaves out source
 * positions: computing them is more than half of parsing. Only a warning's `line:column` needs them, and
 * few bodies warn, so those are cleaned again with `rehype-parse` (see `cleanBody`).
 */
export const rehypeParseUnpositioned: Plugin<[], string, Root> = function (this: Processor) {
  this.parser = (document: string): Root => fromParse5(parseFragment(document, { scriptingEnabled: false })) as Root;
};
