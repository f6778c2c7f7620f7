import { describe, expect, test } from 'vitest';
import { rehypeUnwrapNoscript } from '../../../lib/clean/plugins/rehype-unwrap-noscript.ts';
import { corpusArticle } from '../corpus.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeUnwrapNoscript]).html;

describe('rehypeUnwrapNoscript', () => {
  test('unwraps the real image of a lazy placeholder', () => {
    expect(run('<figure><img src="data:image/gif;base64,R0l"><noscript><img src="https://s.rfi.fr/a.jpg" alt="a"></noscript></figure>')).toBe(
      '<figure><img src="data:image/gif;base64,R0l"><img src="https://s.rfi.fr/a.jpg" alt="a"></figure>',
    );
  });

  test('drops a fallback image the page already shows', () => {
    expect(run('<img data-src="https://a.example/1.jpg" src="data:,"><noscript><img src="https://a.example/1.jpg"></noscript>')).toBe(
      '<img data-src="https://a.example/1.jpg" src="data:,">',
    );
  });

  test('drops noscript without media', () => {
    expect(run('<p>a</p><noscript><p>Please enable JavaScript</p></noscript>')).toBe('<p>a</p>');
  });

  test('recovers the RFI image hidden in noscript', () => {
    expect(run(corpusArticle('rfi-27.txt').body)).toContain('<img src="https://s.rfi.fr/media/display/7cbee8d8-bd13-11ea-a263-005056bf87d6/HK0703.jpg"');
  });
});
