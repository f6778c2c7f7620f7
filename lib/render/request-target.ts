/** What a request asks for: a decoded path inside the served folder, or why it names no file there. */
export type RequestTarget = { ok: true; path: string } | { ok: false; status: 400 | 404; reason: string };

// No page of ours has a path anywhere near this long; a file system would refuse most longer ones anyway.
const maxPathLength = 2048;

const notFound = (reason: string): RequestTarget => ({ ok: false, status: 404, reason });

/**
 * Checks a raw request target (`request.url`, exactly as the client sent it) before the dev server maps it
 * to a file: the dev server decodes it with an unguarded `decodeURIComponent` and checks containment with a
 * bare string prefix (so `/..%2f<sibling>/x` reached a sibling folder). Undecodable → 400; anything that
 * cannot be a path inside the served folder → 404.
 */
export function checkRequestTarget(target: string): RequestTarget {
  // Origin-form only. An absolute-form (`http://host/x`), authority-form or `*` target is a proxy's business,
  // and `//host/x` would be read as another host by the URL parser the dev server uses.
  if (!target.startsWith('/') || target.startsWith('//')) return notFound('not a path on this server');
  const raw = target.split(/[?#]/, 1)[0]!;
  if (raw.length > maxPathLength) return notFound('path too long');
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (path.includes('\0')) return notFound('NUL in path');
  // A backslash is a separator to the URL parser (and on Windows): `/..\x` climbs.
  if (path.includes('\\')) return notFound('backslash in path');
  // Checked after decoding, so `%2e%2e` and `..%2f` count as what they spell.
  if (path.split('/').includes('..')) return notFound('path leaves the served folder');
  return { ok: true, path };
}
