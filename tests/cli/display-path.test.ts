import { expect, test } from 'vitest';
import { displayPath, textName } from '../../lib/cli/display-path.ts';

test('a file is named as the user would type it', () => {
  expect(displayPath('content', '2020/a b.txt')).toBe('content/2020/a b.txt');
});

test('a name is shown as it is, spaces, quotes and CJK included', () => {
  for (const name of ['content/a b.txt', 'content/新闻 "2020".txt', 'content/é.txt']) expect(textName(name)).toBe(name);
});

test('a name holding a control character is quoted and escaped as in JSON, so it stays on its line', () => {
  expect(textName('content/a\nb.txt')).toBe('"content/a\\nb.txt"');
  expect(textName('content/a\rb\t"c".txt')).toBe('"content/a\\rb\\t\\"c\\".txt"');
  expect(textName('content/\u001b[31mred.txt')).toBe('"content/\\u001b[31mred.txt"');
  expect(textName('content/a\u0085b\u2028c\u007f.txt')).toBe('"content/a\\u0085b\\u2028c\\u007f.txt"');
});
