import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Community, Facility, Road, RuleResult, Street } from '../../src/core/model';
import type { KindItems } from '../../src/io';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { gapsGeoJSON, splitGaps, headerBlock, importLayer, layerToGeoJSON, layerToTable, readFile, resultTables, toCsv, toCsvText, toXlsx } from '../../src/io';
import { readOk } from './helpers';

const FACILITIES: Facility[] = [
  {
    id: 'F001',
    name: '韦曲街道日间照料中心',
    kind: 'elderly_daycare',
    beds: 20,
    nursingBeds: 8,
    floorArea: 650.5,
    ownership: 'public_private',
    inclusive: true,
    geometry: { type: 'Point', coordinates: [108.9385, 34.1652] },
    extra: { 地址: '韦曲南街 12 号', 联系电话: '029-85000000' },
  },
  {
    id: 'F002',
    name: '长安区社会福利院',
    kind: 'elderly_institution',
    beds: 300,
    nursingBeds: 180,
    landArea: 15000,
    ownership: 'public',
    socialWorkers: 6,
    geometry: { type: 'Point', coordinates: [108.9012, 34.1523] },
    extra: { 地址: '=HYPERLINK("x")', 联系电话: null },
  },
  {
    id: 'F003',
    name: '郭杜小蜜蜂托育中心, "分园"',
    kind: 'childcare_centre',
    places: 80,
    ownership: 'private',
    inclusive: false,
    geometry: { type: 'Point', coordinates: [108.8701, 34.1978] },
    extra: { 地址: '郭杜', 联系电话: '' },
  },
];

const COMMUNITIES: Community[] = [
  {
    id: 'C1',
    name: '北街社区',
    street: 'S1',
    type: 'built',
    population: 8650,
    households: 3020,
    elderly: 1530,
    infants: 210,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [108.93, 34.16],
          [108.945, 34.16],
          [108.945, 34.17],
          [108.93, 34.17],
          [108.93, 34.16],
        ],
      ],
    },
    extra: { 备注: '老旧小区改造 2023' },
  },
  { id: 'C2', name: '西江村', type: 'rural', builtYear: 1990, population: 2310, geometry: { type: 'Point', coordinates: [108.87, 34.197] }, extra: {} },
];

/** Extra cells that were empty come back as missing (null), which is what an empty cell means. */
function normaliseExtra<T extends { extra: Record<string, unknown> }>(items: T[]): T[] {
  return items.map((i) => ({ ...i, extra: Object.fromEntries(Object.entries(i.extra).map(([k, v]) => [k, v === '' ? null : v])) }));
}

describe('round trips: export, then import, gives the same records', () => {
  it.each(['zh', 'en'] as const)('facilities → CSV (%s headers) → import', (lang) => {
    const csv = toCsv(layerToTable('facilities', FACILITIES, lang));
    const [layer] = readOk('facilities.csv', csv);
    const out = importLayer(layer, { kind: 'facilities', file: 'facilities.csv' });
    expect(out.report.problems).toEqual([]);
    expect(out.good).toEqual(normaliseExtra(FACILITIES));
  });
  it('facilities → XLSX → import', () => {
    const [layer] = readOk('facilities.xlsx', toXlsx([layerToTable('facilities', FACILITIES, 'zh')]));
    const out = importLayer(layer, { kind: 'facilities', file: 'facilities.xlsx' });
    expect(out.good).toEqual(normaliseExtra(FACILITIES));
  });
  it('communities (polygon and point) → GeoJSON → import', () => {
    const text = JSON.stringify(layerToGeoJSON('communities', COMMUNITIES));
    const [layer] = readOk('communities.geojson', new TextEncoder().encode(text));
    const out = importLayer(layer, { kind: 'communities', file: 'communities.geojson' });
    expect(out.report.problems).toEqual([]);
    expect(out.good).toEqual(COMMUNITIES);
  });
});

