// Hostile records through the readers and the importer: each is refused with a message naming
// the feature and the field, never a thrown exception.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { MAX_SHEET_CELLS, MAX_UNZIPPED } from '../../src/core/limits';
import { run } from '../../src/cli/import';
import { importLayer, readFile } from '../../src/io';
import { bytes } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);

function importOne(name: string, text: string, kind: 'communities' | 'facilities' = 'communities') {
  const r = readFile(name, enc(text));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return importLayer(r.layers[0], { kind, file: name });
}

describe('numbers that overflow', () => {
  it('"population": "1e400" and "beds": "1e999" are errors with the plausible range, not crashes', () => {
    const c = importOne(
      'c.geojson',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a","name":"x","type":"built","population":"1e400"},"geometry":{"type":"Point","coordinates":[108.9,34.1]}}]}',
    );
    expect(c.report.problems.map((p) => [p.number, p.id, p.field, p.severity, p.code, p.msg.key, p.msg.args?.max])).toEqual([
      [1, 'a', 'population', 'error', 'implausible', 'io.issue.implausible', 1_000_000],
    ]);
    const f = importOne('f.csv', 'id,名称,类型,床位,经度,纬度\nf1,甲,养老院,1e999,108.9,34.1\nf2,乙,养老院,120,108.9,34.1\n', 'facilities');
    expect(f.report.problems.map((p) => [p.number, p.id, p.field, p.code])).toEqual([[2, 'f1', 'beds', 'implausible']]);
    expect(f.good.map((x) => [x.id, 'beds' in x ? x.beds : undefined])).toEqual([['f2', 120]]);
  });
});

describe('structure that would overflow the stack', () => {
  it('coordinates nested 100 000 deep and GeometryCollections nested 10 000 deep are refused per feature', () => {
    let c = '[108.9,34.1]';
    for (let i = 0; i < 100_000; i++) c = `[${c}]`;
    let g = '{"type":"Point","coordinates":[108.9,34.1]}';
    for (let i = 0; i < 10_000; i++) g = `{"type":"GeometryCollection","geometries":[${g}]}`;
    const feat = (id: string, geom: string) => `{"type":"Feature","properties":{"id":"${id}","name":"x","type":"built"},"geometry":${geom}}`;
    const out = importOne('deep.geojson', `{"type":"FeatureCollection","features":[${feat('p', `{"type":"Polygon","coordinates":${c}}`)},${feat('g', g)}]}`);
    expect(out.report.problems.map((p) => [p.number, p.id, p.field, p.code, p.msg.key])).toEqual([
      [1, 'p', 'geometry', 'bad_geometry', 'io.note.badShape'],
      [2, 'g', 'geometry', 'bad_geometry', 'io.note.badShape'],
    ]);
    expect(String(out.report.problems[1].msg.args?.detail)).toContain('nested more than 8');
  });
});

describe('unknown columns named like Object internals', () => {
  it('a CSV with __proto__, constructor and prototype columns keeps them as data', () => {
    const out = importOne('p.csv', 'id,名称,类型,床位,经度,纬度,__proto__,constructor,prototype\nf1,甲,养老院,10,108.9,34.1,{"polluted":1},c,p\n', 'facilities');
    expect(out.report.problems).toEqual([]);
    const extra = out.good[0].extra;
    expect(Object.keys(extra).sort()).toEqual(['__proto__', 'constructor', 'prototype']);
    // biome-ignore lint/suspicious/noProto: reading the key a hostile file sent, kept as plain data on a null-prototype object
    expect([extra.__proto__, extra.constructor, extra.prototype]).toEqual(['{"polluted":1}', 'c', 'p']);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

/** A zip whose central directory (and local header) declares `declared` bytes for its entries. */
function lyingZip(files: Record<string, Uint8Array>, declared: number): Uint8Array {
  const z = zipSync(files, { level: 9 });
  const dv = new DataView(z.buffer, z.byteOffset, z.byteLength);
  for (let i = 0; i + 4 <= z.length; i++) {
    if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, declared, true);
    if (dv.getUint32(i, true) === 0x04034b50) dv.setUint32(i + 22, declared, true);
  }
  return z;
}

describe('zip bombs, one cap for every zip-based format', () => {
  const xml = enc('<x/>');
  it.each([
    ['sheet.xlsx', { '[Content_Types].xml': xml, 'xl/workbook.xml': xml, 'xl/worksheets/sheet1.xml': xml }],
    ['places.kmz', { 'doc.kml': xml }],
    ['roads.zip', { 'roads.shp': xml, 'roads.dbf': xml }],
  ])('%s declaring 2 × 300 MB is refused from its directory, before anything is inflated', (name, files) => {
    const z = lyingZip({ ...files, 'pad.kml': xml }, 300 * 2 ** 20);
    expect(z.length).toBeLessThan(2000);
    const r = readFile(name, z);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.key).toBe('io.err.zipTooLarge');
    expect(!r.ok && r.error.args).toMatchObject({ file: name, limit: MAX_UNZIPPED / 2 ** 20 });
  });
  it('an entry that inflates to more than it declares is cut at its declared size, and the workbook is reported broken', () => {
    const sheet = enc(`<worksheet>${'<row/>'.repeat(2_000_000)}</worksheet>`);
    const z = lyingZip({ '[Content_Types].xml': xml, 'xl/worksheets/sheet1.xml': sheet }, 64);
    const r = readFile('lie.xlsx', z);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.key).toBe('io.err.xlsxCorrupt');
  });
  it('a sheet whose cells span 1 048 576 rows × 16 384 columns is refused with its size', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['名称', '经度', '纬度']]), 'S');
    const files = unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    // one more cell in the very last row and column (SheetJS would loop over the range to write it)
    const sheet = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>');
    files['xl/worksheets/sheet1.xml'] = enc(sheet);
    const r = readFile('wide.xlsx', zipSync(files));
    expect(!r.ok && r.error).toEqual({ key: 'io.err.sheetTooLarge', args: { file: 'wide.xlsx', sheet: 'S', rows: 1_048_576, columns: 16_384, limit: MAX_SHEET_CELLS } });
  });
});

