import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { importLayer } from '../../src/io';
import { detectEncoding } from '../../src/io/bytes';
import { parseCsv } from '../../src/io/readers/csv';
import { colLetter, parseCoordinate } from '../../src/io/readers/table';
import { parseWkt } from '../../src/io/readers/wkt';
import { bytes, maxDiff, readFails, readOk, sourceJson } from './helpers';

const facilities = sourceJson('facilities.geojson');
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('CSV', () => {
  it('GDAL export in GBK with x/y in EPSG:4545: encoding detected, points back at the source lon/lat', () => {
    const [layer] = readOk('facilities-cm108-gbk.csv', bytes('facilities-cm108-gbk.csv'), { crs: 'EPSG:4545' });
    expect(layer.encoding).toEqual({ name: 'gb18030', source: 'detected' });
    expect(layer.features.map((f) => f.properties.机构名称)).toEqual(facilities.features.map((f) => f.properties.机构名称));
    layer.features.forEach((f, i) => expect(maxDiff(f.geometry?.type === 'Point' ? f.geometry.coordinates : null, facilities.features[i].geometry.coordinates)).toBeLessThan(1e-6));
    // the coordinate columns became the geometry, not attributes
    expect(layer.columns).not.toContain('X');
  });
  it('the same CSV without --crs says which CRS to give (unprefixed metres cannot be guessed)', () => {
    const e = readFails('facilities-cm108-gbk.csv', bytes('facilities-cm108-gbk.csv'));
    expect(e.key).toBe('io.err.crsMissing');
    expect(e.args).toMatchObject({ file: 'facilities-cm108-gbk.csv', x: '586536.359263479' });
  });
  it('RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes; leading zeros kept', () => {
    expect(parseCsv('a,b\r\n"x, ""y""","line1\nline2"\n0012,3\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line1\nline2'],
      ['0012', '3'],
    ]);
  });
  it('a quote inside an unquoted cell is text; text after a closing quote joins the cell; an unclosed quote runs to the end', () => {
    expect(parseCsv('ab"c,d\n"a"b,c\n"x,\ny', ',')).toEqual([['ab"c', 'd'], ['ab', 'c'], ['x,\ny']]);
    expect(parseCsv('a,,b\r\r\n,', ',')).toEqual([['a', '', 'b'], [''], ['', '']]);
  });
  it('any table written as RFC 4180 reads back cell for cell (cells with quotes, delimiters, line breaks, Chinese text)', () => {
    const cell = fc.array(fc.constantFrom('"', ',', ';', '\n', '\r\n', 'a', '甲', ' ', "'", '0'), { maxLength: 6 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        // every cell quoted (doubling its quotes), as a strict writer does
        const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text, ',')).toEqual(rows);
      }),
      { numRuns: 2000, seed: 15 },
    );
  });
  it('semicolon and tab delimiters are detected', () => {
    expect(parseCsv('名称;经度;纬度\n甲;108.9;34.1\n')[1]).toEqual(['甲', '108.9', '34.1']);
    expect(parseCsv('名称\t经度\t纬度\n甲\t108.9\t34.1\n')[1]).toEqual(['甲', '108.9', '34.1']);
  });
  it('a title row above the header is skipped with a note; row numbers are the spreadsheet rows', () => {
    const csv = '长安区养老机构统计表,,,\n名称,类型,经度,纬度\n甲,日间照料中心,108.93,34.16\n\n乙,养老院,108.94,34.17\n';
    const [layer] = readOk('t.csv', utf8(csv));
    expect(layer.notes).toEqual([{ key: 'io.note.titleRowSkipped', args: { row: 1 } }]);
    expect(layer.features.map((f) => f.number)).toEqual([3, 5]);
    expect(layer.features[1].geometry).toEqual({ type: 'Point', coordinates: [108.94, 34.17] });
  });
  it('a single location column "108.94,34.26" (高德 POI export) and a GCJ-02 hint from the column name', () => {
    const [layer] = readOk('poi.csv', utf8('name,location,gcj_note\n甲,"108.94,34.26",x\n'));
    expect(layer.features[0].geometry).toEqual({ type: 'Point', coordinates: [108.94, 34.26] });
    expect(layer.notes.map((n) => n.key)).toContain('io.note.webCoordsNamed');
  });
  it('--coords gcj02 converts every point (offset in Xi’an is a few hundred metres)', () => {
    const [raw] = readOk('p.csv', utf8('名称,经度,纬度\n甲,108.94,34.26\n'));
    const [conv] = readOk('p.csv', utf8('名称,经度,纬度\n甲,108.94,34.26\n'), { coords: 'gcj02' });
    expect(conv.coords).toBe('gcj02');
    const a = raw.features[0].geometry?.type === 'Point' ? raw.features[0].geometry.coordinates : [0, 0];
    const b = conv.features[0].geometry?.type === 'Point' ? conv.features[0].geometry.coordinates : [0, 0];
    const metres = Math.hypot((a[0] - b[0]) * 111320 * Math.cos((34.26 * Math.PI) / 180), (a[1] - b[1]) * 111320);
    expect(metres).toBeGreaterThan(200);
    expect(metres).toBeLessThan(800);
  });
  it('latitude in the longitude column is caught with the fix spelled out', () => {
    const e = readFails('s.csv', utf8('名称,经度,纬度\n甲,34.16,108.93\n'));
    expect(e).toEqual({ key: 'io.err.swappedColumns', args: { file: 's.csv', sheet: 's', x: '经度', y: '纬度', xv: 34.16, yv: 108.93 } });
  });
  it('coordinates written as degrees-minutes-seconds', () => {
    // 108°56'24" = 108 + 56/60 + 24/3600 = 108.94
    expect(parseCoordinate('108°56\'24"E')).toBeCloseTo(108.94, 10);
    expect(parseCoordinate('34度9分')).toBeCloseTo(34.15, 10);
    expect(parseCoordinate('abc')).toBeNaN();
  });
});

