import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildArticle } from '../../lib/article/build-article.ts';
import { chineseScript } from '../../lib/article/chinese-script.ts';
import { detectLanguage, detectTitleLanguage } from '../../lib/article/detect-language.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { feedxDir } from '../corpus-dir.ts';

test('Chinese text gives zh with its script', () => {
  expect(detectLanguage('中国国家主席习近平将在3月20-22日对俄罗斯进行国是访问。莫斯科说，普京将与习近平讨论深化战略合作。', 'en')).toBe('zh-Hans');
  expect(detectLanguage('中國國家主席習近平將在3月20-22日對俄羅斯進行國是訪問。莫斯科說，普京將與習近平討論深化戰略合作。', 'en')).toBe('zh-Hant');
});

test('Chinese whose characters do not show the script, or mix both, is plain zh', () => {
  expect(detectLanguage('中文', 'en')).toBe('zh');
  expect(chineseScript('这个国家 這個國家')).toBeUndefined();
});

test('a Chinese title with Latin names still gives zh', () => {
  expect(detectLanguage('BBC盘点男性不愿意戴口罩的几大原因 COVID-19', 'en')).toBe('zh-Hans');
});

test('English and German text give their ISO 639-1 tags', () => {
  expect(detectLanguage('The central bank raised interest rates again on Thursday, saying inflation remained far too high for comfort.', 'zh')).toBe('en');
  expect(detectLanguage('Die Bundesregierung hat am Donnerstag neue Maßnahmen gegen die steigenden Energiepreise beschlossen.', 'zh')).toBe('de');
});

test('text too short to tell falls back', () => {
  expect(detectLanguage('OK', 'fr')).toBe('fr');
  expect(detectLanguage('', 'zh')).toBe('zh');
});

test('a title too short to show its script takes the Chinese body’s; a Latin title over a Latin body takes the body’s language', () => {
  expect(detectTitleLanguage('发威马齐', 'zh-Hans')).toBe('zh-Hans');
  expect(detectTitleLanguage('Google’s search for mid-life meaning', 'en')).toBe('en');
});

describe('on the corpus', () => {
  const config = siteConfigSchema.parse({ url: 'https://example.org' });
  const data = (name: string) => {
    const result = buildArticle({ file: name, bytes: readFileSync(join(feedxDir, name)) }, config);
    if (!result.ok) throw new Error(result.reason);
    return result.value.data;
  };

  test('simplified and traditional articles are told apart', () => {
    expect(data('bbc-01.txt')).toMatchObject({ lang: 'zh-Hans', titleLang: 'zh-Hans' });
    expect(data('fm-handong-01.txt')).toMatchObject({ lang: 'zh-Hant', titleLang: 'zh-Hant' });
    expect(data('fm-rti-02.txt')).toMatchObject({ lang: 'zh-Hant', titleLang: 'zh-Hant' });
  });

  test('an English title over a Chinese body is tagged apart from it', () => {
    expect(data('voa-24.txt')).toMatchObject({ lang: 'zh-Hans', titleLang: 'en' });
    expect(data('fm-medium-01.txt')).toMatchObject({ lang: 'zh-Hans', titleLang: 'en' });
  });

  test('Chinese articles quoting code or English captions, and one whose body is a bare link, are Chinese', () => {
    expect(data('fm-iyouport-02.txt').lang).toBe('zh-Hans');
    expect(data('fm-neist-01.txt').lang).toBe('zh-Hans');
    expect(data('fm-initium-02.txt').lang).toBe('zh-Hant');
  });

  test('no article with a Chinese title is tagged anything but Chinese, and English articles stay en', () => {
    const all = readdirSync(feedxDir)
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) => {
        const result = buildArticle({ file: name, bytes: readFileSync(join(feedxDir, name)) }, config);
        return result.ok ? [result.value.data] : [];
      });
    const chineseTitled = all.filter((article) => (article.title.match(/\p{Script=Han}/gu) ?? []).length >= 4);
    expect(chineseTitled.length).toBeGreaterThan(300);
    expect(chineseTitled.filter((article) => !article.titleLang.startsWith('zh')).map((article) => article.file)).toEqual([]);
    expect(chineseTitled.filter((article) => !article.lang.startsWith('zh')).map((article) => article.file)).toEqual([]);
    const english = all.filter((article) => /^fm-(chinafile|economist-en)-/.test(article.file));
    expect(english.length).toBeGreaterThan(5);
    expect(new Set(english.flatMap((article) => [article.lang, article.titleLang]))).toEqual(new Set(['en']));
  });
});
