import { parseSrcset, stringifySrcset, type SrcSetDefinition } from 'srcset';

/** The candidates of a `srcset` value; an unparsable value has none. */
export function readSrcset(value: unknown): SrcSetDefinition[] {
  const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
  if (text.trim() === '') return [];
  try {
    return parseSrcset(text);
  } catch {
    return [];
  }
}

export function writeSrcset(candidates: readonly SrcSetDefinition[]): string {
  return stringifySrcset(candidates);
}
