// The map's search: names by part, ranked; coordinates told apart by range. Expected values are
// written by hand from the hand-made units below and the demo's own names (data/demo/project.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCoordinates, searchUnits, type Searchable } from '../../src/core/search';

const sq = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y],
    ],
  ],
});
const units = {
  streets: [
    { id: 'S1', name: '韦曲街道', type: 'street', geometry: sq(108.9, 34.1) },
    { id: 'S2', name: '郭杜街道', type: 'street', geometry: sq(108.8, 34.1) },
  ],
  communities: [
    { id: 'C1', name: '韦曲北社区', street: 'S1', type: 'built', geometry: sq(108.9, 34.1) },
    { id: 'C2', name: '新韦曲村', street: 'S2', type: 'rural', geometry: sq(108.8, 34.1) },
  ],
  facilities: [{ id: 'F1', name: '韦曲街道社区养老服务综合体', kind: 'elderly_complex', geometry: { type: 'Point', coordinates: [108.905, 34.105] } }],
} as unknown as Searchable;

describe('searchUnits', () => {
  it('finds a part of a Chinese name at every level: whole and starting names first, streets before communities before facilities', () => {
    const hits = searchUnits(units, '韦曲');
    expect(hits.map((h) => `${h.level}:${h.id}`)).toEqual(['street:S1', 'community:C1', 'facility:F1', 'community:C2']);
    expect(hits[1].street).toBe('韦曲街道');
    expect(hits[2].kind).toBe('elderly_complex');
  });
  it('a whole name wins over a longer name starting with it; spaces typed are ignored; an id matches exactly', () => {
    expect(searchUnits(units, ' 韦曲 街道 ').map((h) => h.id)).toEqual(['S1', 'F1']);
    expect(searchUnits(units, 'c2').map((h) => h.id)).toEqual(['C2']);
    expect(searchUnits(units, '')).toEqual([]);
    expect(searchUnits(units, '不存在')).toEqual([]);
  });
  it('on the demo: 韦曲 finds 韦曲街道 first, then the two facilities named after it', () => {
    const demo = JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as Record<
      'streets' | 'communities' | 'facilities',
      { features: { properties: Record<string, unknown> }[] }
    >;
    const layer = (k: 'streets' | 'communities' | 'facilities') => demo[k].features.map((f) => f.properties) as never[];
    const hits = searchUnits({ streets: layer('streets'), communities: layer('communities'), facilities: layer('facilities') }, '韦曲', 20);
    expect(hits.map((h) => h.name)).toEqual(['韦曲街道', '韦曲街道社区卫生服务中心', '韦曲街道社区养老服务综合体']);
  });
  it('stops at the limit', () => {
    expect(searchUnits(units, '韦', 2)).toHaveLength(2);
  });
});

describe('parseCoordinates', () => {
  it('reads longitude, latitude in either order, with commas, spaces, degree signs or 东经/北纬', () => {
    expect(parseCoordinates('108.95, 34.27')).toEqual({ ok: true, lon: 108.95, lat: 34.27, swapped: false });
    expect(parseCoordinates('34.27,108.95')).toEqual({ ok: true, lon: 108.95, lat: 34.27, swapped: true });
    expect(parseCoordinates('108.95 34.27')).toMatchObject({ lon: 108.95, lat: 34.27 });
    expect(parseCoordinates('34.27°N，108.95°E')).toMatchObject({ lon: 108.95, lat: 34.27 });
    expect(parseCoordinates('东经108.95 北纬34.27')).toMatchObject({ lon: 108.95, lat: 34.27 });
  });
  it('numbers that are no place in China are said to be outside; text that is not two numbers is a name', () => {
    expect(parseCoordinates('2.35, 48.85')).toEqual({ ok: false, reason: 'outside' });
    expect(parseCoordinates('500000, 3780000')).toEqual({ ok: false, reason: 'outside' });
    expect(parseCoordinates('韦曲')).toBeNull();
    expect(parseCoordinates('108.95')).toBeNull();
    expect(parseCoordinates('1 2 3')).toBeNull();
  });
});
