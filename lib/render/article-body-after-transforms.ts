import { randomBytes } from 'node:crypto';
import type { EleventyConfig } from '@11ty/eleventy';
import type { ArticleView } from '../site/article-view.ts';

/**
 * `{{ view | articleBody | safe }}` puts an article's body into its page after Eleventy's HTML transforms have run,
 * instead of during rendering. Under a path prefix (a GitHub Pages project site) HtmlBasePlugin parses every page
 * to prefix its links, and the body was most of what it parsed, for nothing: the cleaning pipeline has already made
 * every link in a body absolute. At 10,000 articles that doubled the time to render the site.
 *
 * The template outputs a marker; a transform added after Eleventy's own swaps it for the body. Markers carry a
 * token made anew for each run, so no text from an article (always escaped, and bodies keep no comments) can
 * name one.
 */
export function articleBodyAfterTransforms(eleventyConfig: EleventyConfig): void {
  const token = randomBytes(9).toString('base64url');
  const prefix = `<!--article-body:${token}:`;
  const marker = new RegExp(`${prefix}(\\d+)-->`, 'g');
  const waiting = new Map<string, ArticleView>();
  let next = 0;
  eleventyConfig.addFilter('articleBody', (view: ArticleView) => {
    const key = String(next++);
    waiting.set(key, view);
    return `${prefix}${key}-->`;
  });
  eleventyConfig.addTransform('digest-article-body', (content: string) =>
    // Listings and feeds have no marker: they pass through uncopied.
    typeof content !== 'string' || !content.includes(prefix)
      ? content
      : content.replace(marker, (found, key: string) => {
          const view = waiting.get(key);
          if (!view) return found;
          waiting.delete(key);
          return view.html;
        }),
  );
}
