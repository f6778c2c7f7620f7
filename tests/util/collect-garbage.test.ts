import { expect, test } from 'vitest';
import { collectGarbage } from '../../lib/util/collect-garbage.ts';

test('frees unreachable memory at once, without a start-up flag', () => {
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  let garbage: string[] | undefined = Array.from({ length: 300_000 }, (_, index) => `<p>page ${index}</p>`.repeat(20).slice(1));
  const held = process.memoryUsage().heapUsed - baseline;
  expect(held).toBeGreaterThan(50 * 2 ** 20);
  garbage = undefined;
  collectGarbage();
  expect(garbage).toBeUndefined();
  expect(process.memoryUsage().heapUsed - baseline).toBeLessThan(held / 4);
});
