import type { Root } from 'hast';
import type { VFile } from 'vfile';
import '../clean-data.ts';
import { hasMedia } from '../hast-content.ts';
import { plainText } from '../plain-text.ts';

export type CollectBodyFactsOptions = Record<string, never>;

const emptyOptions: Readonly<CollectBodyFactsOptions> = Object.freeze({});

/**
 * Records what the caller needs to know about the cleaned body without parsing it again:
 * its plain text (language, reading time) and whether it shows any media.
 */
export function rehypeCollectBodyFacts(_options: Readonly<CollectBodyFactsOptions> = emptyOptions) {
  return (tree: Root, file: VFile): void => {
    file.data.plainText = plainText(tree);
    file.data.hasMedia = hasMedia(tree);
  };
}
