import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';

/** Every file under `dir`, as paths relative to it with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

/** The file a site URL path (already stripped of the prefix) is served from, or undefined. */
export async function fileForPath(dir: string, path: string): Promise<string | undefined> {
  const decoded = decodeURIComponent(path.split(/[?#]/)[0] ?? '');
  const candidate = join(dir, decoded);
  if (!candidate.startsWith(dir)) return undefined;
  const found = await stat(candidate).catch(() => undefined);
  if (found?.isFile()) return candidate;
  if (found?.isDirectory() && decoded.endsWith('/')) {
    const index = join(candidate, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/**
 * A static server for a built site on 127.0.0.1, under `prefix` (`/` or `/archive/`), with 404.html for misses.
 * `anyOrigin`: lets pages of any origin fetch its files, as GitHub Pages does (`Access-Control-Allow-Origin: *`).
 */
export async function serveStatic(dir: string, prefix = '/', { anyOrigin = false } = {}): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = path.startsWith(prefix) ? await fileForPath(dir, path.slice(prefix.length - 1)) : undefined;
    const served = file ?? join(dir, '404.html');
    response.writeHead(file ? 200 : 404, { 'content-type': types[extname(served)] ?? 'application/octet-stream', ...(anyOrigin ? { 'access-control-allow-origin': '*' } : {}) });
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
