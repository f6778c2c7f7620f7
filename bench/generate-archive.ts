import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CorpusTemplate } from './corpus-templates.ts';
import { createPrng } from './prng.ts';

/** One replica: a real body under a new title, URL and time. */
export interface PlannedArticle {
  /** 1-based, unique within the archive. */
  serial: number;
  /** Index into the templates the plan was made from. */
  template: number;
  title: string;
  url: string;
  /** Epoch milliseconds. */
  publishedAt: number;
  /** Where it is written, relative to the content folder. */
  file: string;
}

export interface PlanOptions {
  size: number;
  seed: number;
  /** Midnight (epoch ms) of the first day, in the site's time zone. */
  firstDay: number;
  /** Articles per day, both ends included: 10–40 by default, as archiving bots collect. */
  perDay?: [number, number];
}

const dayMs = 86_400_000;
// Times stay between 00:30 and 23:30 so an hour of daylight saving never moves one to another day.
const earliestInDay = 30 * 60_000;
const latestInDay = dayMs - 30 * 60_000;

/** Deterministic: the same templates, size and seed give the same articles, in order. */
export function planArchive(templates: readonly CorpusTemplate[], options: PlanOptions): PlannedArticle[] {
  if (templates.length === 0) throw new Error('no corpus templates to replicate');
  const random = createPrng(options.seed);
  const [fewest, most] = options.perDay ?? [10, 40];
  const plan: PlannedArticle[] = [];
  for (let day = 0; plan.length < options.size; day++) {
    const count = Math.min(random.int(fewest, most), options.size - plan.length);
    const times = Array.from({ length: count }, () => options.firstDay + day * dayMs + random.int(earliestInDay, latestInDay)).sort((a, b) => a - b);
    for (const publishedAt of times) {
      const template = random.int(0, templates.length - 1);
      plan.push(replica(plan.length + 1, template, templates[template] as CorpusTemplate, publishedAt, random.int(0, 0xffffff)));
    }
  }
  return plan;
}

function replica(serial: number, template: number, source: CorpusTemplate, publishedAt: number, salt: number): PlannedArticle {
  const date = new Date(publishedAt).toISOString();
  const [year, month, day] = [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)];
  const tag = `${serial}-${salt.toString(16).padStart(6, '0')}`;
  return {
    serial,
    template,
    title: `${source.title} · ${serial}`,
    url: `https://${source.host}/archive/${year}/${month}/${day}/${tag}.html`,
    publishedAt,
    file: `${year}/${month}/a${String(serial).padStart(6, '0')}.txt`,
  };
}

/** Titles in the header are HTML-escaped, as the archiving bots write them. */
function headerTitle(title: string): string {
  return title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\r\n]+/g, ' ');
}

/** The plain format: `<!--ms-->`, `[title](url)`, dashes, a blank line, the body as it was. */
export function rawArticleText(article: Pick<PlannedArticle, 'title' | 'url' | 'publishedAt'>, body: string): string {
  return `<!--${article.publishedAt}-->\n[${headerTitle(article.title)}](${article.url})\n------\n\n${body}\n`;
}

export async function writeRawArticle(contentDir: string, article: PlannedArticle, templates: readonly CorpusTemplate[]): Promise<string> {
  const path = join(contentDir, article.file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, rawArticleText(article, (templates[article.template] as CorpusTemplate).body));
  return path;
}

/** Writes every planned article; folders by month keep any one directory small. */
export async function writeArchive(contentDir: string, plan: readonly PlannedArticle[], templates: readonly CorpusTemplate[]): Promise<void> {
  const batch = 64;
  for (let start = 0; start < plan.length; start += batch) {
    await Promise.all(plan.slice(start, start + batch).map((article) => writeRawArticle(contentDir, article, templates)));
  }
}

/**
 * An article added after the archive was built (warm rebuild, serve): an ASCII title so its page is easy to
 * find, published a minute before `now` (the bench passes times just after the archive's newest article),
 * and a URL no archive article has.
 */
export function plannedDrop(templates: readonly CorpusTemplate[], seed: number, index: number, now: number): PlannedArticle {
  const random = createPrng(seed ^ (0x9e3779b9 * (index + 1)));
  const template = random.int(0, templates.length - 1);
  const source = templates[template] as CorpusTemplate;
  const salt = random.int(0, 0xffffff).toString(16).padStart(6, '0');
  return {
    serial: -(index + 1),
    template,
    title: `Bench drop ${index + 1} ${salt}`,
    url: `https://${source.host}/bench-drop/${index + 1}-${salt}.html`,
    publishedAt: now - 60_000,
    file: `drops/drop-${index + 1}-${salt}.txt`,
  };
}
