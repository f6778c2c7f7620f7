import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { BodyStore, bodyHash, type StoredBody } from '../../lib/archive/body-store.ts';

const work = await mkdtemp(join(tmpdir(), 'body-store-'));
afterAll(() => rm(work, { recursive: true, force: true }));

const bodies = ['<p>一</p>', '<p>two — ✓</p>', '', '<p>' + '長'.repeat(50_000) + '</p>'];

test('gives back every body byte for byte, with the hash of its text', () => {
  const store = new BodyStore(join(work, 'exact'));
  const writer = store.writer();
  const refs = bodies.map((html) => writer.add(html));
  writer.close();
  expect(refs.map((ref) => store.read(ref))).toEqual(bodies);
  expect(refs.map((ref) => ref.hash)).toEqual(bodies.map(bodyHash));
  store.close();
});

test('bodies past the flush size (more buffers than one write takes) all come back', () => {
  const store = new BodyStore(join(work, 'many'));
  const writer = store.writer();
  const many = Array.from({ length: 1500 }, (_, index) => `<p>${index} ${'正文'.repeat(1000 + (index % 7))}</p>`);
  const refs = many.map((html) => writer.add(html));
  writer.close();
  expect(refs.map((ref) => store.read(ref))).toEqual(many);
  store.close();
});

test('a store of mostly garbage is compacted into one segment, and pruning removes the rest', async () => {
  const cache = join(work, 'compact');
  const store = new BodyStore(cache);
  let live = new Map<number, StoredBody>();
  // Thirty builds, each replacing every body: the old segments are garbage.
  for (let build = 0; build < 30; build++) {
    const writer = store.writer();
    live = new Map(bodies.map((html, index) => [index, writer.add(`${html}${build}`)]));
    writer.close();
  }
  const moved = store.compact(live);
  expect(moved).not.toBe(live);
  store.prune(moved.values());
  expect(await readdir(join(cache, 'bodies'))).toHaveLength(1);
  expect([...moved.values()].map((ref) => store.read(ref))).toEqual(bodies.map((html) => `${html}29`));
  store.close();
});

test('a body whose segment is gone, cut short or changed is not intact, and reading it throws', async () => {
  const { readFile, truncate, writeFile } = await import('node:fs/promises');
  const store = new BodyStore(join(work, 'damaged'));
  const writer = store.writer();
  const refs = bodies.map((html) => writer.add(html));
  writer.close();
  expect(refs.map((ref) => store.intact(ref))).toEqual([true, true, true, true]);
  expect(store.intact({ ...refs[0]!, segment: 'nowhere.pack' })).toBe(false);
  store.close();

  const segment = join(store.dir, refs[0]!.segment);
  const bytes = await readFile(segment);
  bytes[refs[1]!.offset + 3]! ^= 0x01;
  await writeFile(segment, bytes);
  const flipped = new BodyStore(join(work, 'damaged'));
  expect(refs.map((ref) => flipped.intact(ref))).toEqual([true, false, true, true]);
  expect(() => flipped.read(refs[1]!)).toThrow(/changed while this build was reading it/);
  flipped.close();

  await truncate(segment, refs[3]!.offset + 10);
  const cut = new BodyStore(join(work, 'damaged'));
  expect(cut.intact(refs[3]!)).toBe(false);
  expect(() => cut.read(refs[3]!)).toThrow(/shorter than the cache says/);
  cut.close();
});
