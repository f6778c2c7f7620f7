import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { fail, ok, type Result } from '../result.ts';

/** chardet names we trust iconv-lite to decode; GB18030 is a superset of GBK and GB2312. */
const chineseEncodings: Record<string, string> = {
  GB18030: 'gb18030',
  GBK: 'gb18030',
  GB2312: 'gb18030',
  Big5: 'big5',
};

/** Above this share of control characters a "text" is really binary data. */
const maxControlShare = 0.01;

/**
 * Raw file bytes → text with LF line ends.
 * UTF-8 (BOM stripped), UTF-16 with a BOM, or GB18030/GBK/GB2312/Big5 as detected by chardet;
 * anything else fails rather than giving garbled text.
 */
export function decodeText(bytes: Uint8Array): Result<string> {
  if (bytes.length === 0) return fail('empty file');

  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;

  const text = decoded.value.replace(/\r\n?/g, '\n');
  if (text.includes('\u0000') || controlShare(text) > maxControlShare) return fail('not a text file');
  if (text.trim() === '') return fail('empty file');
  return ok(text);
}

function decodeBytes(bytes: Uint8Array): Result<string> {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeStrict('utf-8', bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return decodeStrict('utf-16le', bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return decodeStrict('utf-16be', bytes.subarray(2));
  // Without a BOM, NUL bytes mean binary data (or UTF-16 we cannot tell the byte order of).
  if (bytes.includes(0)) return fail('not a text file');

  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8.ok) return utf8;

  const detected = analyse(bytes)[0]?.name;
  const encoding = detected === undefined ? undefined : chineseEncodings[detected];
  if (detected === 'UTF-8') return fail('cannot decode: invalid UTF-8');
  if (encoding === undefined) return cannotDecode(detected);
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  // iconv-lite substitutes U+FFFD for byte sequences the encoding does not define.
  return text.includes('\ufffd') ? cannotDecode(detected) : ok(text);
}

function decodeStrict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): Result<string> {
  try {
    return ok(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return fail(`cannot decode: invalid ${encoding.toUpperCase()}`);
  }
}

function cannotDecode(detected: string | undefined): Result<string> {
  const guess = detected === undefined ? '' : ` (looks like ${detected})`;
  return fail(`cannot decode: not UTF-8, UTF-16 or a known Chinese encoding${guess}`);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** C0 controls other than tab, line feed and form feed, and DEL. */
const controlCharacters = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

function controlShare(text: string): number {
  return (text.match(controlCharacters)?.length ?? 0) / text.length;
}
