import { join, relative } from 'node:path';
import { HtmlBasePlugin, type EleventyConfig } from '@11ty/eleventy';
import { jsonFeed } from '../site/feed-view.ts';
import type { SiteModel } from '../site/site-model.ts';
import type { PagedModel } from './render-plan.ts';
import { fillCount } from '../site/ui-strings.ts';
import { nunjucksCompileCache } from './nunjucks-compile-cache.ts';
import { articleBodyAfterTransforms } from './article-body-after-transforms.ts';

export interface EleventySiteOptions {
  model: SiteModel;
  /** The paginated pages to render this time (all of them on a full build). */
  pages: PagedModel;
  templatesDir: string;
  /** Called as each output file is written. */
  onWritten?: () => void;
  /**
   * Rendering in several runs, the later ones leave out the single-page templates (paths relative to
   * the templates folder) and the assets, which the first run wrote.
   */
  leaveOut?: string[];
}

/** The search page's template, left out of a site without search. */
export const searchPageTemplate = 'search.njk';

/**
 * The archive reaches Eleventy as one global data object, never as templates: nothing from an article file
 * enters the data cascade, and its text is only ever output through autoescaping variables.
 */
export function configureEleventy(eleventyConfig: EleventyConfig, { model, pages, templatesDir, onWritten, leaveOut }: EleventySiteOptions): void {
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.setTemplateFormats(['njk']);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });
  // Passthrough and ignored paths are read relative to the working directory.
  if (leaveOut) for (const template of leaveOut) eleventyConfig.ignores.add(relative(process.cwd(), join(templatesDir, template)));
  else eleventyConfig.addPassthroughCopy({ [relative(process.cwd(), `${templatesDir}/assets`) || '.']: 'assets' });
  if (!model.meta.search) eleventyConfig.ignores.add(relative(process.cwd(), join(templatesDir, searchPageTemplate)));
  eleventyConfig.addPlugin(nunjucksCompileCache);
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(articleBodyAfterTransforms);
  eleventyConfig.addGlobalData('digest', model);
  eleventyConfig.addGlobalData('pages', pages);
  // Nothing iterates Eleventy's collections; keeping thousands of pages out of them saves memory.
  eleventyConfig.addGlobalData('eleventyExcludeFromCollections', true);
  eleventyConfig.addFilter('count', (text: string, n: number) => fillCount(text, n));
  eleventyConfig.addFilter('jsonFeed', jsonFeed);
  if (onWritten) {
    eleventyConfig.addTransform('digest-progress', (content: string) => {
      onWritten();
      return content;
    });
  }
}
