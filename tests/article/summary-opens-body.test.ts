import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildArticle } from '../../lib/article/build-article.ts';
import { summaryOpensBody } from '../../lib/article/summary-opens-body.ts';
import { cleanBody } from '../../lib/clean/clean-body.ts';
import { proseText } from '../../lib/clean/prose-text.ts';
import { corpusFiles, readCorpusArticle, seedDir } from '../clean/corpus.ts';
import { siteConfigSchema } from '../../lib/config/site-config-schema.ts';
import { feedxDir } from '../corpus-dir.ts';

const config = siteConfigSchema.parse({ title: 'Test', url: 'https://example.org' });
const build = (name: string, bytes: Uint8Array) => {
  const result = buildArticle({ file: name, bytes }, config);
  if (!result.ok) throw new Error(`${name}: ${result.reason}`);
  return result.value;
};
const corpusArticle = (name: string) => build(name, readFileSync(join(feedxDir, name)));
const squash = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, '');
const paragraphs = (html: string) => [...html.matchAll(/<p[^>]*>([^]*?)<\/p>/g)].map((match) => squash(match[1]!.replace(/<[^>]+>/g, '')));

test('a body that starts with the summary, whatever the spacing and punctuation, opens with it', () => {
  expect(summaryOpensBody('中国国家主席习近平将在3月20-22日对俄罗斯进行“国是访问”。', '中国国家主席 习近平将在3月20-22日\n对俄罗斯进行"国是访问".莫斯科说……')).toBe(true);
});

test('a cut summary ending in an ellipsis still matches the full text', () => {
  expect(summaryOpensBody('The central bank raised rates…', 'The central bank raised rates again on Thursday.')).toBe(true);
});

test('a summary taken from elsewhere does not open the body', () => {
  expect(summaryOpensBody('A lead that is not in the body.', 'The body starts differently.', 'The body starts differently.')).toBe(false);
});

test('a summary found only after the first paragraph of prose does not open the body', () => {
  const lead = 'The first paragraph of the body is about something else entirely.';
  expect(summaryOpensBody('A marked lead further down.', `${lead}\nA marked lead further down.`, lead)).toBe(false);
});

test('an empty summary never needs showing', () => {
  expect(summaryOpensBody('', 'Anything.')).toBe(true);
});

test('a body that opens with the summary once its raw URLs and rule lines are left out, as summaries leave them', () => {
  expect(summaryOpensBody('小罗的频道： 我的小红书 罗宾频道', '小罗的频道：https://www.youtube.com/@Lil-Luo/videos我的小红书=========\n罗宾频道快速搜索')).toBe(true);
});

/** The rule as written: the summary within the fold of the whole body's prose. */
function foldingTheWholeBody(summary: string, bodyText: string, lead?: string): boolean {
  const fold = (text: string) => text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
  const wanted = fold(summary.replace(/(…|\.\.\.)$/u, ''));
  if (!wanted) return true;
  const body = fold(proseText(bodyText));
  const at = body.indexOf(wanted);
  if (at === 0) return true;
  if (at < 0 || lead === undefined) return false;
  const leadAt = body.indexOf(fold(proseText(lead)));
  return leadAt >= 0 && at <= leadAt;
}

