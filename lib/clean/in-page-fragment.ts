/**
 * How a link to a place in the article itself may name its target: `#x`, or the article's own URL with
 * `#x`, as links are once resolved against it. The fragment as written, then percent-decoded (an `id` may be
 * either: BBC's hold URLs with `%5E` in them). Empty for any other link.
 */
export function inPageFragments(href: string, articleUrl: string | undefined): string[] {
  const hash = href.indexOf('#');
  if (hash === -1 || hash === href.length - 1) return [];
  if (hash > 0) {
    if (articleUrl === undefined) return [];
    try {
      const page = new URL(href.slice(0, hash), articleUrl);
      const article = new URL(articleUrl);
      if (page.origin !== article.origin || page.pathname !== article.pathname || page.search !== article.search) return [];
    } catch {
      return [];
    }
  }
  const fragment = href.slice(hash + 1);
  try {
    const decoded = decodeURIComponent(fragment);
    return decoded === fragment ? [fragment] : [fragment, decoded];
  } catch {
    return [fragment];
  }
}

/** `#id` such that a browser, percent-decoding it, finds exactly `id`. */
export function fragmentHref(id: string): string {
  return `#${id.replace(/[%\s"<>`#]/gu, (character) => encodeURIComponent(character))}`;
}
