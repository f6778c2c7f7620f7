import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3';
import { tally } from './count-code-points.ts';

// franc names individual languages; where ISO 639-1 only knows their macrolanguage, use that.
const macrolanguageOf: Record<string, string> = { cmn: 'zh', arb: 'ar', pes: 'fa', zlm: 'ms', npi: 'ne', uzn: 'uz', ekk: 'et', lvs: 'lv', swh: 'sw', ydd: 'yi', azj: 'az', khk: 'mn', plt: 'mg', gaz: 'om', ory: 'or' };

/** Han letters, Han characters that are not letters (〇, radicals), other letters: Han and letters in one scan. */
const hanAndLetters = new RegExp(String.raw`([\p{Script=Han}&&\p{L}]+)|([\p{Script=Han}--\p{L}]+)|([\p{L}--\p{Script=Han}]+)`, 'gv');

/** BCP 47 tag of the text's language, or `fallback` where the text is too short or mixed to tell. */
export function detectLanguage(text: string, fallback: string): string {
  const sample = text.slice(0, 4000);
  const [hanLetters, hanOther, otherLetters] = tally(sample, hanAndLetters, 3).codePoints as [number, number, number];
  const letterCount = hanLetters + otherLetters;
  // franc reads Han text well, but a short title with a few Latin names can fool it: count scripts first.
  if (letterCount > 0 && (hanLetters + hanOther) / letterCount > 0.3) return 'zh';
  const code = franc(sample, { minLength: 20 });
  if (code === 'und') return fallback;
  return macrolanguageOf[code] ?? iso6393To1[code] ?? fallback;
}
