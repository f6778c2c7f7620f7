/** Drops characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/FFFF); escaping cannot save them. */
export const xmlSafe = (text: string): string =>
  text.replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
