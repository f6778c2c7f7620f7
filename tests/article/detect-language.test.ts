import { expect, test } from 'vitest';
import { detectLanguage } from '../../lib/article/detect-language.ts';

test('Chinese text gives zh', () => {
  expect(detectLanguage('中国国家主席习近平将在3月20-22日对俄罗斯进行国是访问。莫斯科说，普京将与习近平讨论深化战略合作。', 'en')).toBe('zh');
});

test('a Chinese title with Latin names still gives zh', () => {
  expect(detectLanguage('BBC盘点男性不愿意戴口罩的几大原因 COVID-19', 'en')).toBe('zh');
});

test('English and German text give their ISO 639-1 tags', () => {
  expect(detectLanguage('The central bank raised interest rates again on Thursday, saying inflation remained far too high for comfort.', 'zh')).toBe('en');
  expect(detectLanguage('Die Bundesregierung hat am Donnerstag neue Maßnahmen gegen die steigenden Energiepreise beschlossen.', 'zh')).toBe('de');
});

test('text too short to tell falls back', () => {
  expect(detectLanguage('OK', 'fr')).toBe('fr');
  expect(detectLanguage('', 'zh')).toBe('zh');
});
