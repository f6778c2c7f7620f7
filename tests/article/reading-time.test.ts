import { expect, test } from 'vitest';
import { readingMinutes } from '../../lib/article/reading-time.ts';

test('counts CJK characters, not spaces', () => {
  expect(readingMinutes('中'.repeat(2000))).toBe(5);
});

test('counts Latin words', () => {
  expect(readingMinutes(Array.from({ length: 1150 }, () => 'word').join(' '))).toBe(5);
});

test('adds both in mixed text and never says zero', () => {
  expect(readingMinutes(`${'中'.repeat(800)} ${Array.from({ length: 460 }, () => 'news').join(' ')}`)).toBe(4);
  expect(readingMinutes('')).toBe(1);
});
