import { VFile } from 'vfile';
import type { CleanContext } from './clean-data.ts';
import { cleanProcessor, positionedCleanProcessor } from './processor.ts';

export type { CleanContext } from './clean-data.ts';

export interface CleanedBody {
  /** Clean, sanitized HTML of the body, lead image taken out. */
  html: string;
  /** Absolute http(s) URL of the lead image, when the body opened with one. */
  image?: string;
  /** What the lead image shows (its alt or caption), '' when nothing says; only with `image`. */
  imageAlt?: string;
  /** Plain-text lead, whitespace collapsed, at most about 300 characters. */
  summary: string;
  /** Plain text of the cleaned body, for language detection and reading time. */
  text: string;
  /** Text of the body's first paragraph of prose (past photo captions, credits and bylines), if it has one. */
  lead?: string;
  /** Whether the body shows media (or had a lead image): a body with neither text nor media is empty. */
  hasMedia: boolean;
  /** Tags the body listed, taken out of it (a post footer's "Post tags: …"). */
  tags: string[];
  /** What the cleaners reported, as `line:column: reason`. */
  warnings: string[];
}

/** Cleans one article body: raw feed HTML in, safe HTML plus lead image and summary out. */
export function cleanBody(bodyHtml: string, context: CleanContext): CleanedBody {
  let file = new VFile({ value: bodyHtml, data: { cleanContext: context } });
  cleanProcessor.processSync(file);
  if (file.messages.length > 0) {
    // Rare: the same cleaning again, now knowing where each node came from, so warnings can say where.
    file = new VFile({ value: bodyHtml, data: { cleanContext: context } });
    positionedCleanProcessor.processSync(file);
  }
  const { leadImage, leadImageAlt, summary, plainText, leadText, hasMedia, tags } = file.data;
  return {
    html: String(file.value),
    ...(leadImage === undefined ? {} : { image: leadImage, imageAlt: leadImageAlt ?? '' }),
    summary: summary ?? '',
    text: plainText ?? '',
    ...(leadText === undefined ? {} : { lead: leadText }),
    hasMedia: leadImage !== undefined || hasMedia === true,
    tags: tags ?? [],
    warnings: file.messages.map((message) => String(message)),
  };
}
