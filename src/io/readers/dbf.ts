// dBASE III tables (the .dbf of a Shapefile). Written here rather than taken from parsedbf so
// that the text encoding can be chosen after looking at all the text bytes (.cpg, then the
// header's language-driver byte, then detection), and so that blank numbers stay missing
// instead of becoming NaN.
import { detectEncoding, labelFromCodePage } from '../bytes';
import { fail } from '../errors';
import { commonShare } from '../chinese-text';

/** The two legacy Chinese encodings one can be mistaken for the other. */
const LEGACY_CHINESE = ['gb18030', 'big5'];
import type { SourceLayer } from '../types';

interface Field {
  name: Uint8Array;
  type: string;
  offset: number;
  length: number;
}

/** Language-driver ids (byte 29) that name an encoding; 0x57 "ANSI" and 0 say nothing useful. */
const LDID: Record<number, string> = { 0x4d: 'gb18030', 0x4f: 'big5', 0x4e: 'euc-kr', 0x4c: 'shift_jis', 0x7a: 'gb18030' };

export interface DbfTable {
  columns: string[];
  rows: Record<string, unknown>[];
  encoding: NonNullable<SourceLayer['encoding']>;
  /** what the .cpg or header said, when the bytes could not be that */
  overrides?: string;
}

export function readDbf(file: string, b: Uint8Array, cpg: string | undefined, forced?: string): DbfTable {
  if (b.length < 32) fail('io.err.dbfCorrupt', { file, detail: `${b.length} bytes` });
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const count = dv.getUint32(4, true);
  const headerLen = dv.getUint16(8, true);
  const recLen = dv.getUint16(10, true);
  const fields: Field[] = [];
  let at = 32;
  let offset = 1; // byte 0 of each record is the deletion flag
  while (at + 32 <= headerLen && at < b.length && b[at] !== 0x0d) {
    const raw = b.subarray(at, at + 11);
    const end = raw.indexOf(0);
    fields.push({ name: raw.subarray(0, end < 0 ? 11 : end), type: String.fromCharCode(b[at + 11]), offset, length: b[at + 16] });
    offset += b[at + 16];
    at += 32;
  }
  const need = headerLen + count * recLen;
  if (b.length < need) fail('io.err.dbfTruncated', { file, rows: count, bytes: b.length, need });

  const { overrides, ...encoding } = chooseEncoding(b, fields, count, headerLen, recLen, cpg, forced);
  const dec = new TextDecoder(encoding.name);
  const names = uniqueNames(fields.map((f) => dec.decode(f.name).trim() || 'field'));
  const rows: Record<string, unknown>[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const base = headerLen + r * recLen;
    const row: Record<string, unknown> = Object.create(null); // a field named __proto__ is data
    fields.forEach((f, k) => {
      row[names[k]] = cell(b.subarray(base + f.offset, base + f.offset + f.length), f.type, dec);
    });
    rows[r] = row;
  }
  return { columns: names, rows, encoding, ...(overrides ? { overrides } : {}) };
}

function cell(bytes: Uint8Array, type: string, dec: TextDecoder): unknown {
  // Visual FoxPro binary numbers (ArcGIS writes them for "Long"/"Double" in some versions)
  if ((type === 'I' && bytes.length === 4) || ((type === 'B' || type === 'O') && bytes.length === 8)) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    return type === 'I' ? dv.getInt32(0, true) : dv.getFloat64(0, true);
  }
  const text = dec.decode(bytes).replace(/\0+$/, '').trim();
  switch (type) {
    case 'N':
    case 'F': {
      if (text === '' || /^\*+$/.test(text)) return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case 'L':
      return /^[YyTt]$/.test(text) ? true : /^[NnFf]$/.test(text) ? false : null;
    case 'D':
      return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : text || null;
    default:
      return text === '' ? null : text;
  }
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = seen.get(n) ?? 0;
    seen.set(n, k + 1);
    return k === 0 ? n : `${n}_${k + 1}`;
  });
}

function chooseEncoding(
  b: Uint8Array,
  fields: Field[],
  count: number,
  headerLen: number,
  recLen: number,
  cpg: string | undefined,
  forced?: string,
): DbfTable['encoding'] & { overrides?: string } {
  if (forced) {
    const label = labelFromCodePage(forced);
    if (!label) fail('io.err.unknownEncoding', { encoding: forced });
    return { name: label, source: 'user' };
  }
  const text = textBytes(b, fields, count, headerLen, recLen);
  const declared = cpg ? labelFromCodePage(cpg) : undefined;
  const ldid = LDID[b[29]];
  const said = declared ? { name: declared, source: 'cpg' as const } : ldid ? { name: ldid, source: 'ldid' as const } : undefined;
  const d = detectEncoding(text);
  if (!said) return { name: d.label, source: d.source === 'utf8' ? 'utf8' : 'detected' };
  // a .cpg copied from another file is a common mistake: bytes that cannot be what it says win
  const utf8 = d.source === 'utf8';
  const nonAscii = text.some((x) => x >= 0x80);
  if (said.name === 'utf-8' && !utf8) return { name: d.label, source: 'detected', overrides: `${cpg ?? ''}`.trim() };
  if (said.name !== 'utf-8' && utf8 && nonAscii) return { name: 'utf-8', source: 'utf8', overrides: (cpg ?? said.name).trim() };
  // the same common-character test as for undeclared text: Big5 declared for GBK names (or the
  // reverse) reads as rare characters (酗假潔桽…); the other legacy encoding wins when it reads clearly better
  if (said.name !== 'utf-8' && nonAscii) {
    const mine = commonShare(new TextDecoder(said.name).decode(text));
    const other = LEGACY_CHINESE.filter((l) => l !== said.name)
      .map((l) => ({ l, share: commonShare(new TextDecoder(l).decode(text)) }))
      .sort((a, c) => c.share - a.share)[0];
    if (other && other.share >= 0.3 && other.share > mine + 0.2) return { name: other.l, source: 'detected', overrides: (cpg ?? said.name).trim() };
  }
  return said;
}

/** The bytes that are text (field names and character fields), up to 256 KiB, for the detector. */
function textBytes(b: Uint8Array, fields: Field[], count: number, headerLen: number, recLen: number): Uint8Array {
  const parts: Uint8Array[] = fields.map((f) => f.name);
  const textFields = fields.filter((f) => f.type === 'C');
  let size = 0;
  for (let r = 0; r < count && size < 256 * 1024; r++) {
    const base = headerLen + r * recLen;
    for (const f of textFields) {
      const s = b.subarray(base + f.offset, base + f.offset + f.length);
      parts.push(s, SPACE);
      size += s.length + 1;
    }
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of parts) {
    all.set(p, k);
    k += p.length;
  }
  return all;
}

const SPACE = new Uint8Array([0x20]);
