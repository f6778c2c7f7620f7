import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { chmod, chown, cp, mkdtemp } from 'node:fs/promises';
import { dirname, join, parse, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '..');
/** nobody: as root, `chmod 000` does not stop reading, so a permission test must run as someone else. */
const nobody = 65534;

/** How to run a command as an unprivileged user: ourselves when not root, nobody through setpriv or runuser as root. */
function switchUser(): string[] | undefined {
  if (process.getuid?.() !== 0) return [];
  const has = (tool: string) => ['/usr/bin', '/bin', '/usr/sbin', '/sbin'].some((dir) => existsSync(join(dir, tool)));
  if (has('setpriv')) return ['setpriv', `--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups'];
  if (has('runuser')) return ['runuser', '-u', 'nobody', '--'];
  return undefined;
}

export const unprivileged = switchUser();
export const isRoot = process.getuid?.() === 0;

/** Whether every folder from the root down to `path` lets others pass (o+x), so nobody can reach it. */
function othersCanReach(path: string): boolean {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === parse(dir).root) return true;
  }
}

/**
 * A fresh folder the unprivileged user owns and can reach. The test run's TMPDIR is private to root (mkdtemp
 * makes 0700 folders), so as root it goes under the first world-traversable temp folder instead.
 */
export async function unprivilegedWorkDir(): Promise<string> {
  const base = !isRoot ? tmpdir() : [tmpdir(), '/tmp', '/var/tmp', '/dev/shm'].find((dir) => existsSync(dir) && othersCanReach(dir));
  if (!base) throw new Error('no temporary folder that an unprivileged user can reach');
  const dir = await mkdtemp(join(base, 'digest-unprivileged-'));
  if (isRoot) {
    await chmod(dir, 0o755);
    await chown(dir, nobody, nobody);
  }
  return dir;
}

/**
 * The project as the unprivileged user can run it: this checkout when it can reach it (node_modules included),
 * otherwise (CI clones under a home folder others may not enter) a copy of what the CLI needs inside `workDir`.
 */
/** What the unprivileged user runs, made once a work folder: node and the project, where it can reach them. */
function reachable(workDir: string): Promise<{ node: string; project: string }> {
  let made = madeFor.get(workDir);
  if (!made) madeFor.set(workDir, (made = Promise.all([nodeFor(workDir), projectFor(workDir)]).then(([node, project]) => ({ node, project }))));
  return made;
}
const madeFor = new Map<string, Promise<{ node: string; project: string }>>();

async function projectFor(workDir: string): Promise<string> {
  const modules = realpathSync(join(repo, 'node_modules'));
  if (!isRoot || (othersCanReach(repo) && othersCanReach(modules) && othersCanRead(join(repo, 'bin/digest.js')))) return repo;
  const copy = join(workDir, 'project');
  for (const part of ['bin', 'lib', 'node_modules', 'package.json', 'tsconfig.json', 'templates']) {
    await cp(join(repo, part), join(copy, part), { recursive: true, dereference: true });
  }
  execFileSync('chmod', ['-R', 'o+rX', copy]);
  return copy;
}

function othersCanRead(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return (statSync(file).mode & 0o004) !== 0;
  } catch {
    return false;
  }
}

/** Node itself, copied into `workDir` when it is installed where others cannot reach (under /root, say). */
async function nodeFor(workDir: string): Promise<string> {
  const node = realpathSync(process.execPath);
  if (!isRoot || (othersCanReach(dirname(node)) && (statSync(node).mode & 0o001) !== 0)) return node;
  const copy = join(workDir, 'node');
  await cp(node, copy);
  await chmod(copy, 0o755);
  return copy;
}

/** Runs `digest …` as the unprivileged user in `workDir`, with its own temporary folder there. */
export async function digestAsUnprivileged(args: string[], workDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!unprivileged) throw new Error('running as root with neither setpriv nor runuser: cannot switch to an unprivileged user');
  const { node, project } = await reachable(workDir);
  const [command, ...prefix] = [...unprivileged, node];
  const argv = [...prefix, join(project, 'bin/digest.js'), ...args];
  try {
    const { stdout, stderr } = await run(command!, argv, { cwd: workDir, env: { ...process.env, TMPDIR: workDir, HOME: workDir }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