describe('decides as folding the whole body does, though it folds only its head where that tells', () => {
  test('a final sigma: Σ lower-cases by what follows it, even past the head', () => {
    // Punctuation folds away, so the head's fold can end right at the Σ, where the whole body's goes on.
    for (const summary of ['ΟΔΟΣ', 'Η ΟΔΟΣ', 'ΟΔΟ']) {
      for (let pad = 60; pad < 240; pad += 7) {
        const body = `${'…'.repeat(pad)}ΟΔΟΣ ΑΘΗΝΑ ΠΕΙΡΑΙΑΣ ${'ΑΒ '.repeat(60)}`;
        expect(summaryOpensBody(summary, body), `${summary} / ${pad}`).toBe(foldingTheWholeBody(summary, body));
      }
    }
  });

  test('"WWW." leaves the prose when the body has a slash anywhere, even far past the head', () => {
    const summary = 'WWW.EXAMPLE.COM reports the news of the day from the whole wide world.';
    const body = `${summary} ${'More words of the body here. '.repeat(20)}And a link: see page 2/3.`;
    expect(summaryOpensBody(summary, body)).toBe(foldingTheWholeBody(summary, body));
    expect(summaryOpensBody(summary, body)).toBe(false);
  });

  test('on every corpus body, with its own summary and lead and with the summary of the next body', () => {
    const bodies = [...corpusFiles(feedxDir), ...corpusFiles(seedDir)].map((file) => {
      const { body, url, publishedAt } = readCorpusArticle(file);
      return cleanBody(body, { url, publishedAt });
    });
    expect(bodies.length).toBeGreaterThan(300);
    let opened = 0;
    bodies.forEach((cleaned, i) => {
      const other = bodies[(i + 1) % bodies.length]!;
      for (const [summary, lead] of [[cleaned.summary, cleaned.lead], [cleaned.summary, undefined], [other.summary, cleaned.lead]] as const) {
        const expected = foldingTheWholeBody(summary, cleaned.text, lead);
        expect(summaryOpensBody(summary, cleaned.text, lead)).toBe(expected);
        if (expected) opened += 1;
      }
    });
    expect(opened).toBeGreaterThan(100);
  });
});

describe('on the corpus', () => {
  test('a lead past the photo credit and its caption (BBC) opens the body', () => {
    const { data, html } = corpusArticle('bbc-02.txt');
    expect(html.indexOf('<figcaption>')).toBeLessThan(html.indexOf(data.summary.slice(0, 12)));
    expect(data.summaryOpensBody).toBe(true);
  });

  test('a lead past the byline, the caption and the newsletter promo (NYT) opens the body', () => {
    expect(corpusArticle('nytimes-01.txt').data.summaryOpensBody).toBe(true);
  });

  test('a short marked lead (BBC story-body__introduction) before the first long paragraph opens the body', () => {
    const { data } = corpusArticle('bbc-19.txt');
    expect(data.summary).toBe('对外贸易遇到麻烦，国内消费来救。');
    expect(data.summaryOpensBody).toBe(true);
  });

  const all = readdirSync(feedxDir)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => {
      const result = buildArticle({ file: name, bytes: readFileSync(join(feedxDir, name)) }, config);
      return result.ok ? [{ name, article: result.value }] : [];
    });

  test('no article shows a summary box that one of its first three paragraphs already says', () => {
    const repeated = all.filter(({ article: { data, html } }) => {
      if (data.summaryOpensBody || data.summary === '') return false;
      const wanted = squash(data.summary.replace(/…$/, ''));
      return paragraphs(html).slice(0, 3).some((text) => text.startsWith(wanted));
    });
    expect(repeated.map(({ name }) => name)).toEqual([]);
    // The rule has something to judge: most corpus summaries come from the body with something before them.
    expect(all.filter(({ article }) => !paragraphs(article.html)[0]?.startsWith(squash(article.data.summary).slice(0, 10))).length).toBeGreaterThan(50);
  });

  test('a photo caption is never the summary', () => {
    const captioned = all.filter(({ article }) => article.html.includes('<figcaption'));
    expect(captioned.length).toBeGreaterThan(50);
    const captionSummaries = captioned.filter(({ article: { data, html } }) =>
      [...html.matchAll(/<figcaption[^>]*>([^]*?)<\/figcaption>/g)].some((match) => {
        const caption = squash(match[1]!.replace(/<[^>]+>/g, ''));
        return caption.length > 0 && squash(data.summary).startsWith(caption.slice(0, 30));
      }),
    );
    expect(captionSummaries.map(({ name }) => name)).toEqual([]);
  });
});