describe('encoding detection', () => {
  it('GBK, UTF-8 with and without BOM, UTF-16', () => {
    const text = '名称,人口\n韦曲街道北街社区,8650\n';
    expect(detectEncoding(iconv.encode(text, 'gbk')).label).toBe('gb18030');
    expect(detectEncoding(utf8(text))).toEqual({ label: 'utf-8', source: 'utf8' });
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({ label: 'utf-8', source: 'bom' });
    expect(detectEncoding(iconv.encode(text, 'utf16le', { addBOM: true })).label).toBe('utf-16le');
  });
  it('a two-character GBK file (too short for statistics) still decodes as Chinese', () => {
    const [layer] = readOk('short.csv', iconv.encode('名称,经度,纬度\n韦曲,108.9,34.1\n', 'gbk'));
    expect(layer.features[0].properties.名称).toBe('韦曲');
  });
});

describe('XLSX (written by SheetJS, read back as a planner’s file)', () => {
  function workbook(rows: unknown[][], extra?: (ws: XLSX.WorkSheet) => void): Uint8Array {
    const ws = XLSX.utils.aoa_to_sheet(rows);
    extra?.(ws);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '养老设施');
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  }
  it('blank lines are skipped, rows keep their Excel numbers, cached formula results are used', () => {
    const data = workbook(
      [['名称', '类型', '床位', '护理型床位', '经度', '纬度'], ['甲', '养老院', 100, 30, 108.93, 34.16], [], ['乙', '日间照料中心', 20, 5, 108.94, 34.17]],
      (ws) => {
        ws.D4 = { t: 'n', f: 'C4/4', v: 5 };
      },
    );
    const [layer] = readOk('f.xlsx', data);
    expect(layer.name).toBe('养老设施');
    expect(layer.features.map((f) => f.number)).toEqual([2, 4]);
    const out = importLayer(layer, { kind: 'facilities', file: 'f.xlsx' });
    expect(out.report.withErrors).toBe(0);
    expect(out.good.map((f) => [f.id, f.kind, f.beds, f.nursingBeds])).toEqual([
      ['养老设施-2', 'elderly_institution', 100, 30],
      ['养老设施-4', 'elderly_daycare', 20, 5],
    ]);
  });
});

