/** True for absolute http: and https: URLs, the only ones a cleaned page may load or link to (besides mailto:). */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** `value` resolved against `base`, or undefined when it is not a URL at all. */
export function resolveUrl(value: string, base: string): string | undefined {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return undefined;
  }
}
