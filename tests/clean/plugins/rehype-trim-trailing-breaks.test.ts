import { describe, expect, test } from 'vitest';
import { rehypeTrimTrailingBreaks } from '../../../lib/clean/plugins/rehype-trim-trailing-breaks.ts';
import { runPlugins } from '../run-plugins.ts';

const run = (html: string) => runPlugins(html, [rehypeTrimTrailingBreaks]).html;

describe('rehypeTrimTrailingBreaks', () => {
  test('removes the br and hr the footer left at the end', () => {
    expect(run('<div><p>a</p></div><br><hr>\n')).toBe('<div><p>a</p></div>');
  });

  test('removes trailing breaks inside the last block too, and keeps inner ones', () => {
    expect(run('<p>a<br>b</p><hr><p>c<br><br></p>')).toBe('<p>a<br>b</p><hr><p>c</p>');
  });
});
