import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { sourceName } from '../lib/article/source-name.ts';
import { zonedDate, zonedIso } from '../lib/site/zoned-date.ts';
import type { CorpusTemplate } from './corpus-templates.ts';
import type { PlannedArticle } from './generate-archive.ts';
import { articlePageSlug } from './site-page-path.ts';
import type { TemplateBody } from './template-bodies.ts';

export interface HugoContentOptions {
  timeZone: string;
  /** Display names by host, as in `site.config.ts`. */
  sources: Record<string, string>;
}

/**
 * The archive as Hugo content, already parsed: `YYYY/MM/DD/<slug>.html` with front matter, so the year, month
 * and day folders are nested sections and every page has the same URL as ours. Not timed.
 */
export async function writeHugoContent(
  contentDir: string,
  plan: readonly PlannedArticle[],
  templates: readonly CorpusTemplate[],
  bodies: readonly (TemplateBody | undefined)[],
  options: HugoContentOptions,
): Promise<void> {
  const sections = new Map<string, string>();
  const files: { path: string; text: string }[] = [];
  for (const article of plan) {
    const body = bodies[article.template];
    const template = templates[article.template];
    if (body === undefined || template === undefined) continue;
    const zoned = zonedDate(new Date(article.publishedAt), options.timeZone);
    const { year, month, day } = zoned;
    sections.set(year, year);
    sections.set(`${year}/${month}`, `${year}-${month}`);
    sections.set(`${year}/${month}/${day}`, `${year}-${month}-${day}`);
    const source = sourceName(template.host, options.sources);
    const frontMatter = {
      title: article.title,
      date: zonedIso(zoned),
      sources: [source],
      sourcename: source,
      source_url: article.url,
      summary: body.summary,
    };
    files.push({ path: join(year, month, day, `${articlePageSlug(article)}.html`), text: `---\n${stringify(frontMatter)}---\n${body.html}\n` });
  }
  for (const [dir, title] of sections) {
    await mkdir(join(contentDir, dir), { recursive: true });
    files.push({ path: join(dir, '_index.md'), text: `---\n${stringify({ title })}---\n` });
  }
  const batch = 64;
  for (let start = 0; start < files.length; start += batch) {
    await Promise.all(files.slice(start, start + batch).map((file) => writeFile(join(contentDir, file.path), file.text)));
  }
}
