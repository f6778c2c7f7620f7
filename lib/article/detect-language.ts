import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3';
import { countCodePoints } from './count-code-points.ts';

// franc names individual languages; where ISO 639-1 only knows their macrolanguage, use that.
const macrolanguageOf: Record<string, string> = { cmn: 'zh', arb: 'ar', pes: 'fa', zlm: 'ms', npi: 'ne', uzn: 'uz', ekk: 'et', lvs: 'lv', swh: 'sw', ydd: 'yi', azj: 'az', khk: 'mn', plt: 'mg', gaz: 'om', ory: 'or' };

const han = /\p{Script=Han}+/gu;
const letters = /\p{L}+/gu;

/** BCP 47 tag of the text's language, or `fallback` where the text is too short or mixed to tell. */
export function detectLanguage(text: string, fallback: string): string {
  const sample = text.slice(0, 4000);
  const letterCount = countCodePoints(sample, letters);
  // franc reads Han text well, but a short title with a few Latin names can fool it: count scripts first.
  if (letterCount > 0 && countCodePoints(sample, han) / letterCount > 0.3) return 'zh';
  const code = franc(sample, { minLength: 20 });
  if (code === 'und') return fallback;
  return macrolanguageOf[code] ?? iso6393To1[code] ?? fallback;
}
