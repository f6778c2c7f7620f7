import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';
import '../clean-data.ts';
import { hasMedia } from '../hast-content.ts';

export type CollectBodyFactsOptions = Record<string, never>;

const emptyOptions: Readonly<CollectBodyFactsOptions> = Object.freeze({});

/**
 * Records what the caller needs to know about the cleaned body without parsing it again:
 * its plain text (language, reading time) and whether it shows any media.
 */
export function rehypeCollectBodyFacts(_options: Readonly<CollectBodyFactsOptions> = emptyOptions) {
  return (tree: Root, file: VFile): void => {
    file.data.plainText = toText(tree).trim();
    file.data.hasMedia = hasMedia(tree);
  };
}
