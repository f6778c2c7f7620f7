/**
 * GitHub Pages sends no headers, so the policy travels in a `<meta>` tag. Pages carry no scripts or inline
 * styles of their own; in serve mode the dev server's reload client (a same-origin module) and its
 * WebSocket are let through.
 */
export function contentSecurityPolicy(mode: 'build' | 'serve'): string {
  const directives = [
    "default-src 'none'",
    'img-src https: http: data:',
    'media-src https: http:',
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  if (mode === 'serve') directives.push("script-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
  return directives.join('; ');
}
