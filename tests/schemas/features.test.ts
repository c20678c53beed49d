// Feature parsing: aliases, unknown properties kept, numbers coerced or reported, bad input named.
import { describe, expect, it } from 'vitest';
import { coerceNumber, parseLayer } from '../../src/schemas';
import { tm } from '../../src/i18n';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [108.9, 34.1],
      [108.901, 34.1],
      [108.901, 34.101],
      [108.9, 34.101],
      [108.9, 34.1],
    ],
  ],
};
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const feat = (properties: unknown, geometry: unknown = square) => ({ type: 'Feature', properties, geometry });

describe('community aliases', () => {
  it('maps Chinese property names and values to the model and keeps unknown properties in extra', () => {
    const r = parseLayer(
      'communities',
      fc([
        feat({ 编号: 'C1', 名称: '韦曲一号', 街道: 'S1', 类型: '新建居住区', 人口: '1,200', 户数: 400, '60岁以上人口': 180, '0-3岁人口': 36, 建成年份: 2015, 物业公司: '某物业' }),
      ]),
      'c.geojson',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items[0]).toMatchObject({ id: 'C1', name: '韦曲一号', street: 'S1', type: 'new', population: 1200, households: 400, elderly: 180, infants: 36, builtYear: 2015 });
    expect(r.items[0].extra).toEqual({ 物业公司: '某物业' });
    expect(r.issues).toEqual([]);
  });
  it('a missing number stays undefined (not 0) and a non-numeric one is reported', () => {
    const r = parseLayer('communities', fc([feat({ id: 'C2', type: 'built', population: '约一千' })]), 'c.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items[0].population).toBeUndefined();
    expect(r.items[0].households).toBeUndefined();
    expect('households' in r.items[0]).toBe(false);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ id: 'C2', index: 0, field: 'population', severity: 'warning' });
    expect(tm('zh', r.issues[0].msg)).toContain('约一千');
  });
  it('uses the GeoJSON feature id when the properties have none', () => {
    const r = parseLayer('communities', fc([{ ...feat({ type: 'rural' }), id: 42 }]), 'c.geojson');
    expect(r.ok && r.items[0].id).toBe('42');
  });
});

describe('facility aliases', () => {
  it('maps kinds, ownership, 普惠 and the community link', () => {
    const r = parseLayer(
      'facilities',
      fc([
        feat(
          { id: 'F1', 类型: '日间照料中心', 床位: 20, 护理型床位: 12, 建筑面积: '350㎡', 用地面积: 400, 性质: '公建民营', 普惠: '是', 社工: 2, 所属小区: 'C1' },
          { type: 'Point', coordinates: [108.9, 34.1] },
        ),
      ]),
      'f.geojson',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items[0]).toMatchObject({
      kind: 'elderly_daycare',
      beds: 20,
      nursingBeds: 12,
      floorArea: 350,
      landArea: 400,
      ownership: 'public_private',
      inclusive: true,
      socialWorkers: 2,
    });
    expect(r.items[0].extra).toEqual({ community: 'C1' });
  });
  it('托位 and 幼儿园托班', () => {
    const r = parseLayer('facilities', fc([feat({ id: 'K1', kind: '幼儿园托班', 托位: 20 }, { type: 'Point', coordinates: [108.9, 34.1] })]), 'f.geojson');
    expect(r.ok && r.items[0]).toMatchObject({ kind: 'kindergarten_nursery', places: 20 });
  });
});

describe('bad input names file, feature index and id, and field', () => {
  it('unknown facility kind', () => {
    const r = parseLayer('facilities', fc([feat({ id: 'F1', kind: 'hospital' }, { type: 'Point', coordinates: [108.9, 34.1] })]), 'f.geojson');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ file: 'f.geojson', index: 0, id: 'F1', field: 'kind' });
    const text = tm('en', r.problems[0].msg);
    expect(text).toContain('f.geojson');
    expect(text).toContain('feature no. 1 (id F1)');
    expect(text).toContain('hospital');
  });
  it('missing id, missing type, projected coordinates, open ring, wrong geometry type — every problem listed, nothing half-imported', () => {
    const r = parseLayer(
      'communities',
      fc([
        feat({ type: 'new' }),
        feat({ id: 'B', population: 5 }),
        feat({ id: 'C', type: 'new' }, { type: 'Point', coordinates: [500000, 3770000] }),
        feat(
          { id: 'D', type: 'new' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [108.9, 34.1],
                [108.901, 34.1],
                [108.901, 34.101],
                [108.9, 34.101],
              ],
            ],
          },
        ),
        feat(
          { id: 'E', type: 'new' },
          {
            type: 'LineString',
            coordinates: [
              [108.9, 34.1],
              [108.91, 34.1],
            ],
          },
        ),
        feat({ id: 'OK', type: 'new' }),
      ]),
      'c.geojson',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.index, p.field])).toEqual([
      [0, 'id'],
      [1, 'type'],
      [2, 'geometry'],
      [3, 'geometry'],
      [4, 'geometry'],
    ]);
    expect(tm('zh', r.problems[2].msg)).toContain('投影坐标');
    expect(tm('en', r.problems[4].msg)).toContain('LineString');
  });
  it('not a FeatureCollection', () => {
    const r = parseLayer('streets', { type: 'Feature' }, 's.geojson');
    expect(!r.ok && tm('en', r.problems[0].msg)).toContain('s.geojson: not a GeoJSON FeatureCollection');
  });
  it('street type inferred from a name ending in 街道 / 镇, else reported', () => {
    const r = parseLayer('streets', fc([feat({ id: 'S1', name: '韦曲街道' }), feat({ id: 'S2', 名称: '王曲镇' })]), 's.geojson');
    expect(r.ok && r.items.map((s) => s.type)).toEqual(['street', 'town']);
    const bad = parseLayer('streets', fc([feat({ id: 'S3', name: '开发区' })]), 's.geojson');
    expect(!bad.ok && bad.problems[0].field).toBe('type');
  });
});

describe('coerceNumber', () => {
  it('reads planners’ number spellings and refuses words', () => {
    expect(coerceNumber('1,234')).toBe(1234);
    expect(coerceNumber(' 12.5㎡ ')).toBe(12.5);
    expect(coerceNumber('300平方米')).toBe(300);
    expect(coerceNumber('-3')).toBe(-3);
    expect(coerceNumber('n/a')).toBeUndefined();
    expect(coerceNumber(Number.NaN)).toBeUndefined();
    expect(coerceNumber(true)).toBeUndefined();
  });
});

describe('roads', () => {
  it('ids are generated when missing; 道路等级 maps to highway; a Point is refused', () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [108.9, 34.1],
        [108.91, 34.1],
      ],
    };
    const r = parseLayer('roads', fc([feat({ 道路等级: 'residential', 名称: '韦曲路' }, line), { ...feat({}, line), id: 'w7' }]), 'r.geojson');
    expect(r.ok && r.items.map((x) => [x.id, x.highway, x.name])).toEqual([
      ['road-0', 'residential', '韦曲路'],
      ['w7', undefined, undefined],
    ]);
    const bad = parseLayer('roads', fc([feat({ id: 'p' }, { type: 'Point', coordinates: [108.9, 34.1] })]), 'r.geojson');
    expect(!bad.ok && bad.problems[0]).toMatchObject({ id: 'p', field: 'geometry' });
  });
});
