import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildArticle } from '../../lib/article/build-article.ts';
import { titleWithoutSiteName } from '../../lib/article/title-without-site-name.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { feedxDir } from '../corpus-dir.ts';

const config = siteConfigSchema.parse({ title: 'Test', url: 'https://example.org', sources: { 'rfi.fr': 'RFI' } });
const corpusData = (name: string) => {
  const result = buildArticle({ file: name, bytes: readFileSync(join(feedxDir, name)) }, config);
  if (!result.ok) throw new Error(result.reason);
  return result.value.data;
};

test('RFI titles lose "– 法国国际广播电台 - RFI", and the source is still RFI', () => {
  const data = corpusData('rfi-01.txt');
  expect(data.title).toBe('塞尔维亚总统50岁重返校园盼当上篮球教练');
  expect(data.source).toBe('RFI');
});

test('iYouPort titles lose "- iYouPort", keeping their own dashes', () => {
  expect(corpusData('fm-iyouport-03.txt').title).toBe('这不是他们的战斗，而是我们的：哈萨克斯坦起义 - 不是抗议者，而是革命者');
  expect(corpusData('fm-iyouport-02.txt').title).toBe('如何利用图片绕过防火墙窃取数据？');
});

test('a column name or a quoted source after a dash is part of the title', () => {
  expect(corpusData('rfi-03.txt').title).toBe('禁中共党员入境草案引爆互联网 - 微言微语');
  expect(corpusData('cdt-22.txt').title).toBe('端传媒 | 逃离微信');
});

test('a title that is only the site name is kept', () => {
  expect(titleWithoutSiteName('RFI', 'www.rfi.fr', 'RFI')).toBe('RFI');
  expect(titleWithoutSiteName('Home | BBC News 中文', 'www.bbc.com', 'BBC')).toBe('Home');
});
