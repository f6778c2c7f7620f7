import { realpathSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isAbsolute, relative, sep } from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { fail, ok, type Result } from '../result.ts';
import { checkRequestTarget } from './request-target.ts';

export interface DevServerOptions {
  /** The folder served. */
  dir: string;
  /** The address to listen on: `127.0.0.1` keeps it to this machine, `0.0.0.0` opens it to the network. */
  host: string;
  /** 0 for any free port; a busy port moves on to the next few. */
  port: number;
  onError: (message: string) => void;
}

export interface DevServer {
  /** Where it really listens (the port chosen, the address bound). */
  address: AddressInfo;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

const portsToTry = 10;

/**
 * Eleventy's dev server (static files and the live-reload socket), bound to one address and refusing, with
 * a 400 or 404, every request it would otherwise crash on or answer from outside the served folder.
 */
class GuardedDevServer extends EleventyDevServer {
  override async onRequestHandler(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = checkRequestTarget(request.url ?? '');
    if (!target.ok) return refuse(response, target.status);
    try {
      await super.onRequestHandler(request, response);
    } catch (error) {
      // A page removed by a rebuild between the dev server's exists check and its read, or anything else it throws.
      const missing = ['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG'].includes((error as NodeJS.ErrnoException).code ?? '');
      if (response.headersSent) response.destroy();
      else refuse(response, missing ? 404 : 500);
    }
  }

  // Every file the dev server would send, checked where it really is: a symbolic link in the served folder
  // must not serve what it points to outside.
  override mapUrlToFilePath(url: string): ReturnType<EleventyDevServer['mapUrlToFilePath']> {
    let match;
    try {
      match = super.mapUrlToFilePath(url);
    } catch {
      return { statusCode: 404 };
    }
    if (match.filepath === undefined) return match;
    try {
      if (!isInside(realpathSync(this.dir), realpathSync(match.filepath))) return { statusCode: 404 };
    } catch {
      return { statusCode: 404 };
    }
    return match;
  }
}

export async function startDevServer(options: DevServerOptions): Promise<Result<DevServer>> {
  const devServer = new GuardedDevServer('digest', options.dir, {
    liveReload: true,
    domDiff: false,
    messageOnStart: () => '',
    logger: { log() {}, info() {}, error: options.onError },
  });
  // Created on first access, with the hook that starts the live-reload socket once it listens.
  const http = devServer.server;
  // Its own error handler retries ports without the host and throws (uncaught) when they run out: listen here instead.
  http.removeAllListeners('error');
  http.on('clientError', answerBadRequest);
  // Without a listener Node drops a CONNECT without a word; it names a host, not a path here.
  http.on('connect', (_request: IncomingMessage, socket: Socket) => socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'));
  const listening = await listen(http, options.port, options.host);
  if (!listening.ok) {
    await devServer.close();
    return listening;
  }
  http.on('error', (error) => options.onError(`server error: ${error.message}`));
  await devServer.ready();
  return ok({ address: listening.value, reload: () => devServer.reload(), close: () => devServer.close() });
}

function listen(http: Server, port: number, host: string): Promise<Result<AddressInfo>> {
  return new Promise((resolve) => {
    let tries = 0;
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' && port !== 0 && ++tries < portsToTry) {
        http.listen({ port: port + tries, host });
        return;
      }
      http.off('listening', onListening);
      http.off('error', onError);
      const ports = tries > 1 ? `ports ${port}–${port + tries - 1}` : `port ${port}`;
      resolve(fail(error.code === 'EADDRINUSE' ? `${ports} on ${host}: in use` : `cannot listen on ${host} port ${port}: ${error.message}`));
    };
    const onListening = () => {
      http.off('error', onError);
      resolve(ok(http.address() as AddressInfo));
    };
    http.on('error', onError);
    http.once('listening', onListening);
    http.listen({ port, host });
  });
}

function isInside(dir: string, file: string): boolean {
  const path = relative(dir, file);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

function refuse(response: ServerResponse, status: 400 | 404 | 500): void {
  const text = status === 400 ? 'Bad Request' : status === 404 ? 'Not Found' : 'Internal Server Error';
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(`${status} ${text}\n`);
}

// What Node's HTTP parser itself rejects (a NUL or a space in the request line, a request line or headers
// over its size limit, bytes that are not HTTP at all) gets one answer, then the connection closes.
function answerBadRequest(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}
