import type { Root } from 'hast';
import type { VFile } from 'vfile';
import '../clean-data.ts';
import { hasMedia } from '../hast-content.ts';
import { leadParagraphText } from '../lead-paragraph.ts';
import { plainText } from '../plain-text.ts';

export type CollectBodyFactsOptions = Record<string, never>;

const emptyOptions: Readonly<CollectBodyFactsOptions> = Object.freeze({});

/**
 * Records what the caller needs to know about the cleaned body without parsing it again:
 * its plain text (language, reading time), the text of its first paragraph of prose (does the summary
 * repeat it?) and whether it shows any media.
 */
export function rehypeCollectBodyFacts(_options: Readonly<CollectBodyFactsOptions> = emptyOptions) {
  return (tree: Root, file: VFile): void => {
    file.data.plainText = plainText(tree);
    const lead = leadParagraphText(tree);
    if (lead !== undefined) file.data.leadText = lead;
    file.data.hasMedia = hasMedia(tree);
  };
}
