import { spawn, spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { recoverInterruptedSwap } from '../../lib/render/output-swap.ts';
import { feedxDir } from '../corpus-dir.ts';
import { runDigest, type Ran } from './run-digest.ts';

const repo = join(import.meta.dirname, '../..');
const digest = join(repo, 'bin/digest.js');
const siteConfig = join(repo, 'site.config.ts');

const cli = (args: string[], cwd: string, options: { asNobody?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> => runDigest(args, cwd, { ...options, timeout: 60_000 });

const build = (cwd: string, ...args: string[]) => cli(['build', '--config', siteConfig, ...args], cwd);

/** Every file and folder under `dir` (dotfiles too), with the bytes of each file: to see that nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const shot: Record<string, string> = {};
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    shot[path.slice(dir.length + 1)] = entry.isFile() ? await readFile(path, 'utf8') : entry.isDirectory() ? '<folder>' : '<link>';
  }
  return shot;
}

/** A refusal: exit 2, nothing on stdout, one line on stderr naming the output path and the reason. */
function expectRefused(ran: Ran, out: string, reason: RegExp): void {
  expect(ran.stderr.trimEnd().split('\n'), ran.stderr).toHaveLength(1);
  expect(ran.stderr).toMatch(new RegExp(`^digest build: --out ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  expect(ran.stderr).toMatch(reason);
  expect(ran.stderr).toContain('(nothing was changed)');
  expect(ran.stdout).toBe('');
  expect(ran.code).toBe(2);
}

async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'out-folder-'));
  await mkdir(join(dir, 'content'));
  for (const name of ['rfi-01.txt', 'bbc-02.txt']) await cp(join(feedxDir, name), join(dir, 'content', name));
  return dir;
}

describe('what the issue reported: each is refused and left as it was', () => {
  test('--out the content folder', async () => {
    const dir = await project();
    const before = await snapshot(dir);
    expectRefused(await build(dir, '--content', 'content', '--out', 'content'), 'content', /it is the content folder/);
    expect(await snapshot(dir)).toEqual(before);
  });

  test('--out a folder of the user’s own files', async () => {
    const dir = await project();
    await mkdir(join(dir, 'mine/sub'), { recursive: true });
    await writeFile(join(dir, 'mine/notes.txt'), 'my notes');
    await writeFile(join(dir, 'mine/sub/thesis.doc'), 'my thesis');
    const before = await snapshot(dir);
    expectRefused(await build(dir, '--out', 'mine'), 'mine', /it holds files no build wrote \(notes\.txt, sub\)/);
    expect(await snapshot(dir)).toEqual(before);
  });

  test('--out an existing file', async () => {
    const dir = await project();
    await writeFile(join(dir, 'site'), 'a file of mine');
    const before = await snapshot(dir);
    expectRefused(await build(dir, '--out', 'site'), 'site', /it is a file, not a folder/);
    expect(await snapshot(dir)).toEqual(before);
  });

  test('--out . in a clone of this project', async () => {
    const dir = await project();
    await cp(join(repo, 'lib'), join(dir, 'lib'), { recursive: true });
    await cp(join(repo, 'site.config.ts'), join(dir, 'site.config.ts'));
    await cp(join(repo, 'package.json'), join(dir, 'package.json'));
    await symlink(join(repo, 'node_modules'), join(dir, 'node_modules'));
    const before = await snapshot(dir);
    expectRefused(await cli(['build', '--out', '.'], dir), '.', /it is the project folder/);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('always refused, whatever they hold', () => {
  test.each([
    [['--cache', 'keep', '--out', 'keep'], 'keep', /it is the cache folder/],
    [['--cache', 'keep/digest', '--out', 'keep'], 'keep', /it holds the cache folder/],
    [['--out', 'content/site'], 'content/site', /it is inside the content folder/],
    [['--out', '..'], '..', /it holds the content folder/],
    [['--out', repo], repo, /it is the project folder/],
  ])('%j', async (args, out, reason) => {
    const dir = await project();
    await mkdir(join(dir, 'keep'));
    const before = await snapshot(dir);
    expectRefused(await build(dir, ...args), out, reason);
    expect(await snapshot(dir)).toEqual(before);
  });

  test('the content folder through a symbolic link', async () => {
    const dir = await project();
    await symlink(join(dir, 'content'), join(dir, 'articles'));
    expectRefused(await build(dir, '--content', 'articles', '--out', 'content'), 'content', /it is the content folder/);
  });
});

describe('impossible output paths fail at once with one line', () => {
  test('--out /proc/x', async () => {
    const dir = await project();
    const started = performance.now();
    expectRefused(await build(dir, '--out', '/proc/x'), '/proc/x', /cannot create folders in \/proc/);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  test('--cache /proc/x: the build goes on without a cache, saying so in one line', async () => {
    const dir = await project();
    const started = performance.now();
    const ran = await build(dir, '--cache', '/proc/x/cache');
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(ran.code).toBe(0);
    expect(ran.stderr.trim().split('\n')).toEqual(['cache: /proc/x/cache: cannot be written (ENOENT: no such file or directory), the build goes on without saving the cache']);
  });

  // An empty mount point, as a container's volume is: a build would fail only at the end, renaming it.
  const emptyMount = spawnSync('sh', ['-c', 'test -z "$(ls -A /dev/shm)" && test "$(stat -c %d /dev/shm)" != "$(stat -c %d /dev)"']).status === 0;
  test.skipIf(!emptyMount)('--out a mount point', async () => {
    const dir = await project();
    expectRefused(await build(dir, '--out', '/dev/shm'), '/dev/shm', /it is a mount point/);
  });

  test('--out under a file', async () => {
    const dir = await project();
    await writeFile(join(dir, 'notes.txt'), 'mine');
    expectRefused(await build(dir, '--out', 'notes.txt/site'), 'notes.txt/site', /not a directory: .*notes\.txt is a file/);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

// As root, permissions do not stop a write: the build runs as nobody then.
const asRoot = process.getuid?.() === 0;
const canDropToNobody = asRoot && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;

describe.skipIf(asRoot && !canDropToNobody)('an output the build cannot write', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let before: Record<string, string>;
  beforeAll(async () => {
    dir = await project();
    expect((await build(dir, '--out', 'locked/_site', '--cache', 'locked/cache')).code).toBe(0);
    expect((await build(dir, '--out', 'open/_site', '--cache', 'locked/cache')).code).toBe(0);
    if (asRoot) {
      // nobody must reach the test's folder, read the content and keep a cache and tsx's own files somewhere.
      await chmod(tmpdir(), 0o711);
      await chmod(dir, 0o755);
      await mkdir(join(dir, 'nobody'), { mode: 0o777 });
      await chmod(join(dir, 'nobody'), 0o777);
      env = { TMPDIR: join(dir, 'nobody') };
    } else {
      env = {};
      await mkdir(join(dir, 'nobody'));
    }
    await chmod(join(dir, 'locked'), 0o555);
    await chmod(join(dir, 'open'), 0o777);
    await chmod(join(dir, 'open/_site'), 0o555);
    before = await snapshot(dir);
  });
  const asUser = (args: string[]) => cli(['build', '--config', siteConfig, '--cache', 'nobody/cache', ...args], dir, { asNobody: asRoot, env });

  test('in a folder it cannot write', async () => {
    expectRefused(await asUser(['--out', 'locked/_site']), 'locked/_site', /cannot create folders in .*locked: permission denied/);
    expect(await snapshot(dir)).toMatchObject(before);
  });

  test('a read-only output folder', async () => {
    expectRefused(await asUser(['--out', 'open/_site']), 'open/_site', /cannot write to it: permission denied/);
    expect(await snapshot(dir)).toMatchObject(before);
  });
});

const leftovers = async (dir: string) => (await readdir(dir)).filter((name) => name.startsWith('._site'));

describe('a swap a kill interrupted is set right when the next build starts', () => {
  /** The state a kill between the swap's two renames leaves: the old site moved aside, the new one complete beside it, no output. */
  async function killedMidSwap(): Promise<{ dir: string; oldIndex: string; newIndex: string }> {
    const dir = await project();
    expect((await build(dir, '--out', '_site')).code).toBe(0);
    const oldIndex = await readFile(join(dir, '_site/index.html'), 'utf8');
    await cp(join(feedxDir, 'dw-27.txt'), join(dir, 'content/dw-27.txt'));
    expect((await build(dir, '--out', 'next')).code).toBe(0);
    const newIndex = await readFile(join(dir, 'next/index.html'), 'utf8');
    const killed = `${spawnSync('true').pid}-${(Date.now() - 60_000).toString(36)}`;
    await rename(join(dir, '_site'), join(dir, `._site.old-${killed}`));
    await rename(join(dir, 'next'), join(dir, `._site.building-${killed}`));
    return { dir, oldIndex, newIndex };
  }

  test('the complete new site is put in place, and the build goes on from it', async () => {
    const { dir, newIndex } = await killedMidSwap();
    const ran = await build(dir, '--out', '_site');
    expect(ran.code).toBe(0);
    expect(await readFile(join(dir, '_site/index.html'), 'utf8')).toBe(newIndex);
    // The site this build replaced is deleted by a detached rm after it exits.
    for (let tries = 0; tries < 100 && (await leftovers(dir)).length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await leftovers(dir)).toEqual([]);
  });

  test('even when that build then fails', async () => {
    const { dir, newIndex } = await killedMidSwap();
    await writeFile(join(dir, 'content/empty.txt'), '');
    const ran = await build(dir, '--out', '_site', '--strict');
    expect(ran.code).toBe(1);
    expect(await readFile(join(dir, '_site/index.html'), 'utf8')).toBe(newIndex);
  });
});

test('a build killed at any moment leaves a whole site at the output path, the old one or the new', { timeout: 300_000 }, async () => {
  const dir = await project();
  const names = (await readdir(feedxDir)).filter((name) => name.endsWith('.txt')).sort().slice(0, 40);
  const sets = [names.slice(0, 30), names.slice(10, 40)];
  const sites: Record<string, string>[] = [];
  // Reference builds of both archives.
  for (const [index, set] of sets.entries()) {
    await mkdir(join(dir, `content-${index}`));
    for (const name of set) await cp(join(feedxDir, name), join(dir, `content-${index}`, name));
    expect((await build(dir, '--content', `content-${index}`, '--out', `ref-${index}`)).code).toBe(0);
    sites.push(await snapshot(join(dir, `ref-${index}`)));
  }
  // How long a build switching between them takes, once both are parsed: the kills fall within it.
  expect((await build(dir, '--content', 'content-0', '--out', '_site')).code).toBe(0);
  const started = performance.now();
  expect((await build(dir, '--content', 'content-1', '--out', '_site')).code).toBe(0);
  const took = performance.now() - started;
  for (let round = 0; round < 8; round++) {
    const child = spawn('node', [digest, 'build', '--config', siteConfig, '--content', `content-${(round + 1) % 2}`, '--out', '_site'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, Math.random() * took * 1.2));
    child.kill('SIGKILL');
    await exited;
    // What the next build does first.
    await recoverInterruptedSwap(join(dir, '_site'));
    expect(sites).toContainEqual(await snapshot(join(dir, '_site')));
    expect(await leftovers(dir)).toEqual([]);
  }
});
