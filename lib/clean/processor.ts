import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'hast';
import { unified, type Processor } from 'unified';
import { rehypeParseUnpositioned } from './plugins/rehype-parse-unpositioned.ts';
import { rehypeCollectBodyFacts } from './plugins/rehype-collect-body-facts.ts';
import { rehypeEmbedsToLinks } from './plugins/rehype-embeds-to-links.ts';
import { rehypeExtractLeadImage } from './plugins/rehype-extract-lead-image.ts';
import { rehypeExtractSummary } from './plugins/rehype-extract-summary.ts';
import { rehypeFeedCaptionsToFigures } from './plugins/rehype-feed-captions-to-figures.ts';
import { rehypeFilterSrcset } from './plugins/rehype-filter-srcset.ts';
import { rehypeImageAlt } from './plugins/rehype-image-alt.ts';
import { rehypeHeadingsBelowTitle } from './plugins/rehype-headings-below-title.ts';
import { rehypeImageLabelsToCaptions } from './plugins/rehype-image-labels-to-captions.ts';
import { rehypeInPageLinks } from './plugins/rehype-in-page-links.ts';
import { rehypeLazyImages } from './plugins/rehype-lazy-images.ts';
import { rehypeOutboundLinks } from './plugins/rehype-outbound-links.ts';
import { rehypeReaderImageAttributes } from './plugins/rehype-reader-image-attributes.ts';
import { rehypeRemoveDateline } from './plugins/rehype-remove-dateline.ts';
import { rehypeRemoveEmptyElements } from './plugins/rehype-remove-empty-elements.ts';
import { rehypeRemoveFeedFooter } from './plugins/rehype-remove-feed-footer.ts';
import { rehypeRemovePostFooter } from './plugins/rehype-remove-post-footer.ts';
import { rehypeRemoveEmbedSkipLinks } from './plugins/rehype-remove-embed-skip-links.ts';
import { rehypeRemoveShareBars } from './plugins/rehype-remove-share-bars.ts';
import { rehypeRemoveTrackingPixels } from './plugins/rehype-remove-tracking-pixels.ts';
import { rehypeResolveUrls } from './plugins/rehype-resolve-urls.ts';
import { rehypeStripLayoutAttributes } from './plugins/rehype-strip-layout-attributes.ts';
import { rehypeTrimTrailingBreaks } from './plugins/rehype-trim-trailing-breaks.ts';
import { rehypeUnwrapNoscript } from './plugins/rehype-unwrap-noscript.ts';
import { rehypeUnwrapSoup } from './plugins/rehype-unwrap-soup.ts';
import { rehypeWordpressCaptionsToFigures } from './plugins/rehype-wordpress-captions-to-figures.ts';
import { rehypeWrapOrphanListItems } from './plugins/rehype-wrap-orphan-list-items.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

/**
 * Raw article body → clean, safe HTML. Reads `file.data.cleanContext`; writes
 * `file.data.leadImage`, `summary`, `plainText`, `hasMedia` and `tags`. Order matters:
 * URLs are made absolute before anything judges them, the summary is read while the lead
 * still has its class, and nothing after the sanitizer adds markup it would have refused.
 *
 * Parses without source positions; `positionedCleanProcessor` is the same pipeline with them, for
 * warnings that say where.
 */
export const cleanProcessor = cleaning(unified().use(rehypeParseUnpositioned));
export const positionedCleanProcessor = cleaning(unified().use(rehypeParse, { fragment: true }));

function cleaning(parser: Processor<Root>) {
  return (
    parser
      // Cleaning: take out what is not the article, make what is left self-contained.
      .use(rehypeRemoveFeedFooter)
      .use(rehypeRemovePostFooter)
      .use(rehypeUnwrapNoscript)
      .use(rehypeLazyImages)
      .use(rehypeResolveUrls)
      .use(rehypeRemoveShareBars)
      .use(rehypeRemoveEmbedSkipLinks)
      .use(rehypeEmbedsToLinks)
      .use(rehypeRemoveDateline)
      .use(rehypeFilterSrcset)
      .use(rehypeRemoveTrackingPixels)
      .use(rehypeFeedCaptionsToFigures)
      .use(rehypeWordpressCaptionsToFigures)
      .use(rehypeImageLabelsToCaptions)
      .use(rehypeExtractSummary)
      .use(rehypeStripLayoutAttributes)
      .use(rehypeWrapOrphanListItems)
      .use(rehypeSanitize, sanitizeSchema)
      // After the sanitizer: a span is bare only once it has dropped the attributes it does not allow (RDFa's `datatype`, `resource`…).
      .use(rehypeUnwrapSoup)
      .use(rehypeInPageLinks, { prefix: sanitizeSchema.clobberPrefix ?? 'user-content-' })
      // Enhancing: only removals and attributes the sanitizer would have stripped.
      .use(rehypeExtractLeadImage)
      .use(rehypeHeadingsBelowTitle)
      .use(rehypeRemoveEmptyElements)
      .use(rehypeTrimTrailingBreaks)
      .use(rehypeImageAlt)
      .use(rehypeReaderImageAttributes)
      .use(rehypeOutboundLinks)
      .use(rehypeCollectBodyFacts)
      .use(rehypeStringify)
      .freeze()
  );
}
