import { describe, expect, it } from 'vitest';
import { acceptImport, importFile, importLayer, formatReport, type Problem } from '../../src/io';
import type { Layers } from '../../src/core/model';
import { readOk } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);
// 长安区 roughly: 108.75–109.10 E, 33.85–34.25 N
const AREA: [number, number, number, number] = [108.75, 33.85, 109.1, 34.25];

const CSV = [
  '编号,名称,类型,床位,护理型床位,托位,经度,纬度',
  'F1,甲养老院,养老院,100,30,,108.93,34.16', // row 2: good
  'F2,乙日照中心,日间照料中心,20,5,,,34.16', // row 3: no longitude
  'F3,丙养老院,养老院,约30,10,,108.94,34.17', // row 4: beds not a number
  'F4,丁养老院,养老院,20,50,,108.95,34.18', // row 5: nursing 50 > beds 20
  'F1,戊托育中心,托育机构,,,40,108.96,34.19', // row 6: F1 again
  'F6,己养老院,养老院,60,10,,110.50,34.20', // row 7: 110.5°E is far east of 109.1°E
  'F7,庚超市,超市,,,,108.97,34.20', // row 8: not a facility kind
  'F8,辛托育点,托育机构,,,-5,108.98,34.21', // row 9: negative places
].join('\n');

function problems(ps: Problem[]) {
  return ps.map((p) => [p.number, p.id ?? null, p.field ?? null, p.severity, p.code]);
}

describe('validation report', () => {
  const [layer] = readOk('设施.csv', enc(CSV));
  const out = importLayer(layer, { kind: 'facilities', file: '设施.csv', area: AREA });

  it('lists every problem by spreadsheet row, id and field', () => {
    expect(problems(out.report.problems)).toEqual([
      [3, 'F2', 'geometry', 'error', 'no_geometry'],
      [4, 'F3', 'beds', 'error', 'not_a_number'],
      [5, 'F4', 'nursingBeds', 'error', 'nursing_gt_beds'],
      [6, 'F1', 'id', 'error', 'duplicate_id'],
      [7, 'F6', 'geometry', 'error', 'outside_area'],
      [8, 'F7', 'kind', 'error', 'unknown_value'],
      [9, 'F8', 'places', 'error', 'negative'],
    ]);
  });
  it('counts: 8 rows, 1 good, 7 with errors', () => {
    expect([out.report.total, out.report.good, out.report.withErrors, out.report.withWarnings]).toEqual([8, 1, 7, 0]);
    expect(out.good.map((f) => f.id)).toEqual(['F1']);
    expect(out.report.byCode).toMatchObject({ no_geometry: 1, not_a_number: 1, duplicate_id: 1 });
  });
  it('messages carry the numbers that explain them', () => {
    const byCode = Object.fromEntries(out.report.problems.map((p) => [p.code, p.msg]));
    expect(byCode.nursing_gt_beds).toEqual({ key: 'io.problem.nursingGtBeds', args: { nursingBeds: 50, beds: 20 } });
    expect(byCode.duplicate_id).toEqual({ key: 'io.problem.duplicateId', args: { id: 'F1', first: 2 } });
    // 110.5 − 109.1 = 1.4° of longitude × 111.32 km × cos(34.2°) ≈ 128.9 km
    expect(byCode.outside_area.args?.km).toBeCloseTo(1.4 * 111.32 * Math.cos((34.2 * Math.PI) / 180), 0);
    expect(byCode.no_geometry).toEqual({ key: 'io.note.missingCoords', args: { x: '经度', y: '纬度' } });
  });
  it('prints in Chinese and English with the row numbers', () => {
    const zh = formatReport(out.report, 'zh');
    expect(zh[1]).toBe('共 8 条；无误 1 条；有错误 7 条；仅有提醒 0 条。');
    expect(zh.find((l) => l.includes('第 5 行'))).toBe('错误 · 第 5 行 [F4] «护理型床位»: 护理型床位 50 多于总床位 20。');
    expect(formatReport(out.report, 'en')[2]).toBe('CRS: EPSG:4326 (guessed from the numbers); web-map conversion: wgs84; encoding: utf-8（valid UTF-8）');
    expect(formatReport(out.report, 'en').find((l) => l.includes('row 4'))).toBe('error · row 4 [F3] «床位»: beds (column "beds") is not a number: "约30".');
  });
});

