import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildArticle } from '../../../lib/article/build-article.ts';
import { rehypeHeadingsBelowTitle } from '../../../lib/clean/plugins/rehype-headings-below-title.ts';
import { siteConfigSchema } from '../../../lib/config/site-config-schema.ts';
import { feedxDir } from '../../corpus-dir.ts';
import { exampleContext, runPlugins } from '../run-plugins.ts';

const config = siteConfigSchema.parse({ title: 'Test', url: 'https://example.org' });
const built = (name: string) => {
  const result = buildArticle({ file: name, bytes: readFileSync(join(feedxDir, name)) }, config);
  return result.ok ? result.value : undefined;
};
const levels = (html: string) => [...html.matchAll(/<h([1-6])\b/g)].map((match) => Number(match[1]));
const headingTexts = (html: string) => [...html.matchAll(/<h[1-6][^>]*>([^]*?)<\/h[1-6]>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, '').trim());
const run = (html: string, title = 'The Title') => runPlugins(html, [rehypeHeadingsBelowTitle], { ...exampleContext, title }).html;

test('an <h1> opening the body that repeats the title goes (iYouPort, with its curly quotes folded)', () => {
  const article = built('fm-iyouport-03.txt')!;
  expect(article.data.title).toBe('这不是他们的战斗，而是我们的：哈萨克斯坦起义 - 不是抗议者，而是革命者');
  expect(headingTexts(article.html)).not.toContain('这不是”他们的”战斗，而是”我们的”：哈萨克斯坦起义 - 不是抗议者，而是革命者');
  expect(article.html).not.toMatch(/<h1/);
});

test('the title repeated after a standfirst goes too, with no empty wrapper left (National Geographic)', () => {
  const article = built('fm-neist-01.txt')!;
  expect(headingTexts(article.html)).not.toContain('赞比西河的艰苦生活');
  expect(article.html).not.toMatch(/<section>\s*<\/section>/);
});

test('a heading that is not the title stays, one level under the page title', () => {
  expect(run('<h1>Another story</h1><p>Text.</p>')).toBe('<h2>Another story</h2><p>Text.</p>');
  expect(run('<h1>The Title</h1><p>Text.</p><h3>Later</h3>')).toBe('<p>Text.</p><h2>Later</h2>');
});

test('a heading repeating the title after the prose has begun is kept: it is part of the article', () => {
  expect(run('<h2>Intro</h2><p>A paragraph long enough to be the article’s own prose.</p><h2>The Title</h2>')).toBe(
    '<h2>Intro</h2><p>A paragraph long enough to be the article’s own prose.</p><h2>The Title</h2>',
  );
});

test('levels start at h2 and never skip on the way down', () => {
  expect(levels(run('<h3>a</h3><h5>b</h5><h3>c</h3><h6>d</h6>'))).toEqual([2, 3, 2, 3]);
  expect(levels(run('<h1>a</h1><h1>b</h1><h2>c</h2><h5>d</h5>'))).toEqual([2, 2, 3, 4]);
});

test('on every corpus article, headings start at h2 and go down one level at a time', () => {
  const articles = readdirSync(feedxDir)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => built(name) ?? []);
  const withHeadings = articles.filter((article) => levels(article.html).length > 0);
  expect(withHeadings.length).toBeGreaterThan(50);
  for (const article of withHeadings) {
    let previous = 1;
    for (const level of levels(article.html)) {
      expect(level, article.data.file).toBeGreaterThanOrEqual(2);
      expect(level, article.data.file).toBeLessThanOrEqual(previous + 1);
      previous = level;
    }
  }
});

test('a heading holding only an image is unwrapped, its image kept (中国数字时代)', () => {
  expect(run('<h2><img src="https://example.com/a.jpg" alt=""></h2><h3>Next</h3>')).toBe('<img src="https://example.com/a.jpg" alt=""><h2>Next</h2>');
  const article = readdirSync(feedxDir)
    .filter((name) => name.startsWith('fm-cdt-'))
    .flatMap((name) => built(name) ?? [])
    .find((found) => found.html.includes('files/2020/07/1-2.jpeg'));
  expect(article).toBeDefined();
  expect(article!.html).not.toMatch(/<h[1-6]>\s*<img/);
  expect(article!.html).toContain('files/2020/07/1-2.jpeg');
});
