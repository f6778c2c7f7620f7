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

test('a word next to CJK text ends there, as if the CJK character were a space', () => {
  const latin = Array.from({ length: 230 }, () => 'word').join(' ');
  // 460 words with a CJK character between each two: 2 minutes of words and 459 characters, 1.15 minutes.
  expect(readingMinutes(`${latin}中${latin}`.replaceAll(' ', '中'))).toBe(3);
  expect(readingMinutes(`'’- ${'-'.repeat(100)}`)).toBe(1);
});