describe('geometry checks', () => {
  const fc = {
    type: 'FeatureCollection',
    features: [
      // a bow-tie: edges (0,0)-(1,1) and (1,0)-(0,1) cross at the centre
      {
        type: 'Feature',
        properties: { id: 'C1', type: '新建' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [108.9, 34.1],
              [108.91, 34.11],
              [108.91, 34.1],
              [108.9, 34.11],
              [108.9, 34.1],
            ],
          ],
        },
      },
      // lon and lat written the wrong way round
      { type: 'Feature', properties: { id: 'C2', type: '村' }, geometry: { type: 'Point', coordinates: [34.1, 108.9] } },
      { type: 'Feature', properties: { id: 'C3', type: '村', 人口: 100, '60岁以上人口': 150 }, geometry: { type: 'Point', coordinates: [108.9, 34.1] } },
    ],
  };
  const [layer] = readOk('c.geojson', enc(JSON.stringify(fc)));
  const out = importLayer(layer, { kind: 'communities', file: 'c.geojson' });
  it('self-intersection (with where), swapped lon/lat, more elderly than residents (a warning)', () => {
    expect(problems(out.report.problems)).toEqual([
      [1, 'C1', 'geometry', 'error', 'self_intersection'],
      [2, 'C2', 'geometry', 'error', 'swapped_lonlat'],
      [3, 'C3', 'elderly', 'warning', 'part_gt_whole'],
    ]);
    // the crossing of the bow-tie's diagonals is its centre
    expect(out.report.problems[0].msg.args?.at).toBe('108.905000,34.105000');
    expect(out.good.map((c) => c.id)).toEqual(['C3']);
  });
});

describe('all or nothing', () => {
  const before: Layers = Object.freeze({ communities: [], facilities: [], streets: [], roads: [] }) as Layers;
  const [layer] = readOk('设施.csv', enc(CSV));
  const out = importLayer(layer, { kind: 'facilities', file: '设施.csv', area: AREA });
  it('cancel returns the very same layers object', () => {
    expect(acceptImport(before, out, 'cancel')).toBe(before);
  });
  it('"import the good ones" adds only rows without errors and leaves the input untouched', () => {
    const after = acceptImport(before, out, 'good');
    expect(after.facilities.map((f) => f.id)).toEqual(['F1']);
    expect(before.facilities).toEqual([]);
  });
  it('ids already in the project count as duplicates when the caller asks (existingIds)', () => {
    const again = importLayer(layer, { kind: 'facilities', file: '设施.csv', area: AREA, existingIds: ['F1'] });
    expect(again.report.problems.find((p) => p.number === 2)?.msg).toEqual({ key: 'io.problem.idInProject', args: { id: 'F1' } });
    expect(again.good).toEqual([]);
    expect(acceptImport(before, again, 'good', 'merge')).toBe(before);
  });
});

describe('one bad row does not sink a spreadsheet', () => {
  it('a single swapped row among lon/lat rows is reported on its row, the rest import', () => {
    const rows = ['名称,类型,经度,纬度', ...Array.from({ length: 10 }, (_, i) => `点${i},养老院,108.9${i},34.1${i}`), '反,养老院,34.2,108.9'];
    const [layer] = readOk('p.csv', enc(rows.join('\n')));
    const out = importLayer(layer, { kind: 'facilities', file: 'p.csv' });
    expect(problems(out.report.problems)).toEqual([[12, 'p-12', 'geometry', 'error', 'swapped_lonlat']]);
    expect(out.good).toHaveLength(10);
  });
  it('one swapped row in three (and one in two) is a row error too, not a file refused for want of a CRS', () => {
    for (const rows of [
      ['名称,类型,经度,纬度', 'A,养老院,108.93,34.15', 'B,养老院,34.16,108.94', 'C,养老院,108.95,34.17'],
      ['名称,类型,经度,纬度', 'B,养老院,34.16,108.94', 'A,养老院,108.93,34.15'],
    ]) {
      const [layer] = readOk('p.csv', enc(rows.join('\n')));
      expect(layer.crs).toEqual({ code: 'EPSG:4326', source: 'guessed' });
      const out = importLayer(layer, { kind: 'facilities', file: 'p.csv' });
      expect(out.report.problems.map((p) => p.code)).toEqual(['swapped_lonlat']);
      expect(out.good).toHaveLength(rows.length - 2);
    }
  });
});

