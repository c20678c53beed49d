// The corpus of broken files: each gives its own specific message and changes nothing (no
// layers returned, the CLI writes no file and exits 1). Files are made here from the good fixtures.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { formatProblem, importLayer, readFile } from '../../src/io';
import { tm } from '../../src/i18n';
import type { Msg } from '../../src/core/model';
import { run } from '../../src/cli/import';
import { bytes, readOk } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);
const shpZip = () => unzipSync(bytes('communities-gk36-gbk.zip'));
const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

function xlsxWithFormulas(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([
    ['名称', '类型', '床位', '护理型床位', '经度', '纬度'],
    ['甲', '养老院', 100, 30, 108.93, 34.16],
    [],
    [],
    ['乙', '养老院', 80, null, 108.94, 34.17],
  ]);
  ws.D5 = { t: 'n', f: 'C5*0.3', v: 0 };
  ws.E6 = { t: 'e', f: '1/0', v: 7, w: '#DIV/0!' };
  ws.A6 = { t: 's', v: '丙' };
  ws.B6 = { t: 's', v: '养老院' };
  ws.F6 = { t: 'n', v: 34.18 };
  ws['!ref'] = 'A1:F6';
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  const z = unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  // a formula whose result was never saved, as files written by scripts (openpyxl …) have it: <f> without <v>
  const xml = new TextDecoder().decode(z['xl/worksheets/sheet1.xml']);
  const stripped = xml.replace(/(<f>C5\*0\.3<\/f>)<v>0<\/v>/, '$1');
  if (stripped === xml) throw new Error('fixture: formula cell not found in the sheet XML');
  z['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(stripped);
  return zipSync(z);
}

/** name, bytes, expected fatal message (key + the arguments that make it specific) */
const UNREADABLE: [string, () => Uint8Array, Msg][] = [
  ['truncated.zip', () => bytes('communities-gk36-gbk.zip').subarray(0, 900), { key: 'io.err.zipCorrupt', args: { file: 'truncated.zip' } }],
  [
    'no-dbf.zip',
    () => {
      const z = shpZip();
      delete z['communities_gk36.dbf'];
      return zipSync(z);
    },
    { key: 'io.err.shpNoDbf', args: { file: 'no-dbf.zip', layer: 'communities_gk36' } },
  ],
  [
    'wrong-prj.zip',
    () => zipSync({ ...shpZip(), 'communities_gk36.prj': enc(WGS84_PRJ) }),
    { key: 'io.err.prjMismatch', args: { file: 'wrong-prj.zip', crs: 'EPSG:4326', suggestion: 'EPSG:4524' } },
  ],
  [
    'wrong-zone-prj.zip',
    () => {
      const z = shpZip();
      z['communities_gk36.prj'] = unzipSync(bytes('facilities-cm108-gbk.zip'))['facilities_cm108.prj'];
      return zipSync(z);
    },
    { key: 'io.err.prjMismatch', args: { crs: 'EPSG:4545', suggestion: 'EPSG:4524' } },
  ],
  [
    'short-shp.zip',
    () => {
      const z = shpZip();
      z['communities_gk36.shp'] = z['communities_gk36.shp'].subarray(0, 300);
      return zipSync(z);
    },
    { key: 'io.err.shpTruncated', args: { layer: 'communities_gk36', bytes: 300, need: 592 } },
  ],
  [
    'short-dbf.zip',
    () => {
      const z = shpZip();
      z['communities_gk36.dbf'] = z['communities_gk36.dbf'].subarray(0, 500);
      return zipSync(z);
    },
    // named with the zip the planner chose, and the table inside it
    { key: 'io.err.dbfTruncated', args: { file: 'short-dbf.zip › communities_gk36.dbf', rows: 3 } },
  ],
  ['merged-header.csv', () => enc('名称,人口,床位,,经度,纬度\n,,总数,护理型,,\n甲,100,20,5,108.9,34.1\n'), { key: 'io.err.mergedHeader', args: { row: 1, next: 2, columns: 'D' } }],
  [
    'cut.geojson',
    () => enc('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[108.9,'),
    { key: 'io.err.jsonSyntax', args: { file: 'cut.geojson' } },
  ],
  ['cut.xlsx', () => xlsxWithFormulas().subarray(0, 2000), { key: 'io.err.xlsxCorrupt', args: { file: 'cut.xlsx' } }],
  ['no-coords.csv', () => enc('名称,人口\n甲,100\n'), { key: 'io.err.noCoordinateColumns', args: { columns: '名称, 人口' } }],
];

describe('files that cannot be read', () => {
  it.each(UNREADABLE)('%s → its own message', (name, make, expected) => {
    const r = readFile(name, make());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.key).toBe(expected.key);
    expect(r.error.args).toMatchObject(expected.args ?? {});
  });
  it('the messages differ from one another (no generic "cannot read")', () => {
    const keys = UNREADABLE.map(([n, make]) => {
      const r = readFile(n, make());
      return r.ok ? '' : r.error.key;
    });
    expect(keys).not.toContain('io.err.unreadable');
  });
});