describe('round trips for every layer kind through GeoJSON', () => {
  const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
  it('facilities (points and a polygon), streets, roads (with their source)', () => {
    const facilities: Facility[] = [
      ...FACILITIES,
      {
        id: 'F004',
        name: '综合体',
        kind: 'elderly_complex',
        floorArea: 2400,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [108.95, 34.15],
              [108.951, 34.15],
              [108.951, 34.151],
              [108.95, 34.15],
            ],
          ],
        },
        extra: {},
      },
    ];
    const streets: Street[] = [
      {
        id: '610116001',
        name: '韦曲街道',
        type: 'street',
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [108.9, 34.1],
                [109, 34.1],
                [109, 34.2],
                [108.9, 34.1],
              ],
            ],
          ],
        },
        extra: { 面积平方公里: 25.3 },
      },
    ];
    const roads: Road[] = [
      {
        id: 'w1',
        name: '韦曲南街',
        highway: 'residential',
        source: '© OpenStreetMap contributors (ODbL)',
        geometry: {
          type: 'LineString',
          coordinates: [
            [108.93, 34.15],
            [108.94, 34.15],
          ],
        },
      },
    ];
    const back = <K extends 'facilities' | 'streets' | 'roads'>(kind: K, items: KindItems[K][]) => {
      const [layer] = readOk(`${kind}.geojson`, enc(layerToGeoJSON(kind, items)));
      const out = importLayer(layer, { kind, file: `${kind}.geojson` });
      expect(out.report.problems).toEqual([]);
      return out.good;
    };
    expect(back('facilities', facilities)).toEqual(facilities);
    expect(back('streets', streets)).toEqual(streets);
    expect(back('roads', roads)).toEqual(roads);
  });
});

describe('CSV for Excel', () => {
  const table = layerToTable('facilities', FACILITIES, 'zh');
  it('starts with the UTF-8 BOM EF BB BF, so Excel shows Chinese headers', () => {
    const b = toCsv(table);
    expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(b.subarray(3)).split('\r\n')[0]).toBe(
      '编号,名称,设施类型,床位数,护理型床位,托位数,建筑面积,用地面积,性质,是否普惠,社工人数,经度,纬度,地址,联系电话',
    );
  });
  it('quotes commas and quotes, and defuses text Excel would run as a formula', () => {
    const lines = toCsvText(table).split('\r\n');
    expect(lines[3].startsWith('F003,"郭杜小蜜蜂托育中心, ""分园""",托育机构')).toBe(true);
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });
  it('an independent CSV parser (SheetJS) reads the same cells, header block included', () => {
    const header = headerBlock({ profile: 'ak', params: DEFAULT_PARAMS }, 'zh', '安康市');
    const wb = XLSX.read(toCsvText(table, header), { type: 'string', raw: true });
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true, defval: '' });
    expect(rows[0].slice(0, 2)).toEqual(['规则集', 'ak 安康市']);
    expect(rows[2].slice(0, 2)).toEqual(['参数：服务圈时间（分钟）', '15']);
    const at = header.length + 1;
    expect(rows[at][0]).toBe('编号');
    expect(rows[at + 1].slice(0, 5)).toEqual(['F001', '韦曲街道日间照料中心', '日间照料中心', '20', '8']);
  });
});

const RESULTS: RuleResult[] = [
  // a rule id no profile defines: its name falls back to the id
  {
    rule: 'test.area.beds',
    unit: { level: 'area', id: 'area', name: '长安区' },
    value: 0.028,
    threshold: 0.035,
    measure: 'share_of_elderly',
    status: 'fail',
    shortfall: 420,
    citation: { document: '001 安康', clause: '二(一)', text: '…' },
  },
  {
    rule: 'ak.new.floor',
    unit: { level: 'community', id: 'C1', name: '北街社区' },
    value: 0.1,
    threshold: 0.2,
    measure: 'm2_per_resident',
    status: 'fail',
    shortfall: 865,
    reason: { key: 'reason.nearest', args: { id: 'F001' } },
    view: 'onsite',
    citation: { document: '001 安康', clause: '二(二)', text: '…' },
  },
  {
    rule: 'ak.new.floor',
    unit: { level: 'community', id: 'C2', name: '西江村' },
    value: null,
    threshold: 0.2,
    measure: 'm2_per_resident',
    status: 'na',
    shortfall: null,
    citation: { document: '001 安康', clause: '二(二)', text: '…' },
  },
];

