import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { createTextOf, hasMedia, hasText, isBlank, isMedia } from '../../lib/clean/hast-content.ts';
import { visit } from '../../lib/clean/visit-tree.ts';
import { corpusFiles, feedxDir, readCorpusArticle } from './corpus.ts';

const tree = (html: string): Root => fromHtml(html, { fragment: true });
const first = (html: string) => tree(html).children[0]!;

describe('hasText', () => {
  test('is true when any text below is not blank, however deep', () => {
    expect(hasText(tree('<div><p> </p><p><b>\u00a0<i>x</i></b></p></div>'))).toBe(true);
  });

  test('is false for whitespace, no-break and zero-width spaces only', () => {
    expect(hasText(tree('<p> \u00a0</p><div>\u200b<br>\u3000</div>'))).toBe(false);
  });

  test('does not count comments below a node as text, but a comment alone is its own text', () => {
    expect(hasText(tree('<p><!-- note --></p>'))).toBe(false);
    expect(hasText(first('<!-- note -->'))).toBe(true);
  });
});

describe('hasMedia', () => {
  test('finds an image with a source, a video or an audio anywhere below', () => {
    expect(hasMedia(tree('<div><p><img src="https://x.example/a.jpg"></p></div>'))).toBe(true);
    expect(hasMedia(tree('<div><video></video></div>'))).toBe(true);
    expect(hasMedia(tree('<audio></audio>'))).toBe(true);
  });

  test('does not count an image without a source', () => {
    expect(hasMedia(tree('<p><img alt="x"></p>'))).toBe(false);
    expect(hasMedia(first('<img alt="x">'))).toBe(false);
  });

  test('an image with an empty src counts, as `img[src]` selects it', () => {
    expect(hasMedia(tree('<p><img src=""></p>'))).toBe(true);
    expect(hasMedia(first('<img src="">'))).toBe(true);
  });
});

describe('createTextOf', () => {
  test('gives the text hast-util-to-string gives, for the tree, its elements, text and comments', () => {
    const root = tree('<p>a<!--c--><b>b<i>i</i></b></p>\n<div><br>d</div>');
    const textOf = createTextOf();
    expect(textOf(root)).toBe('abi\nd');
    const [p] = root.children as [Element];
    expect(textOf(p)).toBe('abi');
    expect(textOf(p.children[1]!)).toBe('c');
    expect(textOf(p.children[0]!)).toBe('a');
  });

  test('keeps the text it read first: a node changed after it was read is not read again', () => {
    const root = tree('<p>old</p>');
    const textOf = createTextOf();
    const [p] = root.children as [Element];
    expect(textOf(p)).toBe('old');
    p.children = [{ type: 'text', value: 'new' }];
    expect(textOf(p)).toBe('old');
  });
});

test('hasText, hasMedia and createTextOf agree with hast-util-to-string and hast-util-select on every element of the corpus (every third file)', () => {
  for (const file of corpusFiles(feedxDir).filter((_, index) => index % 3 === 0)) {
    const root = tree(readCorpusArticle(file).body);
    const textOf = createTextOf();
    visit(root, 'element', (node) => {
      expect(hasText(node)).toBe(!isBlank(toString(node)));
      expect(hasMedia(node)).toBe(isMedia(node) || selectAll('img[src], video, audio', node).length > 0);
      expect(textOf(node)).toBe(toString(node));
    });
  }
});
