import { expect, test } from 'vitest';
import { nearestKey } from '../../lib/config/nearest-key.ts';

const keys = ['title', 'description', 'url', 'timeZone', 'perPage', 'homeDays', 'feedSize', 'maxFileBytes'];

test.each([
  ['perpage', 'perPage'],
  ['PERPAGE', 'perPage'],
  ['per_page', 'perPage'],
  ['titel', 'title'],
  ['timezone', 'timeZone'],
  ['homedays', 'homeDays'],
  ['descripton', 'description'],
  ['urll', 'url'],
  ['maxFileByte', 'maxFileBytes'],
])('%s is nearest to %s', (typed, known) => {
  expect(nearestKey(typed, keys)).toBe(known);
});

test.each(['colour', 'x', 'theme', 'basePath'])('%s is near none', (typed) => {
  expect(nearestKey(typed, keys)).toBeUndefined();
});
