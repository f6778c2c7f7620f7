import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const digestBin = join(import.meta.dirname, '../../bin/digest.js');

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Run as the unprivileged user nobody (see tests/as-unprivileged-user.ts for why tests need one). */
  asNobody?: boolean;
  timeout?: number;
}

/** `digest …` as a user runs it, in `cwd`: its exit code and what it printed, whether it failed or not. */
export async function runDigest(args: string[], cwd: string, options: RunOptions = {}): Promise<Ran> {
  const [command, prefix] = options.asNobody ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'node']] : ['node', []];
  try {
    const { stdout, stderr } = await run(command, [...prefix, digestBin, ...args], {
      cwd,
      env: { ...process.env, ...options.env },
      maxBuffer: 256 * 1024 * 1024,
      ...(options.timeout ? { timeout: options.timeout } : {}),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as Ran;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
