import type { Element, Nodes, Parents, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import * as reference from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { CONTINUE, EXIT, SKIP, visit, visitParents, type VisitorResult } from '../../lib/clean/visit-tree.ts';
import { corpusFiles, feedxDir, readCorpusArticle } from './corpus.ts';

const tree = (html: string): Root => fromHtml(html, { fragment: true });
const toHtml = (root: Root): string => unified().use(rehypeStringify).stringify(root);
const name = (node: Nodes): string => (node.type === 'element' ? node.tagName : node.type === 'text' ? node.value : node.type);

/** The names of the nodes `visit` calls the visitor on, in order, while the visitor does `act`. */
function walked(root: Root, act: (node: Nodes, index: number | undefined, parent: Parents | undefined) => VisitorResult = () => undefined): string[] {
  const names: string[] = [];
  visit(root, (node, index, parent) => {
    names.push(name(node));
    return act(node, index, parent);
  });
  return names;
}

describe('visit', () => {
  test('visits every node depth-first in document order, the root first, with its index and parent', () => {
    const root = tree('<p>a<b>b</b></p><i>c</i>');
    const seen: string[] = [];
    visit(root, (node, index, parent) => {
      seen.push(`${name(node)}@${index ?? '-'} in ${parent === undefined ? '-' : name(parent)}`);
    });
    expect(seen).toEqual(['root@- in -', 'p@0 in root', 'a@0 in p', 'b@1 in p', 'b@0 in b', 'i@1 in root', 'c@0 in i']);
  });

  test('with a type, calls the visitor on nodes of that type only, but still walks into the others', () => {
    const root = tree('<p>a<b>b</b></p><!--x-->c');
    const elements: string[] = [];
    const texts: string[] = [];
    visit(root, 'element', (node) => void elements.push(node.tagName));
    visit(root, 'text', (node) => void texts.push(node.value));
    expect(elements).toEqual(['p', 'b']);
    expect(texts).toEqual(['a', 'b', 'c']);
  });

  test('CONTINUE and nothing both go into the children, then on to the next sibling', () => {
    expect(walked(tree('<p>a</p><p>b</p>'), () => CONTINUE)).toEqual(['root', 'p', 'a', 'p', 'b']);
    expect(walked(tree('<p>a</p><p>b</p>'), () => undefined)).toEqual(['root', 'p', 'a', 'p', 'b']);
  });

  test('SKIP leaves out the children and goes on with the next sibling', () => {
    expect(walked(tree('<p>a<b>b</b></p><i>c</i>'), (node) => (name(node) === 'p' ? SKIP : undefined))).toEqual(['root', 'p', 'i', 'c']);
  });

  test('EXIT stops the whole walk, even from deep inside', () => {
    expect(walked(tree('<p>a<b>b</b>c</p><i>d</i>'), (node) => (name(node) === 'b' ? EXIT : undefined))).toEqual(['root', 'p', 'a', 'b']);
    expect(walked(tree('<p>a</p>'), () => EXIT)).toEqual(['root']);
  });

  test('an index goes on with that sibling after the node\'s children, backwards as well as forwards', () => {
    expect(walked(tree('<p>a</p><i>b</i><u>c</u>'), (node) => (name(node) === 'p' ? 2 : undefined))).toEqual(['root', 'p', 'a', 'u', 'c']);
    let again = true;
    const back = walked(tree('<p>a</p><i>b</i>'), (node) => {
      if (name(node) !== 'i' || !again) return undefined;
      again = false;
      return 0;
    });
    expect(back).toEqual(['root', 'p', 'a', 'i', 'b', 'p', 'a', 'i', 'b']);
  });

  test('an index past either end finishes the parent\'s children, not the walk', () => {
    expect(walked(tree('<div><p>a</p><i>b</i></div><u>c</u>'), (node) => (name(node) === 'p' ? -1 : undefined))).toEqual(['root', 'div', 'p', 'a', 'u', 'c']);
    expect(walked(tree('<div><p>a</p><i>b</i></div><u>c</u>'), (node) => (name(node) === 'p' ? 9 : undefined))).toEqual(['root', 'div', 'p', 'a', 'u', 'c']);
  });

  test('[SKIP, index] after a removal checks the node that moved into its place: nothing is skipped or repeated', () => {
    const root = tree('<p>keep</p><b>x</b><b>y</b><p>keep<b>z</b></p><b>w</b>');
    const seen = walked(root, (node, index, parent) => {
      if (node.type !== 'element' || node.tagName !== 'b' || parent === undefined || index === undefined) return undefined;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
    expect(toHtml(root)).toBe('<p>keep</p><p>keep</p>');
    expect(seen).toEqual(['root', 'p', 'keep', 'b', 'b', 'p', 'keep', 'b', 'b']);
  });

  test('[CONTINUE, index] goes into the children and then on at the index', () => {
    expect(walked(tree('<p>a</p><i>b</i><u>c</u>'), (node) => (name(node) === 'p' ? [CONTINUE, 2] : undefined))).toEqual(['root', 'p', 'a', 'u', 'c']);
  });

  test('an element replaced by its children returns its index: the children are walked where they now are', () => {
    const root = tree('<p><span>a<span>b</span></span>c</p>');
    visit(root, 'element', (node, index, parent) => {
      if (node.tagName !== 'span' || parent === undefined || index === undefined) return undefined;
      parent.children.splice(index, 1, ...node.children);
      return index;
    });
    expect(toHtml(root)).toBe('<p>abc</p>');
  });

  test('a node inserted after the current one is visited; one inserted before it is passed over by returning the index after both', () => {
    const after = tree('<p>a</p><p>b</p>');
    const afterSeen = walked(after, (node, index, parent) => {
      if (name(node) !== 'a' || parent === undefined || index === undefined) return undefined;
      parent.children.splice(index + 1, 0, { type: 'text', value: 'new' });
      return undefined;
    });
    expect(afterSeen).toEqual(['root', 'p', 'a', 'new', 'p', 'b']);

    const before = tree('<hr><img src="x.jpg"><hr>');
    const beforeSeen = walked(before, (node, index, parent) => {
      if (name(node) !== 'img' || parent === undefined || index === undefined) return undefined;
      parent.children.splice(index, 0, h('span', 'caption'));
      return [SKIP, index + 2];
    });
    expect(toHtml(before)).toBe('<hr><span>caption</span><img src="x.jpg"><hr>');
    expect(beforeSeen).toEqual(['root', 'hr', 'img', 'hr']);
  });

  test('children the visitor replaces are the ones walked', () => {
    const root = tree('<p>old</p>');
    const seen = walked(root, (node) => {
      if (node.type === 'element' && node.tagName === 'p') node.children = [{ type: 'text', value: 'new' }];
      return undefined;
    });
    expect(seen).toEqual(['root', 'p', 'new']);
  });

  test('walks a subtree as well as a whole tree, the subtree\'s root with no index or parent', () => {
    const root = tree('<div><a href="/x">x</a></div>');
    const div = root.children[0] as Element;
    const seen: string[] = [];
    visit(div, 'element', (node, index, parent) => void seen.push(`${node.tagName}@${index ?? '-'} in ${parent === undefined ? '-' : name(parent)}`));
    expect(seen).toEqual(['div@- in -', 'a@0 in div']);
  });
});

describe('visitParents', () => {
  test('gives each node its ancestors, root first', () => {
    const seen: string[] = [];
    visitParents(tree('<p>a<b>b</b></p>'), 'text', (node, ancestors) => void seen.push(`${node.value}: ${ancestors.map(name).join(' > ')}`));
    expect(seen).toEqual(['a: root > p', 'b: root > p > b']);
  });

  test('takes the same return values as visit', () => {
    const seen: string[] = [];
    visitParents(tree('<p>a<b>b</b></p><i>c</i><u>d</u>'), (node) => {
      seen.push(name(node));
      if (name(node) === 'p') return SKIP;
      return name(node) === 'i' ? EXIT : CONTINUE;
    });
    expect(seen).toEqual(['root', 'p', 'i']);
  });
});

describe('against unist-util-visit on the corpus', () => {
  const articles = corpusFiles(feedxDir).map(readCorpusArticle);

  test('visits the same nodes with the same index and parent', () => {
    for (const { body } of articles) {
      const root = tree(body);
      const ours: Array<[Nodes, number | undefined, Parents | undefined]> = [];
      const theirs: typeof ours = [];
      visit(root, (node, index, parent) => void ours.push([node, index, parent]));
      reference.visit(root, (node, index, parent) => void theirs.push([node, index, parent]));
      expect(ours.length).toBe(theirs.length);
      ours.forEach((entry, i) => expect(entry.every((value, j) => value === theirs[i]![j])).toBe(true));
    }
  });

  test('leaves the same tree when the visitor removes, unwraps and skips', () => {
    const edit = (skip: unknown, node: Nodes, index: number | undefined, parent: Parents | undefined) => {
      if (node.type !== 'element' || parent === undefined || index === undefined) return undefined;
      if (node.tagName === 'span' || node.tagName === 'div') {
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      if (node.tagName === 'img' || node.tagName === 'br') {
        parent.children.splice(index, 1);
        return [skip, index] as const;
      }
      return node.tagName === 'blockquote' ? skip : undefined;
    };
    for (const { body } of articles) {
      const ours = tree(body);
      const theirs = tree(body);
      visit(ours, (node, index, parent) => edit(SKIP, node, index, parent) as VisitorResult);
      reference.visit(theirs, (node, index, parent) => edit(reference.SKIP, node, index, parent) as reference.VisitorResult);
      expect(toHtml(ours)).toBe(toHtml(theirs));
    }
  });
});