describe('header rows', () => {
  it('--header-row takes the lower row of a two-level header when the user says so', () => {
    const csv = '名称,人口,床位,,经度,纬度\n名称,人口,床位,护理型床位,经度,纬度\n甲,100,20,5,108.9,34.1\n';
    const [layer] = readOk('m.csv', utf8(csv), { headerRow: 2 });
    expect(layer.columns).toEqual(['名称', '人口', '床位', '护理型床位']);
    expect(layer.features[0].number).toBe(3);
  });
  it('every demo community name, GBK-encoded a few at a time, is read as GB18030 — also where the bytes happen to be valid Big5', () => {
    const names: string[] = JSON.parse(readFileSync('data/demo/project.json', 'utf8')).communities.features.map((f: { properties: { name: string } }) => f.properties.name);
    let validBig5 = 0;
    for (let i = 0; i < names.length; i += 3) {
      const bytes = iconv.encode(`名称\n${names.slice(i, i + 3).join('\n')}\n`, 'gbk');
      try {
        new TextDecoder('big5', { fatal: true }).decode(bytes);
        validBig5++;
      } catch {
        // most GBK text is not valid Big5 at all
      }
      expect(detectEncoding(bytes).label, names.slice(i, i + 3).join(' ')).toBe('gb18030');
    }
    expect(names.length).toBeGreaterThan(500);
    console.log(`GBK samples that are also valid Big5: ${validBig5} of ${Math.ceil(names.length / 3)}`);
  });
  it('Traditional Chinese in Big5, short and long, is read as Big5', () => {
    for (const text of ['名稱,地址\n萬華區社區照顧關懷據點,臺北市\n', '機構名稱,床位數,護理型床位\n臺中市私立養護中心,49,30\n高雄市長青綜合服務中心,120,60\n']) {
      expect(detectEncoding(iconv.encode(text, 'big5')).label, text).toBe('big5');
    }
  });
  it('Big5 text with a confident detector reading is decoded as Big5', () => {
    const text = '名稱,經度,緯度\n臺北市萬華區龍山寺附近的社區照顧關懷據點,121.4999,25.0372\n新北市板橋區社區照顧關懷據點服務中心,121.4627,25.0143\n';
    const [layer] = readOk('tw.csv', iconv.encode(text, 'big5'));
    expect(layer.encoding?.name).toBe('big5');
    expect(layer.features[0].properties.名稱).toBe('臺北市萬華區龍山寺附近的社區照顧關懷據點');
  });
});

describe('older and other workbook formats', () => {
  it.each(['xls', 'ods'] as const)('.%s (Excel 97–2003 BIFF8, OpenDocument) with Chinese text', (bookType) => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['机构名称', '设施类型', '床位数', '经度', '纬度'],
      ['长安区社会福利院', '养老院', 300, 108.9012, 34.1523],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '养老机构');
    const data = new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
    const [layer] = readOk(`f.${bookType}`, data);
    const out = importLayer(layer, { kind: 'facilities', file: `f.${bookType}` });
    expect(out.good.map((f) => [f.name, f.kind, f.beds, f.geometry])).toEqual([
      ['长安区社会福利院', 'elderly_institution', 300, { type: 'Point', coordinates: [108.9012, 34.1523] }],
    ]);
  });
});

