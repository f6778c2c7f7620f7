import { describe, expect, test } from 'vitest';
import { rehypeOutboundLinks } from '../../../lib/clean/plugins/rehype-outbound-links.ts';
import { runPlugins } from '../run-plugins.ts';

describe('rehypeOutboundLinks', () => {
  test('marks http(s) links as outbound and drops target', () => {
    expect(runPlugins('<a href="https://a.example/x" target="_blank">x</a><a href="mailto:cn.letters@nytimes.com">m</a>', [rehypeOutboundLinks]).html).toBe(
      '<a href="https://a.example/x" rel="noopener noreferrer nofollow">x</a><a href="mailto:cn.letters@nytimes.com">m</a>',
    );
  });
});
