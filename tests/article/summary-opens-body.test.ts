import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildArticle } from '../../lib/article/build-article.ts';
import { summaryOpensBody } from '../../lib/article/summary-opens-body.ts';
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
