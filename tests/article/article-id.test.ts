import { describe, expect, test } from 'vitest';
import { articleId, normalizeArticleUrl } from '../../lib/article/article-id.ts';

describe('articleId', () => {
  test('is 12 hex digits and the same for the same URL', () => {
    const id = articleId('https://www.rfi.fr/cn/a-1');
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(articleId('https://www.rfi.fr/cn/a-1')).toBe(id);
  });

  test('ignores scheme, www, trailing slash, fragment and tracking parameters', () => {
    const id = articleId('https://www.bbc.com/zhongwen/simp/world-53465846');
    expect(articleId('http://bbc.com/zhongwen/simp/world-53465846/')).toBe(id);
    expect(articleId('https://www.bbc.com/zhongwen/simp/world-53465846?utm_source=rss#top')).toBe(id);
    expect(articleId('https://www.bbc.com//zhongwen/simp/world-53465846')).toBe(id);
  });

  test('keeps parameters that name the article', () => {
    expect(articleId('https://example.org/read?id=1')).not.toBe(articleId('https://example.org/read?id=2'));
    expect(normalizeArticleUrl('https://example.org/read?id=1&utm_medium=x')).toBe('https://example.org/read?id=1');
  });
});
