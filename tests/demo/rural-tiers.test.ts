// wy.rural.tiers on the demo (长安区): its 25 units are all 街道 in the 2023 statistical codes (no 镇),
// but every one still holds villages, so the town tier judges all 25 as 涉农街道 instead of reporting
// "no town" — and the street type comes from the real code, so a district with 镇 gets towns.
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate';
import { parseProject } from '../../src/schemas/project';
import { readStreets, streetTypeOf } from '../../scripts/demo/divisions';
import { DEMO_DIR, readLayer, str } from './data';

describe('street or town from the statistical code (001–099 街道, 100–199 镇, 200–399 乡)', () => {
  it('by hand: 610116001 韦曲街道 → street; 511781100 太平镇 and 511781207 蜂桶乡 → town', () => {
    expect(streetTypeOf('610116001')).toBe('street');
    expect(streetTypeOf('511781100')).toBe('town');
    expect(streetTypeOf('511781207')).toBe('town');
    expect(() => streetTypeOf('6101160')).toThrow(/9 digits/);
  });
  it('agrees with the names: 万源市 has 街道, 镇 and 乡; 长安区 has 25 街道 and no 镇', () => {
    const wy = readStreets('511781');
    for (const s of wy) expect(s.type, s.name).toBe(s.name.endsWith('街道') ? 'street' : 'town');
    expect(wy.filter((s) => s.name.endsWith('镇')).length).toBeGreaterThan(10);
    const ca = readStreets('610116');
    expect(ca).toHaveLength(25);
    expect(ca.every((s) => s.name.endsWith('街道') && s.type === 'street')).toBe(true);
    expect(readLayer<Polygon>('streets').features.map((f) => str(f, 'type'))).toEqual(Array(25).fill('street'));
  });
});

describe('wy.rural.tiers on the demo', () => {
  const loaded = parseProject(readFileSync(join(DEMO_DIR, 'project.json'), 'utf8'), 'project.json');
  if (!loaded.ok) throw new Error('data/demo/project.json does not load');
  const rs = evaluate(loaded.project, { profile: 'wy' }).results.filter((r) => r.rule === 'wy.rural.tiers');
  const streets = readLayer<Polygon | MultiPolygon>('streets').features;
  const centres = readLayer<Point>('facilities').features.filter((f) => str(f, 'kind') === 'elderly_township_centre');
  const villageStreets = new Set(
    readLayer<Polygon>('communities')
      .features.filter((c) => str(c, 'type') === 'rural')
      .map((c) => str(c, 'street')),
  );

  it('town tier: every street holds a village; the 8 without a township centre fail, the other 17 pass', () => {
    expect(villageStreets.size).toBe(25);
    // the 17 centres are named after 17 different streets (…街道区域性养老服务中心（敬老院）); the 8 others, by hand:
    const without = ['韦曲街道', '郭杜街道', '王寺街道', '斗门街道', '细柳街道', '兴隆街道', '高桥街道', '砲里街道'];
    for (const s of streets) {
      const n = centres.filter((f) => booleanPointInPolygon(f.geometry.coordinates, s)).length;
      expect(n === 0, str(s, 'name')).toBe(without.includes(str(s, 'name')));
    }
    const town = rs.filter((r) => r.part === 'town');
    expect(town).toHaveLength(25);
    expect(
      town
        .filter((r) => r.status === 'fail')
        .map((r) => r.unit.name)
        .sort(),
    ).toEqual([...without].sort());
    expect(town.filter((r) => r.status === 'pass')).toHaveLength(17);
  });

  it('county tier: the demo has no 特困供养 institution, but its 敬老院 are 特困供养 homes: 17 named 敬老院 → pass', () => {
    expect(centres.filter((f) => str(f, 'name').includes('敬老院'))).toHaveLength(17);
    expect(rs.filter((r) => r.part === 'county')).toMatchObject([{ unit: { id: 'area' }, value: 17, status: 'pass' }]);
  });
});
