import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeEach, describe, expect, test } from 'vitest';
import { bundleModule } from '../../lib/archive/bundle-module.ts';

let project: string;
let cacheDir: string;
beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), 'bundle-project-'));
  cacheDir = join(project, 'cache');
  await writeFile(join(project, 'entry.ts'), "import { parentPort } from 'node:worker_threads';\nimport { answer } from './answer.ts';\nparentPort?.postMessage(answer satisfies string);\n");
  await writeFile(join(project, 'answer.ts'), "export const answer: string = 'first';\n");
});

const bundle = () => bundleModule({ entry: join(project, 'entry.ts'), cacheDir, workingDir: project });

/** What the bundled module says when started as a plain worker thread, with no TypeScript loader. */
function run(url: URL): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url);
    worker.once('message', (message) => void worker.terminate().then(() => resolve(message)));
    worker.once('error', reject);
  });
}

describe('bundleModule', () => {
  test('bundles a TypeScript module and its imports into one file a worker starts without tsx', async () => {
    expect(await run(await bundle())).toBe('first');
  });

  test('reuses the bundle while its sources are unchanged', async () => {
    const first = await bundle();
    const { mtimeMs } = await stat(fileURLToPath(first));
    const second = await bundle();
    expect(second.href).toBe(first.href);
    expect((await stat(fileURLToPath(second))).mtimeMs).toBe(mtimeMs);
  });

  test('is made again when a module it imports changes, and the older bundle is removed', async () => {
    const first = await bundle();
    await writeFile(join(project, 'answer.ts'), "export const answer: string = 'second';\n");
    const second = await bundle();
    expect(second.href).not.toBe(first.href);
    expect(await run(second)).toBe('second');
    expect((await readdir(cacheDir)).filter((file) => file.endsWith('.mjs'))).toHaveLength(1);
  });

  test('builds in the constants it is given, working them out only when it makes a bundle', async () => {
    await writeFile(join(project, 'entry.ts'), "import { parentPort } from 'node:worker_threads';\ndeclare const BUILT_IN: string | undefined;\nparentPort?.postMessage(typeof BUILT_IN === 'string' ? BUILT_IN : 'worked out at run time');\n");
    let asked = 0;
    const define = () => {
      asked++;
      return { BUILT_IN: JSON.stringify('built in') };
    };
    const first = await bundleModule({ entry: join(project, 'entry.ts'), cacheDir, workingDir: project, define });
    expect(await run(first)).toBe('built in');
    expect((await bundleModule({ entry: join(project, 'entry.ts'), cacheDir, workingDir: project, define })).href).toBe(first.href);
    expect(asked).toBe(1);
  });
});