describe('a declared .dbf encoding that gives nonsense', () => {
  it.each([
    [
      'the header byte says Big5',
      (f: Record<string, Uint8Array>) => {
        const d = f['communities_gk36.dbf'].slice();
        d[29] = 0x4f;
        f['communities_gk36.dbf'] = d;
        delete f['communities_gk36.cpg'];
      },
      'big5',
    ],
    [
      'the .cpg says BIG5',
      (f: Record<string, Uint8Array>) => {
        f['communities_gk36.cpg'] = enc('BIG5');
      },
      'BIG5',
    ],
  ])('%s while the names are GBK: read as GBK, with a note naming what was declared', (_, edit, declared) => {
    const files = unzipSync(bytes('communities-gk36-gbk.zip'));
    edit(files);
    const r = readFile('big5.zip', zipSync(files));
    if (!r.ok) throw new Error(r.error.key);
    const [layer] = r.layers;
    expect(layer.encoding).toEqual({ name: 'gb18030', source: 'detected' });
    expect(layer.features[0].properties.名称).toBe('韦曲街道北街社区');
    expect(layer.notes).toContainEqual({ key: 'io.note.cpgOverridden', args: { declared, used: 'gb18030' } });
    // what the planner reads: `npm run import` prints the note in Chinese (default) and English
    const dir = mkdtempSync(join(tmpdir(), 'big5-'));
    writeFileSync(join(dir, 'big5.zip'), zipSync(files));
    for (const [lang, words] of [
      ['zh', `属性表声明的文字编码是 ${declared}（在 .cpg 文件或 .dbf 文件头里），但按它读出的名称是乱码，已改按 gb18030 读取。请核对名称是否正常。`],
      [
        'en',
        `The attribute table declares its text encoding as ${declared} (in the .cpg file or the .dbf header), but read that way the names are gibberish; they were read as gb18030 instead. Check that the names look right.`,
      ],
    ]) {
      const lines: string[] = [];
      expect(run([join(dir, 'big5.zip'), '--as', 'communities', '--check', '--lang', lang], (l) => lines.push(l))).toBe(0);
      expect(lines).toContain(words);
    }
  });
});

describe('dxf-parser warnings', () => {
  it('are collected into one note instead of printed', () => {
    const dxf = [
      '0',
      'SECTION',
      '2',
      'ENTITIES',
      '0',
      'LWPOLYLINE',
      '8',
      '0',
      '90',
      '4',
      '70',
      '1',
      '10',
      '500000',
      '20',
      '3800000',
      '10',
      '500100',
      '20',
      '3800000',
      '10',
      '500100',
      '20',
      '3800100',
      '10',
      '500000',
      '20',
      '3800100',
      '1234',
      'odd',
      '0',
      'ENDSEC',
      '0',
      'EOF',
      '',
    ].join('\n');
    const printed: unknown[] = [];
    const log = console.log;
    console.log = (...a: unknown[]) => printed.push(a);
    try {
      const r = readFile('w.dxf', enc(dxf), { crs: 'EPSG:4545' });
      if (!r.ok) throw new Error(r.error.key);
      const note = r.layers[0].notes.find((n) => n.key === 'io.note.dxfWarnings');
      // the scanner warns about group code 1234 each time it reads it (peek, then next)
      expect(Number(note?.args?.count)).toBeGreaterThan(0);
      expect(String(note?.args?.first)).toContain('"code":1234');
    } finally {
      console.log = log;
    }
    expect(printed).toEqual([]);
  });
});
