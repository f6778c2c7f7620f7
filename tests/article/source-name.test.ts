import { expect, test } from 'vitest';
import { sourceName } from '../../lib/article/source-name.ts';

const names = { 'rfi.fr': 'RFI', 'reuters.com': 'Reuters', 'cn.nytimes.com': '纽约时报中文网' };

test('maps a host to its configured name, ignoring www', () => {
  expect(sourceName('www.rfi.fr', names)).toBe('RFI');
});

test('a subdomain takes its parent domain’s name, the most specific first', () => {
  expect(sourceName('cn.reuters.com', names)).toBe('Reuters');
  expect(sourceName('cn.nytimes.com', names)).toBe('纽约时报中文网');
});

test('an unmapped host is shown as the host', () => {
  expect(sourceName('www.example.org', names)).toBe('example.org');
  expect(sourceName('com.example', { com: 'x' })).toBe('com.example');
});
