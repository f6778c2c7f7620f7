import { expect, test } from 'vitest';
import { summaryOpensBody } from '../../lib/article/summary-opens-body.ts';

test('a body that starts with the summary, whatever the spacing, opens with it', () => {
  expect(summaryOpensBody('中国国家主席习近平将在3月20-22日对俄罗斯进行“国是访问”。', '中国国家主席 习近平将在3月20-22日\n对俄罗斯进行“国是访问”。莫斯科说……')).toBe(true);
});

test('a cut summary ending in an ellipsis still matches the full text', () => {
  expect(summaryOpensBody('The central bank raised rates…', 'The central bank raised rates again on Thursday.')).toBe(true);
});

test('a summary taken from elsewhere does not open the body', () => {
  expect(summaryOpensBody('A lead that is not in the body.', 'The body starts differently.')).toBe(false);
});

test('an empty summary never needs showing', () => {
  expect(summaryOpensBody('', 'Anything.')).toBe(true);
});

test('a body that opens with the summary once its raw URLs and rule lines are left out, as summaries leave them', () => {
  expect(summaryOpensBody('小罗的频道： 我的小红书 罗宾频道', '小罗的频道：https://www.youtube.com/@Lil-Luo/videos我的小红书=========\n罗宾频道快速搜索')).toBe(true);
});
