import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeText } from '../../lib/read/decode-text.ts';
import { parseRawArticle } from '../../lib/read/parse-raw-article.ts';
import { feedxDir } from '../corpus-dir.ts';

const simplified = [
  '<!--1679044502000-->',
  '[习近平3月20日访俄与普京讨论深化战略合作（克宫）](https://www.rfi.fr/cn/20230317-visit)',
  '------',
  '',
  '<p>中国国家主席习近平将在3月20日至22日对俄罗斯进行国事访问。莫斯科说，普京将与习近平讨论深化战略合作。</p>',
  '<p>此刻正值俄罗斯入侵乌克兰超过一周年，双方在乌东战事胶着之际，中国提出了和平方案，西方国家对此表示怀疑。</p>',
  '',
].join('\n');

const traditional = [
  '<!--1595719192000-->',
  '[台中規模4.1地震 最大震度彰化縣四級](https://www.rti.org.tw/news/view/id/2073500)',
  '------',
  '',
  '<p>中央氣象局表示，今天下午台中市發生規模四點一的地震，最大震度出現在彰化縣，達到四級。</p>',
  '<p>氣象局說明，這次地震屬於淺層地震，各地民眾都有明顯感覺，目前沒有接獲災情通報。</p>',
  '',
].join('\n');

const titleOf = (text: string) => {
  const parsed = parseRawArticle(text);
  return parsed.ok ? parsed.value.title : parsed.reason;
};

const decoded = (bytes: Uint8Array) => {
  const result = decodeText(bytes);
  return result.ok ? result.value : `FAILED: ${result.reason}`;
};

const bytesOf = (...parts: Array<number[] | Uint8Array>) => new Uint8Array(Buffer.concat(parts.map((part) => Buffer.from(part))));

describe('decodeText', () => {
  test('reads UTF-8 as is', () => {
    expect(decoded(new TextEncoder().encode(simplified))).toBe(simplified);
  });

  test('strips a UTF-8 byte order mark', () => {
    const text = decoded(bytesOf([0xef, 0xbb, 0xbf], new TextEncoder().encode(simplified)));
    expect(text).toBe(simplified);
    expect(titleOf(text)).toBe('习近平3月20日访俄与普京讨论深化战略合作（克宫）');
  });

  test('turns CRLF and lone CR line ends into LF', () => {
    expect(decoded(new TextEncoder().encode('a\r\nb\rc\n'))).toBe('a\nb\nc\n');
  });

  test('decodes UTF-16LE with a byte order mark', () => {
    const text = decoded(bytesOf([0xff, 0xfe], iconv.encode(simplified, 'utf-16le')));
    expect(titleOf(text)).toBe('习近平3月20日访俄与普京讨论深化战略合作（克宫）');
  });

  test('decodes UTF-16BE with a byte order mark', () => {
    const text = decoded(bytesOf([0xfe, 0xff], iconv.encode(traditional, 'utf-16be')));
    expect(titleOf(text)).toBe('台中規模4.1地震 最大震度彰化縣四級');
  });

  test('detects and decodes GB18030', () => {
    const bytes = iconv.encode(simplified, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decoded(bytes)).toBe(simplified);
  });

  test('detects and decodes GBK (read as its superset GB18030)', () => {
    expect(titleOf(decoded(iconv.encode(simplified, 'gbk')))).toBe('习近平3月20日访俄与普京讨论深化战略合作（克宫）');
  });

  test('detects and decodes Big5', () => {
    const bytes = iconv.encode(traditional, 'big5');
    expect(decoded(bytes)).toBe(traditional);
    expect(titleOf(decoded(bytes))).toBe('台中規模4.1地震 最大震度彰化縣四級');
  });

  test('decodes a real corpus file with CRLF line ends to LF only', () => {
    const text = decoded(readFileSync(`${feedxDir}/rfa-09.txt`));
    expect(readFileSync(`${feedxDir}/rfa-09.txt`).includes(0x0d)).toBe(true);
    expect(text).not.toContain('\r');
  });

  test('refuses a legacy encoding that is not Chinese rather than garbling it', () => {
    const result = decodeText(iconv.encode('<p>Un café très élégant à Genève, déjà célèbre.</p>', 'latin1'));
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.reason).toMatch(/^cannot decode: not UTF-8, UTF-16 or a known Chinese encoding/);
  });

  test('names broken UTF-8 as such', () => {
    const bytes = bytesOf(new TextEncoder().encode(simplified.repeat(3)), [0xe4, 0xb8]);
    expect(decodeText(bytes)).toEqual({ ok: false, reason: 'cannot decode: invalid UTF-8' });
  });

  test('fails on an empty file', () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
  });

  test('fails on a file of blank lines', () => {
    expect(decodeText(new TextEncoder().encode('\n \r\n\t\n'))).toEqual({ ok: false, reason: 'empty file' });
  });

  test('rejects binary bytes with NULs', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
    expect(decodeText(new Uint8Array(png))).toEqual({ ok: false, reason: 'not a text file' });
  });

  test('rejects text full of control characters', () => {
    const bytes = new TextEncoder().encode('abc\u0001\u0002\u0003def\u0004\u0005\u0006ghi\u0007\u0008');
    expect(decodeText(bytes)).toEqual({ ok: false, reason: 'not a text file' });
  });

  test('rejects UTF-16 text that decodes to NULs', () => {
    const bytes = bytesOf([0xff, 0xfe], [0x41, 0x00, 0x00, 0x00, 0x42, 0x00]);
    expect(decodeText(bytes)).toEqual({ ok: false, reason: 'not a text file' });
  });
});
