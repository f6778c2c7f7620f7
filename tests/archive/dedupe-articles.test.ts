import { expect, test } from 'vitest';
import { dedupeArticles } from '../../lib/archive/dedupe-articles.ts';
import type { Article } from '../../lib/schema/article.ts';

const article = (file: string, id: string, iso: string): Article => ({
  data: {
    id, title: file, url: 'https://example.org/a', source: 'example.org', host: 'example.org',
    publishedAt: new Date(iso), lang: 'en', titleLang: 'en', summary: '', summaryOpensBody: true, file, readingMinutes: 1, tags: [],
  },
  html: '<p>x</p>',
});

test('keeps the newer of two files with the same id and names the other', () => {
  const { kept, duplicates } = dedupeArticles([
    article('old.txt', 'aaaaaaaaaaaa', '2020-01-01T00:00:00Z'),
    article('new.txt', 'aaaaaaaaaaaa', '2020-02-01T00:00:00Z'),
    article('other.txt', 'bbbbbbbbbbbb', '2020-01-15T00:00:00Z'),
  ]);
  expect(kept.map((a) => a.data.file)).toEqual(['new.txt', 'other.txt']);
  expect(duplicates).toEqual([{ file: 'old.txt', of: 'new.txt' }]);
});

test('breaks a tie by file name, whatever the reading order', () => {
  const a = article('a.txt', 'cccccccccccc', '2020-01-01T00:00:00Z');
  const b = article('b.txt', 'cccccccccccc', '2020-01-01T00:00:00Z');
  expect(dedupeArticles([b, a]).duplicates).toEqual([{ file: 'b.txt', of: 'a.txt' }]);
  expect(dedupeArticles([a, b]).duplicates).toEqual([{ file: 'b.txt', of: 'a.txt' }]);
});
