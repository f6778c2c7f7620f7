import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Eleventy } from '@11ty/eleventy';
import { workerEntry } from '../lib/archive/bundle-module.ts';
import type { FloorWorkerData } from './stack-floor-worker.ts';

/**
 * What the design card's stack costs before any of our work, timed by the bench as a child process beside
 * Hugo. Two parts, each as parallel as two cores allow:
 *
 *   tsx bench/stack-floor.ts rehype CONTENT_DIR
 *     every raw file decoded, its header read, its body through rehype-parse (without positions),
 *     rehype-sanitize and rehype-stringify, on a worker thread per core;
 *   tsx bench/stack-floor.ts eleventy PAGES_JSON OUT_DIR PART PARTS
 *     Eleventy writing one page per article from one Nunjucks template: this part's share of the pages
 *     (the bench starts one process per core, each with its share).
 *
 * Each prints `floor-seconds N`: the time of the work alone, from starting the workers or Eleventy to the last
 * page, with Node's start-up, module loading and the worker bundle left out, so the sum of the two parts is a
 * lower bound for any build on this stack.
 */
export interface FloorPages {
  /** Cleaned bodies, shared by the pages that replicate them. */
  bodies: string[];
  pages: { path: string; title: string; body: number }[];
}

const template = `---
pagination: { data: floor.pages, size: 1, alias: article }
permalink: "{{ article.path }}"
---
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ article.title }}</title></head>
<body><main><article><h1>{{ article.title }}</h1>{{ floor.bodies[article.body] | safe }}</article></main></body></html>
`;

async function bareRehype(contentDir: string): Promise<number> {
  const files = (await readdir(contentDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.txt'))
    .map((entry) => join(entry.parentPath, entry.name));
  const entry = await workerEntry(new URL('./stack-floor-worker.ts', import.meta.url), new URL('./stack-floor-worker-entry.js', import.meta.url));
  const step = availableParallelism();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: step }, (_, first) => {
      const workerData: FloorWorkerData = { files, first, step };
      const worker = new Worker(entry, { workerData });
      return new Promise<void>((done, fail) => {
        worker.once('message', () => void worker.terminate().then(() => done()));
        worker.once('error', fail);
      });
    }),
  );
  return performance.now() - started;
}

async function bareEleventy(pagesFile: string, outDir: string, part: number, parts: number): Promise<number> {
  const all = JSON.parse(await readFile(pagesFile, 'utf8')) as FloorPages;
  const floor = { bodies: all.bodies, pages: all.pages.filter((_, index) => index % parts === part) };
  const input = await mkdtemp(join(tmpdir(), 'stack-floor-'));
  try {
    await writeFile(join(input, 'article.njk'), template);
    const started = performance.now();
    const eleventy = new Eleventy(input, outDir, {
      quietMode: true,
      config: (config) => config.addGlobalData('floor', floor),
    });
    await eleventy.write();
    return performance.now() - started;
  } finally {
    await rm(input, { recursive: true, force: true });
  }
}

const [mode, ...args] = process.argv.slice(2);
let milliseconds: number;
if (mode === 'rehype' && args[0]) milliseconds = await bareRehype(resolve(args[0]));
else if (mode === 'eleventy' && args.length === 4) milliseconds = await bareEleventy(resolve(args[0]!), resolve(args[1]!), Number(args[2]), Number(args[3]));
else {
  process.stderr.write('usage: tsx bench/stack-floor.ts rehype CONTENT_DIR | eleventy PAGES_JSON OUT_DIR PART PARTS\n');
  process.exit(2);
}
process.stdout.write(`floor-seconds ${(milliseconds / 1000).toFixed(3)}\n`);
