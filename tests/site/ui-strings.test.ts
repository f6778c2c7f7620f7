import { expect, test } from 'vitest';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { siteIdentity, uiStrings } from '../../lib/site/ui-strings.ts';

test('without a title or description in site.config.ts, the site is named in its interface language', () => {
  expect(siteIdentity(siteConfigSchema.parse({ url: 'https://example.org', language: 'zh' }))).toEqual({ title: '新闻摘要', description: '保存下来的新闻文章，按日归档。' });
  expect(siteIdentity(siteConfigSchema.parse({ url: 'https://example.org', language: 'en' }))).toEqual({ title: 'News Digest', description: 'A daily archive of saved news articles.' });
});

test('a configured title and an empty description are kept', () => {
  expect(siteIdentity(siteConfigSchema.parse({ url: 'https://example.org', language: 'zh', title: '我的档案', description: '' }))).toEqual({ title: '我的档案', description: '' });
});

test('the interface strings say which script they are written in', () => {
  expect(uiStrings('zh').lang).toBe('zh-Hans');
  expect(uiStrings('zh').readOriginal).toBe('原文 ↗');
  expect(uiStrings('en-GB').lang).toBe('en');
});
