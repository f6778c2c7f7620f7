import type { Article } from '../schema/article.ts';

/**
 * One article per id (the same source URL saved twice): the newer `publishedAt` wins,
 * then the first file by name, so the result never depends on the order files were read.
 * Returns the kept articles newest first.
 */
export function dedupeArticles<T extends Article>(articles: T[]): { kept: T[]; duplicates: { file: string; of: string }[] } {
  const ordered = [...articles].sort(newestFirst);
  const byId = new Map<string, T>();
  const duplicates: { file: string; of: string }[] = [];
  for (const article of ordered) {
    const winner = byId.get(article.data.id);
    if (winner) duplicates.push({ file: article.data.file, of: winner.data.file });
    else byId.set(article.data.id, article);
  }
  return { kept: [...byId.values()], duplicates };
}

export function newestFirst(a: Article, b: Article): number {
  return b.data.publishedAt.getTime() - a.data.publishedAt.getTime() || compareText(a.data.file, b.data.file);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
