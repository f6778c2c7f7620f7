import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3';
import { chineseScript } from './chinese-script.ts';
import { runTally } from './count-code-points.ts';

// franc names individual languages; where ISO 639-1 only knows their macrolanguage, use that.
const macrolanguageOf: Record<string, string> = { cmn: 'zh', arb: 'ar', pes: 'fa', zlm: 'ms', npi: 'ne', uzn: 'uz', ekk: 'et', lvs: 'lv', swh: 'sw', ydd: 'yi', azj: 'az', khk: 'mn', plt: 'mg', gaz: 'om', ory: 'or' };

/** Han letters, Han characters that are not letters (〇, radicals), runs of other letters (words): one scan. */
const hanLetter = String.raw`[\p{Script=Han}&&\p{L}]`;
const hanOther = String.raw`[\p{Script=Han}--\p{L}]`;
const otherLetter = String.raw`[\p{L}--\p{Script=Han}]`;
const tallyHanAndWords = runTally([hanLetter, hanOther, otherLetter].map((run) => ({ first: run, then: run })));

/**
 * BCP 47 tag of the text's language, or `fallback` where the text is too short or mixed to tell. Chinese is
 * `zh-Hans` or `zh-Hant` where its characters show the script, else `zh`.
 */
export function detectLanguage(text: string, fallback: string): string {
  const sample = text.slice(0, 4000);
  const { codePoints, matches } = tallyHanAndWords(sample);
  const han = codePoints[0]! + codePoints[1]!;
  // franc reads Han text well, but a short title with a few Latin names, or a Chinese article quoting code
  // or English captions, can fool it: count scripts first. A Han character weighs about as much as a Latin word.
  if (han > 0 && han / (han + matches[2]!) > 0.3) {
    const script = chineseScript(sample);
    return script ? `zh-${script}` : 'zh';
  }
  const code = franc(sample, { minLength: 20 });
  if (code === 'und') return fallback;
  return macrolanguageOf[code] ?? iso6393To1[code] ?? fallback;
}

/** Languages a title in Latin letters over a Chinese body is told apart in: franc guesses wildly on a few words among all it knows. */
const latinTitleLanguages = ['eng', 'fra', 'deu', 'spa'];

/**
 * The title's language, given the body's: Chinese by its characters (in the body's script where the title's
 * few characters do not show it); a title in Latin letters over a Latin-script body is in the body's language.
 */
export function detectTitleLanguage(title: string, bodyLang: string): string {
  const found = detectLanguage(title, bodyLang);
  if (found.startsWith('zh')) return found === 'zh' && bodyLang.startsWith('zh-') ? bodyLang : found;
  if (!bodyLang.startsWith('zh')) return bodyLang;
  const code = franc(title, { minLength: 10, only: latinTitleLanguages });
  return code === 'und' ? 'en' : (iso6393To1[code] ?? 'en');
}
