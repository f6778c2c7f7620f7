import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { cleanBody } from '../../lib/clean/clean-body.ts';
import { rehypeEmbedsToLinks } from '../../lib/clean/plugins/rehype-embeds-to-links.ts';
import { rehypeImageLabelsToCaptions } from '../../lib/clean/plugins/rehype-image-labels-to-captions.ts';
import { rehypeRemoveDateline } from '../../lib/clean/plugins/rehype-remove-dateline.ts';
import { rehypeRemoveFeedFooter } from '../../lib/clean/plugins/rehype-remove-feed-footer.ts';
import { rehypeRemovePostFooter } from '../../lib/clean/plugins/rehype-remove-post-footer.ts';
import { rehypeRemoveEmbedSkipLinks } from '../../lib/clean/plugins/rehype-remove-embed-skip-links.ts';
import { rehypeRemoveShareBars } from '../../lib/clean/plugins/rehype-remove-share-bars.ts';
import { rehypeUnwrapNoscript } from '../../lib/clean/plugins/rehype-unwrap-noscript.ts';
import { rehypeResolveUrls } from '../../lib/clean/plugins/rehype-resolve-urls.ts';
import { corpusFiles, feedxDir, readCorpusArticle, seedDir } from './corpus.ts';

/** The body with only the boilerplate taken out (footers, promos, share bars, embeds' skip links, dateline, embed scripts, image labels): what cleaning must keep. */
const boilerplateFree = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeRemoveFeedFooter)
  .use(rehypeRemovePostFooter)
  .use(rehypeUnwrapNoscript)
  .use(rehypeResolveUrls)
  .use(rehypeRemoveShareBars)
  .use(rehypeRemoveEmbedSkipLinks)
  .use(rehypeEmbedsToLinks)
  .use(rehypeRemoveDateline)
  .use(rehypeImageLabelsToCaptions)
  .freeze();

const visibleCharacters = (text: string) => Array.from(text.replace(/[\s\u200b-\u200d\u2060\ufeff]/gu, '')).length;

describe('cleaning keeps the article text', () => {
  const files = [...corpusFiles(feedxDir), ...corpusFiles(seedDir)];

  test('every corpus file keeps at least 98% of its text, boilerplate aside', () => {
    const shortfalls: string[] = [];
    let before = 0;
    let after = 0;
    for (const file of files) {
      const article = readCorpusArticle(file);
      const context = { url: article.url, publishedAt: article.publishedAt };
      const vfile = new VFile({ value: article.body, data: { cleanContext: context } });
      const expected = visibleCharacters(toText(boilerplateFree.runSync(boilerplateFree.parse(vfile), vfile) as Root));
      const kept = visibleCharacters(cleanBody(article.body, context).text);
      before += expected;
      after += kept;
      if (kept < expected * 0.98) shortfalls.push(`${file}: kept ${kept} of ${expected}`);
    }
    expect(files.length).toBeGreaterThanOrEqual(376);
    expect(shortfalls).toEqual([]);
    expect(after / before).toBeGreaterThan(0.99);
  });
});