describe('results tables', () => {
  it('one table per level with Chinese headers, rule names from the rule definitions and statuses', () => {
    const tables = resultTables({ results: RESULTS }, 'zh');
    expect(tables.map((t) => [t.name, t.rows.length])).toEqual([
      ['全区', 1],
      ['小区/社区', 2],
    ]);
    expect(tables[1].columns.map((c) => c.header).slice(0, 9)).toEqual(['编号', '名称', '规则编号', '规则', '实际值', '标准', '单位', '结论', '缺口']);
    expect(tables[1].rows[0]).toMatchObject({
      id: 'C1',
      rule: '新建小区养老用房（人均）',
      measure: '平方米/人',
      status: '不达标',
      view: '配建',
      reason: '最近设施 F001',
      clause: '二(二)',
    });
    expect(tables[0].rows[0]).toMatchObject({ ruleId: 'test.area.beds', rule: 'test.area.beds', measure: '床位/老年人口' });
    expect(tables[1].rows[1]).toMatchObject({ status: '无法评价', value: null, shortfall: null });
  });
  it('XLSX: one sheet per table, header block on top, numbers stay numbers', () => {
    const tables = resultTables({ results: RESULTS }, 'en');
    const header = headerBlock({ profile: 'ak', params: DEFAULT_PARAMS }, 'en');
    const wb = XLSX.read(toXlsx(tables, header), { type: 'array' });
    expect(wb.SheetNames).toEqual(['Area', 'Community']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Community, { header: 1, defval: null });
    expect(rows[0].slice(0, 2)).toEqual(['Profile', 'ak']);
    expect(rows[header.length + 1]).toEqual(expect.arrayContaining(['ID', 'Rule', 'Value']));
    expect(rows[header.length + 2].slice(0, 7)).toEqual(['C1', '北街社区', 'ak.new.floor', 'Elderly-care floor area per resident, new communities', 0.1, 0.2, 'm² / resident']);
  });
});

describe('gaps as GeoJSON', () => {
  it('failing communities with their shortfall, communities outside a circle, given service areas', () => {
    const layers = { communities: COMMUNITIES, facilities: FACILITIES, streets: [], roads: [] };
    const coverage = [{ circle: 'elderly', outside: ['C2'], residentsOutside: 2310, residentsTotal: 10960 }];
    const area = {
      circle: 'elderly',
      facility: 'F001',
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [108.93, 34.16],
            [108.94, 34.16],
            [108.94, 34.17],
            [108.93, 34.16],
          ],
        ],
      },
    };
    const fc = gapsGeoJSON({ results: RESULTS, coverage }, layers, 'zh', [area]);
    expect(fc.features.map((f) => [f.properties.gap, f.properties.id ?? f.properties.facility, f.geometry.type])).toEqual([
      ['rule', 'C1', 'Polygon'],
      ['outside', 'C2', 'Point'],
      ['service_area', 'F001', 'Polygon'],
    ]);
    expect(fc.features[0].properties).toMatchObject({ rule: 'ak.new.floor', shortfall: 865, label: '未达标：新建小区养老用房（人均）' });
    expect(fc.features[1].properties).toMatchObject({ label: '养老服务圈外', population: 2310 });
    const parts = splitGaps(fc);
    expect(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.features.length]))).toEqual({ 'rule:ak.new.floor': 1, 'outside:elderly': 1, 'service_area:elderly': 1 });
  });
});

describe('exports read back through readFile', () => {
  it('a results CSV is a readable CSV (BOM taken off, header block rows are text)', () => {
    const csv = toCsv(resultTables({ results: RESULTS }, 'zh')[1], headerBlock({ profile: 'ak', params: DEFAULT_PARAMS }, 'zh'));
    // it has no coordinates, so reading it as a layer says exactly that
    const r = readFile('results.csv', csv);
    expect(!r.ok && r.error.key).toBe('io.err.noCoordinateColumns');
  });
});

describe('GeoJSON output precision', () => {
  it('coordinates are written to 7 decimals (≈1 cm): 108.93849999999999 → 108.9385', () => {
    const f: Facility = { ...FACILITIES[0], geometry: { type: 'Point', coordinates: [108.93849999999999, 34.16519999999995] } };
    expect(layerToGeoJSON('facilities', [f]).features[0].geometry).toEqual({ type: 'Point', coordinates: [108.9385, 34.1652] });
    // the input is not changed
    expect(f.geometry.coordinates[0]).toBe(108.93849999999999);
  });
});
