import { expect, test } from 'vitest';
import { createProgress } from '../../lib/cli/progress.ts';

function fakeTerminal(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

test('a terminal shows what is done of how many, and clears the line when a phase ends', () => {
  const saved = process.env.CI;
  delete process.env.CI;
  try {
    const { stream, written } = fakeTerminal(true);
    const progress = createProgress(stream);
    progress.update('parsed', 1, 10);
    progress.update('parsed', 10, 10);
    expect(written[0]).toContain('parsed 1/10');
    expect(written.at(-1)).toBe('\r\x1b[2K');
  } finally {
    if (saved !== undefined) process.env.CI = saved;
  }
});

test('quiet without a terminal, and in CI', () => {
  const pipe = fakeTerminal(false);
  createProgress(pipe.stream).update('parsed', 1, 10);
  expect(pipe.written).toEqual([]);
  const saved = process.env.CI;
  process.env.CI = 'true';
  try {
    const ci = fakeTerminal(true);
    createProgress(ci.stream).update('parsed', 1, 10);
    expect(ci.written).toEqual([]);
  } finally {
    if (saved === undefined) delete process.env.CI;
    else process.env.CI = saved;
  }
});