describe('files that read but hold bad records', () => {
  it('Excel with blank lines, a formula without a saved result and a #DIV/0!: each cell is named, the rest is fine', () => {
    const [layer] = readOk('formulas.xlsx', xlsxWithFormulas());
    const out = importLayer(layer, { kind: 'facilities', file: 'formulas.xlsx' });
    expect(out.report.problems.map((p) => [p.number, p.code, p.field, p.msg])).toEqual([
      [5, 'formula_without_value', 'nursingBeds', { key: 'io.problem.formulaWithoutValue', args: { cell: 'D5', formula: 'C5*0.3' } }],
      // #DIV/0! in the longitude: the row has no position
      [6, 'no_geometry', 'geometry', { key: 'io.note.badCoordCell', args: { value: '#DIV/0! / 34.18' } }],
    ]);
    expect(out.good.map((f) => f.name)).toEqual(['甲']);
  });
  it('GeoJSON with nulls and mixed geometry types: one message per feature', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'A', kind: '养老院' }, geometry: { type: 'Point', coordinates: [108.9, 34.1] } },
        { type: 'Feature', properties: { id: 'B', kind: '养老院' }, geometry: null },
        { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [108.9, 34.1] } },
        {
          type: 'Feature',
          properties: { id: 'D', kind: '养老院' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [108.9, 34.1],
              [108.91, 34.11],
            ],
          },
        },
        { type: 'Feature', properties: { id: 'E', kind: '养老院', beds: null }, geometry: { type: 'Point', coordinates: [null, 34.1] } },
        null,
      ],
    };
    const [layer] = readOk('mixed.geojson', enc(JSON.stringify(fc)));
    const out = importLayer(layer, { kind: 'facilities', file: 'mixed.geojson' });
    expect(out.report.problems.map((p) => [p.number, p.id ?? null, p.code, p.msg.key])).toEqual([
      [2, 'B', 'no_geometry', 'io.note.nullGeometry'],
      [3, null, 'missing_id', 'io.input.missingId'],
      [3, null, 'missing_value', 'io.input.missingField'],
      [4, 'D', 'wrong_geometry_type', 'io.input.geometryType'],
      // a position of [null, 34.1] is refused by the reader's shape check, before anything walks it
      [5, 'E', 'bad_geometry', 'io.note.badShape'],
      [6, null, 'no_geometry', 'io.note.notAFeature'],
    ]);
    expect(out.good.map((f) => f.id)).toEqual(['A']);
    // a null capacity stays missing: not zero, not a problem
    expect(out.good[0].beds).toBeUndefined();
  });
});