describe('dates', () => {
  it('a 建成年份 column typed as dates gives the year; other date cells read as YYYY-MM-DD', () => {
    const ws = XLSX.utils.aoa_to_sheet(
      [
        ['社区名称', '类型', '建成年份', '调查日期', '经度', '纬度'],
        ['北街社区', '已建成', new Date(2005, 5, 1), new Date(2024, 0, 31), 108.93, 34.16],
        ['南街社区', '新建', '2019年', null, 108.94, 34.15],
      ],
      { cellDates: true },
    );
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const [layer] = readOk('d.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellDates: true }) as ArrayBuffer));
    expect(layer.features[0].properties.调查日期).toBe('2024-01-31');
    const out = importLayer(layer, { kind: 'communities', file: 'd.xlsx' });
    expect(out.report.problems).toEqual([]);
    expect(out.good.map((c) => c.builtYear)).toEqual([2005, 2019]);
  });
});

describe('older datums', () => {
  it('x/y in Xi’an 1980 zone 36 read with a note that no datum shift was applied', () => {
    const [layer] = readOk('xian80.csv', utf8('名称,X,Y\n甲,36586536.36,3782384.10\n'), { crs: 'EPSG:2360' });
    expect(layer.notes).toContainEqual({ key: 'io.note.noDatumShift', args: { crs: 'EPSG:2360' } });
    // cs2cs (PROJ) on the IAU76 ellipsoid gives 108.938499390, 34.165184137
    expect(maxDiff(layer.features[0].geometry?.type === 'Point' ? layer.features[0].geometry.coordinates : null, [108.93849939, 34.165184137])).toBeLessThan(1e-8);
  });
});

describe('WKT geometry column', () => {
  it('GDAL CSV with WKT polygons in EPSG:4524 (8-digit eastings): zone guessed, outlines back at the source', () => {
    const [layer] = readOk('communities-gk36-wkt.csv', bytes('communities-gk36-wkt.csv'));
    expect(layer.crs).toMatchObject({ code: 'EPSG:4524', source: 'guessed' });
    expect(layer.columns).not.toContain('WKT');
    const src = sourceJson('communities.geojson');
    layer.features.forEach((f, i) => expect(maxDiff(f.geometry?.type === 'Polygon' ? f.geometry.coordinates : null, src.features[i].geometry.coordinates)).toBeLessThan(1e-7));
    const out = importLayer(layer, { kind: 'communities', file: 'communities-gk36-wkt.csv' });
    expect(out.good.map((c) => [c.id, c.type, c.population])).toEqual([
      ['610116001001', 'built', 8650],
      ['610116001002', 'new', 5200],
      ['610116101201', 'rural', 2310],
    ]);
  });
  it('EWKT with SRID names its CRS; a broken WKT cell is reported on its row', () => {
    const csv = 'name,geom\n甲,"SRID=4545;POINT(586536.36 3782384.10)"\n乙,"POINT (586536.36"\n';
    const [layer] = readOk('ewkt.csv', utf8(csv));
    expect(layer.crs).toMatchObject({ code: 'EPSG:4545', source: 'format' });
    const src = sourceJson('facilities.geojson');
    expect(maxDiff(layer.features[0].geometry?.type === 'Point' ? layer.features[0].geometry.coordinates : null, src.features[0].geometry.coordinates)).toBeLessThan(1e-6);
    expect(layer.features[1].geometryNote).toEqual({ key: 'io.note.badWkt', args: { value: 'POINT (586536.36' } });
  });
});

describe('WKT parser', () => {
  it.each([
    ['POINT (1 2)', { type: 'Point', coordinates: [1, 2] }],
    ['point z (1 2 3)', { type: 'Point', coordinates: [1, 2] }],
    [
      'LINESTRING(1 2,3 4)',
      {
        type: 'LineString',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      'POLYGON ((0 0, 1 0, 1 1, 0 0), (0.2 0.2, 0.3 0.2, 0.3 0.3, 0.2 0.2))',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
          [
            [0.2, 0.2],
            [0.3, 0.2],
            [0.3, 0.3],
            [0.2, 0.2],
          ],
        ],
      },
    ],
    [
      'MULTIPOINT ((1 2), (3 4))',
      {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      'MULTIPOINT (1 2, 3 4)',
      {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      'MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))',
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
          [
            [
              [5, 5],
              [6, 5],
              [6, 6],
              [5, 5],
            ],
          ],
        ],
      },
    ],
  ])('%s', (wkt, geometry) => {
    expect(parseWkt(wkt)?.geometry).toEqual(geometry);
  });
  it.each(['POLYGON ((0 0, 1 0', 'CIRCLE (1 2)', 'POINT EMPTY', 'POINT (a b)', 'POLYGON (0 0, 1 0, 1 1, 0 0)', '108.9,34.1'])('refuses %s', (wkt) => {
    expect(parseWkt(wkt)).toBeUndefined();
  });
});

describe('empty columns', () => {
  it('trailing commas make no columns; a blank header over values keeps its letter', () => {
    const [layer] = readOk('t.csv', utf8('名称,经度,纬度,,\n甲,108.9,34.1,,\n乙,108.9,34.1,备注,\n'));
    expect(layer.columns).toEqual(['名称', 'D']);
    expect(layer.features[0].properties).toEqual({ 名称: '甲', D: null });
  });
});

describe('unprefixed Gauss-Krüger metres and the study area', () => {
  const CHANGAN: [number, number, number, number] = [108.75, 33.85, 109.1, 34.25];
  it('with the study area the zone is found: centre 108.925°E → nearest 3° meridian 108°E → EPSG:4534 + (108 − 75)/3 = 4545', () => {
    const [layer] = readOk('facilities-cm108-gbk.csv', bytes('facilities-cm108-gbk.csv'), { area: CHANGAN });
    expect(layer.crs).toMatchObject({ code: 'EPSG:4545', source: 'guessed' });
    expect(layer.notes).toContainEqual({ key: 'io.note.crsGuessed', args: { crs: 'EPSG:4545' } });
    const src = sourceJson('facilities.geojson');
    layer.features.forEach((f, i) => expect(maxDiff(f.geometry?.type === 'Point' ? f.geometry.coordinates : null, src.features[i].geometry.coordinates)).toBeLessThan(1e-6));
  });
  it('a study area elsewhere (Beijing, 116.4°E: meridian 117°E) does not fit the points, so the CRS is still asked for', () => {
    expect(readFails('facilities-cm108-gbk.csv', bytes('facilities-cm108-gbk.csv'), { area: [116.2, 39.7, 116.6, 40.1] }).key).toBe('io.err.crsMissing');
  });
});

describe('column letters', () => {
  it('are the letters SheetJS gives (the CSV reader goes without it): A … Z, AA … ZZ, AAA … XFD', () => {
    for (let c = 0; c < 16_384; c++) expect(colLetter(c)).toBe(XLSX.utils.encode_col(c));
  });
});
