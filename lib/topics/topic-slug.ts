import { createHash } from 'node:crypto';
import { slug as unicodeSlug } from 'github-slugger';

/**
 * A topic's URL segment: github-slugger's, which keeps letters of every script (`港版国安法`, `rti-中央廣播電臺`),
 * so a CJK name is its own readable, stable slug; a name of no letters or digits at all gets one from its hash.
 */
export function topicSlug(name: string): string {
  const slug = unicodeSlug(name.normalize('NFKC')).replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  return slug || `topic-${createHash('sha1').update(name).digest('hex').slice(0, 8)}`;
}