describe('the command line changes nothing on failure', () => {
  const dir = mkdtempSync(join(tmpdir(), 'h6-broken-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.each(UNREADABLE)('%s: exit 1, message printed, no output file', (name, make, expected) => {
    const file = join(dir, name);
    writeFileSync(file, make());
    const out = join(dir, `${name}.out.geojson`);
    const lines: string[] = [];
    const code = run([file, '--as', 'communities', '--out', out], (l) => lines.push(l));
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(lines.at(-1)).toBe('未写入任何文件。');
    expect(lines.length).toBeGreaterThan(1);
    expect(expected.key).toMatch(/^io\.err\./);
  });
  it('a readable file with bad rows writes nothing without --keep-good, and only the good rows with it', () => {
    const file = join(dir, 'formulas.xlsx');
    writeFileSync(file, xlsxWithFormulas());
    const out = join(dir, 'f.geojson');
    const lines: string[] = [];
    expect(run([file, '--as', 'facilities', '--out', out, '--lang', 'en'], (l) => lines.push(l))).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(lines).toContain('2 records have errors. Fix them and import again, or add --keep-good to import only the 1 good ones.');
    expect(run([file, '--as', 'facilities', '--out', out, '--keep-good'], () => {})).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe('every message reads whole in both languages', () => {
  it.each(UNREADABLE)('%s: no placeholder left unfilled', (name, make) => {
    const r = readFile(name, make());
    if (r.ok) throw new Error('expected a failure');
    for (const lang of ['zh', 'en'] as const) {
      const text = tm(lang, r.error);
      expect(text, text).not.toMatch(/\{\w+\}/);
      expect(text).not.toBe(r.error.key);
    }
  });
  it('row problems of the mixed GeoJSON and the formula workbook too', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'D', kind: '超市', beds: '约30' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [108.9, 34.1],
              [108.91, 34.11],
            ],
          },
        },
        null,
      ],
    };
    const [a] = readOk('m.geojson', enc(JSON.stringify(fc)));
    const [b] = readOk('f.xlsx', xlsxWithFormulas());
    const problems = [...importLayer(a, { kind: 'facilities', file: 'm.geojson' }).report.problems, ...importLayer(b, { kind: 'facilities', file: 'f.xlsx' }).report.problems];
    expect(problems.length).toBeGreaterThan(3);
    for (const p of problems) for (const lang of ['zh', 'en'] as const) expect(formatProblem(p, lang)).not.toMatch(/\{\w+\}|io\.[a-z]+\./);
  });
});

describe('archives that would unpack too large (zip bombs)', () => {
  it('are refused from the sizes they declare, before anything is inflated', () => {
    const zip = zipSync({ 'big.shp': new Uint8Array(100), 'big.dbf': new Uint8Array(100) });
    // declare 2 GiB uncompressed for big.shp in the central directory (signature 50 4B 01 02, size at +24)
    const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let at = zip.length - 22;
    while (dv.getUint32(at, true) !== 0x06054b50) at--;
    const central = dv.getUint32(at + 16, true);
    expect(dv.getUint32(central, true)).toBe(0x02014b50);
    dv.setUint32(central + 24, 0x80000000, true);
    expect(readFile('bomb.zip', zip)).toEqual({ ok: false, error: { key: 'io.err.zipTooLarge', args: { file: 'bomb.zip', mb: 2048, limit: 512 } } });
  });
  it('pictures and other files in an archive are never inflated', () => {
    // the photo comes first, deflated, and its data is then broken: inflating it would throw
    const kmz = zipSync({ 'files/photo.jpg': [new Uint8Array(5000).fill(7), { level: 6 }], 'doc.kml': bytes('communities.kml') });
    const dv = new DataView(kmz.buffer, kmz.byteOffset, kmz.byteLength);
    const dataAt = 30 + dv.getUint16(26, true) + dv.getUint16(28, true);
    kmz[dataAt] = 0xff; // deflate block type 3 does not exist
    expect(() => unzipSync(kmz)).toThrow();
    expect(readFile('c.kmz', kmz).ok).toBe(true);
  });
});
