/**
 * GitHub Pages sends no headers, so the policy travels in a `<meta>` tag. Pages carry no scripts or inline
 * styles of their own; in serve mode the dev server's reload client (a same-origin module) and its
 * WebSocket are let through.
 */
export function contentSecurityPolicy(mode: 'build' | 'serve', page: PolicyFor = {}): string {
  const directives = [
    "default-src 'none'",
    'img-src https: http: data:',
    'media-src https: http:',
    "style-src 'self'",
    "base-uri 'none'",
    // The header's search box is a plain GET form to the site's own search page.
    page.search ? "form-action 'self'" : "form-action 'none'",
  ];
  // Pagefind's WebAssembly needs 'wasm-unsafe-eval'; its index and worker are fetched from the site, and the
  // other shards' bundles (their Pagefind module, index and WebAssembly) from theirs.
  const others = (page.otherOrigins ?? []).map((origin) => ` ${origin}`).join('');
  if (page.searchPage) directives.push(`script-src 'self'${others} 'wasm-unsafe-eval'`, `connect-src 'self'${others}${mode === 'serve' ? ' ws://localhost:* ws://127.0.0.1:*' : ''}`);
  else if (mode === 'serve') directives.push("script-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
  return directives.join('; ');
}

export interface PolicyFor {
  /** The site has search: every page's header holds its form. */
  search?: boolean;
  /** The search page itself, the one page that runs a script of ours. */
  searchPage?: boolean;
  /** The search page: the origins of the other shards of a split archive, whose search bundles it merges. */
  otherOrigins?: readonly string[];
}
