import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified, type Pluggable } from 'unified';
import { VFile } from 'vfile';
import type { CleanContext } from '../../lib/clean/clean-data.ts';

export const exampleContext: CleanContext = { url: 'https://news.example.com/world/2020/story.html', publishedAt: new Date('2020-07-19T10:00:00Z') };

/** Runs `plugins` alone on an HTML fragment: the HTML they leave and the file they reported on. */
export function runPlugins(html: string, plugins: Pluggable[], context: CleanContext = exampleContext): { html: string; file: VFile } {
  const file = new VFile({ value: html, data: { cleanContext: context } });
  unified().use(rehypeParse, { fragment: true }).use(plugins).use(rehypeStringify).processSync(file);
  return { html: String(file.value), file };
}

export const reasons = (file: VFile): string[] => file.messages.map((message) => message.reason);
