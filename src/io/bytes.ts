// Bytes in, text out: encoding detection that does not assume UTF-8 (GBK/GB18030 files are
// common from Chinese government offices and must not turn into mojibake).
import { commonShare } from './chinese-text';

export type BytesLike = Uint8Array | ArrayBuffer;

export function toBytes(b: BytesLike): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b);
}

/** Code-page names found in .cpg files and similar places. */
export function labelFromCodePage(raw: string): string | undefined {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/^cp/, '')
    .replace(/^windows-/, '');
  if (s === '') return undefined;
  if (['utf-8', 'utf8', '65001'].includes(s)) return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', '936', '54936', 'euc-cn'].includes(s)) return 'gb18030';
  if (['big5', '950'].includes(s)) return 'big5';
  if (['1252', 'latin1', 'iso-8859-1', '88591', '8859_1', 'iso88591'].includes(s)) return 'windows-1252';
  try {
    return new TextDecoder(raw.trim()).encoding;
  } catch {
    return undefined;
  }
}

function isValidUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

function decodesCleanly(b: Uint8Array, label: string): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

export interface Detected {
  label: string;
  source: 'bom' | 'utf8' | 'detected';
}

/**
 * BOM first; then valid UTF-8 (plain ASCII included); then GB18030 (a superset of GBK and GB2312,
 * whose byte ranges accept almost anything) unless the bytes decode cleanly as Big5 AND read as
 * more common Chinese that way (chinese-text.ts): Big5 read as GBK, or GBK as Big5, is gibberish.
 */
export function detectEncoding(b: Uint8Array): Detected {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { label: 'utf-8', source: 'bom' };
  if (b[0] === 0xff && b[1] === 0xfe) return { label: 'utf-16le', source: 'bom' };
  if (b[0] === 0xfe && b[1] === 0xff) return { label: 'utf-16be', source: 'bom' };
  const sample = b.length > 256 * 1024 ? b.subarray(0, 256 * 1024) : b;
  if (isValidUtf8(trimPartialUtf8(sample, b.length > sample.length))) return { label: 'utf-8', source: 'utf8' };
  // a sample cut off the file may end inside a two-byte character
  const cut = b.length > sample.length;
  if (decodesCleanly(sample, 'big5') || (cut && decodesCleanly(sample.subarray(0, sample.length - 1), 'big5'))) {
    const big5 = commonShare(new TextDecoder('big5').decode(sample));
    const gb = commonShare(new TextDecoder('gb18030').decode(sample));
    if (big5 > gb) return { label: 'big5', source: 'detected' };
  }
  return { label: 'gb18030', source: 'detected' };
}

/** A sample cut mid-character must not make valid UTF-8 look invalid: drop a trailing partial sequence. */
function trimPartialUtf8(b: Uint8Array, wasCut: boolean): Uint8Array {
  if (!wasCut) return b;
  const end = b.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const c = b[end - k];
    if ((c & 0xc0) === 0xc0) return b.subarray(0, end - k);
    if ((c & 0x80) === 0) break;
  }
  return b;
}

export function decodeText(b: Uint8Array, label?: string): { text: string; encoding: Detected } {
  const det: Detected = label ? { label, source: 'detected' } : detectEncoding(b);
  // TextDecoder strips a BOM of its own encoding by default
  const text = new TextDecoder(det.label).decode(b);
  return { text, encoding: det };
}

/** Zip local-file magic "PK\x03\x04" (also an empty zip "PK\x05\x06"). */
export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05);
}
