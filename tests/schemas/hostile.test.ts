// What a project file (or a folder layer) gets at the schema: the importer's checks, listed as
// data issues — numbers out of range, outlines crossing themselves, places outside China or
// with longitude and latitude swapped — and unknown keys kept, whatever their name.
import { describe, expect, it } from 'vitest';
import { parseLayer, parseProject } from '../../src/schemas';

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ],
  ],
});
const community = (id: string, props: Record<string, unknown>, geometry: unknown = square(108.9, 34.1)) => ({
  type: 'Feature',
  properties: { id, name: id, type: 'built', ...props },
  geometry,
});
const fcOf = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('numbers at the schema', () => {
  it('1e400, 1e300 and -5 are data issues with the bound, the value unknown and kept in extra', () => {
    const r = parseLayer(
      'communities',
      fcOf(community('a', { population: '1e400' }), community('b', { population: 1e300 }), community('c', { households: '-5' }), community('d', { population: '3,200' })),
      'x.geojson',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items.map((c) => c.population)).toEqual([undefined, undefined, undefined, 3200]);
    expect(r.items[0].extra.population).toBe('1e400');
    expect(r.items[2].extra.households).toBe('-5');
    expect(r.issues.map((i) => [i.id, i.field, i.msg.key, i.msg.args?.max])).toEqual([
      ['a', 'population', 'issue.implausible', 1_000_000],
      ['b', 'population', 'issue.implausible', 1_000_000],
      ['c', 'households', 'issue.negative', 500_000],
    ]);
  });
  it('beds 1e999 on a facility: an issue, not a crash', () => {
    const f = { type: 'Feature', properties: { id: 'f', kind: '养老院', beds: '1e999', places: 40 }, geometry: { type: 'Point', coordinates: [108.9, 34.1] } };
    const r = parseLayer('facilities', fcOf(f), 'f.geojson');
    expect(r.ok && r.items[0].beds).toBe(undefined);
    expect(r.ok && r.items[0].places).toBe(40);
    expect(r.ok && r.issues.map((i) => i.msg.key)).toEqual(['issue.implausible']);
  });
});

describe('geometry checks at the schema', () => {
  it('a bow-tie outline, a point in New York and one in Paris are listed; the project still opens', () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [108.9, 34.1],
          [108.92, 34.12],
          [108.92, 34.1],
          [108.9, 34.12],
          [108.9, 34.1],
        ],
      ],
    };
    const project = {
      version: 1,
      communities: fcOf(community('bow', {}, bowtie), community('ok', {})),
      facilities: fcOf(
        { type: 'Feature', properties: { id: 'ny', kind: '养老院' }, geometry: { type: 'Point', coordinates: [-74.006, 40.7128] } },
        { type: 'Feature', properties: { id: 'paris', kind: '养老院' }, geometry: { type: 'Point', coordinates: [2.3522, 48.8566] } },
      ),
    };
    const r = parseProject(project, 'p.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.issues.map((i) => [i.id, i.field, i.severity, i.msg.key])).toEqual([
      ['bow', 'geometry', 'error', 'issue.selfIntersection'],
      ['ny', 'geometry', 'error', 'issue.outsideChina'],
      ['paris', 'geometry', 'error', 'issue.outsideChina'],
    ]);
    // the crossing of (108.9,34.1)-(108.92,34.12) with (108.92,34.1)-(108.9,34.12) is at the centre
    expect(r.issues[0].msg.args?.at).toBe('108.910000,34.110000');
  });
  it('latitude and longitude swapped: refused with that reason, not as "projected"', () => {
    const r = parseLayer('communities', fcOf(community('s', {}, { type: 'Point', coordinates: [34.1, 108.9] })), 'c.geojson');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => [p.id, p.field, p.msg.key])).toEqual([['s', 'geometry', 'input.swappedLonLat']]);
  });
  it('deeply nested coordinates are refused, not a stack overflow', () => {
    let c: unknown = [108.9, 34.1];
    for (let i = 0; i < 100_000; i++) c = [c];
    const r = parseLayer('communities', fcOf(community('deep', {}, { type: 'Polygon', coordinates: c })), 'deep.geojson');
    expect(!r.ok && r.problems.map((p) => [p.id, p.field, p.msg.key])).toEqual([['deep', 'geometry', 'input.badGeometry']]);
  });
});

describe('unknown properties named like Object internals', () => {
  it('__proto__, constructor and prototype are kept as data and pollute nothing', () => {
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a","name":"甲","type":"built","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":"p"},"geometry":{"type":"Point","coordinates":[108.9,34.1]}}]}';
    const r = parseLayer('communities', JSON.parse(text), 'p.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const extra = r.items[0].extra;
    expect(Object.keys(extra).sort()).toEqual(['__proto__', 'constructor', 'prototype']);
    // biome-ignore lint/suspicious/noProto: reading the key a hostile file sent, kept as plain data on a null-prototype object
    expect(extra.__proto__).toEqual({ polluted: 'yes' });
    expect(extra.prototype).toBe('p');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
