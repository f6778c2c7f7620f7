import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { detectLanguage } from '../../lib/article/detect-language.ts';
import { readingMinutes } from '../../lib/article/reading-time.ts';
import { summaryOpensBody } from '../../lib/article/summary-opens-body.ts';
import '../../lib/clean/clean-data.ts';
import { plainText } from '../../lib/clean/plain-text.ts';
import { cleanProcessor } from '../../lib/clean/processor.ts';
import { corpusFiles, feedxDir, readCorpusArticle, seedDir } from './corpus.ts';

const tree = (html: string): Root => fromHtml(html, { fragment: true });

describe('plainText', () => {
  test('keeps words in separate blocks, lines and cells apart, and inline runs together', () => {
    expect(plainText(tree('<p>end</p><p>Start <b>of</b> the<i>se</i></p><div>one<br>two</div>'))).toBe('end\nStart of these\none\ntwo');
    expect(plainText(tree('<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>'))).toBe('a b\nc');
  });

  test('collapses runs of spaces and trims every line', () => {
    expect(plainText(tree('<p>  a \n\t b  </p>\n\n<p>  c</p>'))).toBe('a b\nc');
  });

  test('leaves out what a browser does not render, and comments', () => {
    expect(plainText(tree('<p>shown<script>hidden()</script><style>p{}</style><template>t</template><!-- c --></p>'))).toBe('shown');
  });

  test('is the trimmed value of a lone text node, and empty for a node without text', () => {
    expect(plainText({ type: 'text', value: '  x ' })).toBe('x');
    expect(plainText({ type: 'comment', value: 'x' })).toBe('');
  });

  // What the text is for: it must tell the same as hast-util-to-text's, on real bodies after cleaning.
  test('gives the same language, reading time and summary verdict as hast-util-to-text on every corpus file', () => {
    const files = [...corpusFiles(feedxDir), ...corpusFiles(seedDir)];
    let compared = 0;
    for (const file of files) {
      const article = readCorpusArticle(file);
      const vfile = new VFile({ value: article.body, data: { cleanContext: { url: article.url, publishedAt: article.publishedAt } } });
      const cleaned = cleanProcessor.runSync(cleanProcessor.parse(vfile), vfile);
      const ours = plainText(cleaned);
      const reference = toText(cleaned).trim();
      const summary = vfile.data.summary ?? '';
      expect({ file, empty: ours === '', lang: detectLanguage(ours, 'en'), minutes: readingMinutes(ours), opens: summaryOpensBody(summary, ours) }).toEqual({
        file,
        empty: reference === '',
        lang: detectLanguage(reference, 'en'),
        minutes: readingMinutes(reference),
        opens: summaryOpensBody(summary, reference),
      });
      compared += 1;
    }
    expect(compared).toBe(files.length);
    expect(compared).toBeGreaterThan(370);
  });
});
