import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { feedxDir } from '../corpus-dir.ts';

const digest = join(import.meta.dirname, '../../bin/digest.js');
const siteConfig = join(import.meta.dirname, '../../site.config.ts');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'serve-cli-'));
  await mkdir(join(dir, 'content'));
  for (const file of ['rfi-01.txt', 'bbc-02.txt']) await cp(join(feedxDir, file), join(dir, 'content', file));
});

interface Served {
  child: ChildProcess;
  url: string;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `digest serve` as a person runs it, on a free port; resolves once it prints where it serves. */
async function serve(...args: string[]): Promise<Served> {
  // The same cache for every run (serial): a restart renders only what changed.
  const child = spawn('node', [digest, 'serve', '--config', siteConfig, '--content', 'content', '--cache', 'cache', '--port', '0', ...args], { cwd: dir });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  let match: RegExpMatchArray | null = null;
  while (!(match = /^serving (http:\/\/[^/\s]+:(\d+)\/)/m.exec(stdout)) && child.exitCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!match) throw new Error(`serve did not start:\n${stdout}\n${stderr}`);
  return { child, url: match[1]!, port: Number(match[2]), stdout: () => stdout, stderr: () => stderr, exited };
}

function rawGet(host: string, port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer.split('\r\n', 1)[0]!));
    socket.on('error', reject);
  });
}

test('serves on 127.0.0.1 only, survives malformed requests, and stops cleanly on SIGTERM', async () => {
  const served = await serve();
  expect(served.url).toBe(`http://127.0.0.1:${served.port}/`);
  expect(await rawGet('127.0.0.1', served.port, '/')).toBe('HTTP/1.1 200 OK');
  await expect(rawGet('127.0.0.2', served.port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  for (const target of ['/%', '/%E0%A4%A']) expect(await rawGet('127.0.0.1', served.port, target)).toBe('HTTP/1.1 400 Bad Request');
  for (const target of ['/..%2fx', '/%2e%2e/%2e%2e/etc/passwd', '//']) expect(await rawGet('127.0.0.1', served.port, target)).toBe('HTTP/1.1 404 Not Found');
  // The process is still there, and still serving.
  expect(served.child.exitCode).toBeNull();
  expect(await rawGet('127.0.0.1', served.port, '/')).toBe('HTTP/1.1 200 OK');

  served.child.kill('SIGTERM');
  expect(await served.exited).toBe(0);
  expect(served.stderr()).toBe('');
  await expect(rawGet('127.0.0.1', served.port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
}, 120_000);

test('--host 127.0.0.2 listens there and not on 127.0.0.1; Ctrl-C stops it', async () => {
  const served = await serve('--host', '127.0.0.2');
  expect(served.url).toBe(`http://127.0.0.2:${served.port}/`);
  expect(await rawGet('127.0.0.2', served.port, '/')).toBe('HTTP/1.1 200 OK');
  await expect(rawGet('127.0.0.1', served.port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  served.child.kill('SIGINT');
  expect(await served.exited).toBe(0);
}, 120_000);

test('--host 0.0.0.0 listens on every interface and says what that exposes', async () => {
  const served = await serve('--host', '0.0.0.0');
  expect(served.stdout()).toContain(`serving http://localhost:${served.port}/ on every interface (0.0.0.0 port ${served.port}): anyone on the network can read it`);
  for (const host of ['127.0.0.1', '127.0.0.2']) expect(await rawGet(host, served.port, '/')).toBe('HTTP/1.1 200 OK');
  served.child.kill('SIGTERM');
  expect(await served.exited).toBe(0);
}, 120_000);

test('an address it cannot listen on ends serve with exit 1 and the reason', async () => {
  const child = spawn('node', [digest, 'serve', '--config', siteConfig, '--content', 'content', '--cache', 'cache', '--port', '0', '--host', '192.0.2.1'], { cwd: dir });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(1);
  expect(stderr).toMatch(/^digest serve: cannot listen on 192\.0\.2\.1 port 0: .*EADDRNOTAVAIL/m);
}, 120_000);