describe('streets and roads', () => {
  it('street type from the name when there is no type column (街道 → street, 镇 → town)', () => {
    const sq = (x: number) => [
      [
        [x, 34],
        [x + 0.1, 34],
        [x + 0.1, 34.1],
        [x, 34.1],
        [x, 34],
      ],
    ];
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 街道代码: '610116001', 名称: '韦曲街道' }, geometry: { type: 'Polygon', coordinates: sq(108.8) } },
        { type: 'Feature', properties: { 街道代码: '610116101', 名称: '王曲镇' }, geometry: { type: 'MultiPolygon', coordinates: [sq(108.9)] } },
      ],
    };
    const r = importFile('streets.geojson', enc(JSON.stringify(fc)), { kind: 'streets' });
    expect(r.ok && r.outcome.good.map((s) => [s.id, s.type, s.geometry.type])).toEqual([
      ['610116001', 'street', 'Polygon'],
      ['610116101', 'town', 'MultiPolygon'],
    ]);
  });
  it('roads keep their class; a polygon in a road layer is refused', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { osm_id: 1, fclass: 'residential', name: '韦曲南街' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [108.9, 34.1],
              [108.91, 34.1],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { osm_id: 2 },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [108.9, 34.1],
                [108.91, 34.1],
                [108.91, 34.11],
                [108.9, 34.1],
              ],
            ],
          },
        },
      ],
    };
    const r = importFile('roads.geojson', enc(JSON.stringify(fc)), { kind: 'roads' });
    if (!r.ok) throw new Error('read failed');
    expect(r.outcome.good).toEqual([
      {
        id: '1',
        highway: 'residential',
        name: '韦曲南街',
        source: expect.stringContaining('© OpenStreetMap contributors'),
        geometry: {
          type: 'LineString',
          coordinates: [
            [108.9, 34.1],
            [108.91, 34.1],
          ],
        },
      },
    ]);
    expect(r.report.problems.map((p) => [p.number, p.code])).toEqual([[2, 'wrong_geometry_type']]);
  });
});

describe('field names in the reader’s language', () => {
  it('the mapping line and field arguments use the catalogue names', () => {
    const [layer] = readOk('设施.csv', enc(CSV));
    const out = importLayer(layer, { kind: 'facilities', file: '设施.csv', area: AREA });
    const zh = formatReport(out.report, 'zh');
    expect(zh[3]).toBe('字段对应：编号←编号, 名称←名称, 设施类型←类型, 床位←床位, 护理型床位←护理型床位, 托位←托位');
    expect(zh.find((l) => l.includes('第 9 行'))).toBe('错误 · 第 9 行 [F8] «托位»: 托位为负数（-5）。');
    expect(formatReport(out.report, 'en').find((l) => l.includes('row 9'))).toBe('error · row 9 [F8] «托位»: childcare places is negative (-5).');
  });
});

describe('OpenStreetMap roads carry their attribution', () => {
  it('an osm_id column (Geofabrik layout) sets the ODbL source on every road', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { osm_id: '4711', fclass: 'footway', name: null },
          geometry: {
            type: 'LineString',
            coordinates: [
              [108.9, 34.1],
              [108.91, 34.1],
            ],
          },
        },
      ],
    };
    const r = importFile('gis_osm_roads.geojson', enc(JSON.stringify(fc)), { kind: 'roads' });
    if (!r.ok) throw new Error('read failed');
    expect(r.outcome.good[0]).toMatchObject({ id: '4711', highway: 'footway', source: expect.stringContaining('OpenStreetMap contributors') });
    expect(r.report.notes?.map((n) => n.key)).toEqual(['io.note.osmAttribution']);
  });
  it('a road file without osm ids gets no OSM attribution', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 编号: 'R1' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [108.9, 34.1],
              [108.91, 34.1],
            ],
          },
        },
      ],
    };
    const r = importFile('规划道路.geojson', enc(JSON.stringify(fc)), { kind: 'roads' });
    expect(r.ok && r.outcome.good[0].source).toBeUndefined();
  });
});

describe('a mapping naming a column the file lacks', () => {
  it('is reported as a note and maps nothing', () => {
    const [layer] = readOk('设施.csv', enc(CSV));
    const out = importLayer(layer, { kind: 'facilities', file: '设施.csv', area: AREA, mapping: { floorArea: '建筑面积' } });
    expect(out.report.mapping.floorArea).toBeUndefined();
    expect(out.report.notes).toContainEqual({ key: 'io.note.mappingColumnMissing', args: { field: 'floorArea', column: '建筑面积' } });
  });
});
