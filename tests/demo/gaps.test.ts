// The deliberate gaps in gaps.json, checked from the committed layers with turf (independent of the
// generator): each listed unit really falls short, by the numbers the rule compares.
import { booleanPointInPolygon, distance } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { num, readGaps, readLayer, str, type Props } from './data';

const streets = readLayer<Polygon | MultiPolygon>('streets').features;
const communities = readLayer<Polygon>('communities').features;
const facilities = readLayer<Point>('facilities').features;
const gaps = new Map(readGaps().gaps.map((g) => [g.id, g]));
const gap = (id: string) => {
  const g = gaps.get(id);
  if (!g) throw new Error(`gaps.json has no ${id}`);
  return g;
};
const community = (id: string) => {
  const c = communities.find((x) => str(x, 'id') === id);
  if (!c) throw new Error(`no community ${id}`);
  return c;
};
const ELDERLY = ['elderly_institution', 'elderly_township_centre', 'elderly_complex', 'elderly_daycare', 'elderly_rural_point'];
const CHILDCARE = ['childcare_centre', 'kindergarten_nursery', 'family_childcare'];
const CIRCLE = ['elderly_daycare', 'elderly_complex', 'elderly_institution', 'elderly_township_centre'];
/** facilities of some kinds whose point lies in a polygon (point-in-polygon, not the generator's own `community` field) */
const within = (area: Feature<Polygon | MultiPolygon, Props>, kinds: string[]) =>
  facilities.filter((f) => kinds.includes(str(f, 'kind')) && booleanPointInPolygon(f.geometry.coordinates, area));
const sum = (fs: Feature<Point, Props>[], key: string) => fs.reduce((a, f) => a + (typeof f.properties?.[key] === 'number' ? (f.properties[key] as number) : 0), 0);
const metres = (a: Position, b: Position) => distance(a, b, { units: 'meters' });

describe('planted gaps', () => {
  it('G1: a new estate with fewer than 10 childcare places per 1000 residents', () => {
    const c = community(gap('G1').ids[0]);
    expect(str(c, 'type')).toBe('new');
    const perThousand = (sum(within(c, CHILDCARE), 'places') / num(c, 'population')) * 1000;
    // planted as round(population × 3 / 1000) places: about 3 per 1000
    expect(perThousand).toBeGreaterThan(2.5);
    expect(perThousand).toBeLessThan(3.5);
  });

  it("G2: the community's largest elderly-care facility is under 300 m²", () => {
    const c = community(gap('G2').ids[0]);
    const elderly = within(c, ELDERLY);
    expect(elderly.length).toBeGreaterThan(0);
    expect(Math.max(...elderly.map((f) => num(f, 'floorArea')))).toBe(180);
  });

  it('G3: the street has no elderly complex and no township centre', () => {
    const s = streets.find((x) => str(x, 'id') === gap('G3').ids[0]);
    expect(s && str(s, 'name')).toBe('砲里街道');
    expect(within(s as Feature<Polygon | MultiPolygon, Props>, ['elderly_complex', 'elderly_township_centre'])).toEqual([]);
    // and every other street has one of them
    for (const o of streets.filter((x) => x !== s)) expect(within(o, ['elderly_complex', 'elderly_township_centre']).length, str(o, 'id')).toBeGreaterThan(0);
  });

  it('G4: the street has no kindergarten with an under-3 class; every other street has one', () => {
    for (const s of streets) {
      const n = within(s, ['kindergarten_nursery']).length;
      if (str(s, 'id') === gap('G4').ids[0]) expect(n).toBe(0);
      else expect(n, str(s, 'id')).toBeGreaterThan(0);
    }
  });

  it('G5: listed communities are more than 810 m (15 min × 0.9 m/s) from every circle facility', () => {
    const g = gap('G5');
    const circle = facilities.filter((f) => CIRCLE.includes(str(f, 'kind')));
    expect(g.ids.length).toBeGreaterThan(10);
    // urban ones all, and every 10th village: each vertex and the edge midpoints
    const urban = g.ids.filter((id) => str(community(id), 'type') !== 'rural');
    expect(urban.length).toBeGreaterThanOrEqual(5);
    const sample = [...urban, ...g.ids.filter((_, i) => i % 10 === 0)];
    for (const id of sample) {
      const ring = community(id).geometry.coordinates[0];
      const pts = ring.flatMap((p, i) => (i === 0 ? [p] : [p, [(p[0] + ring[i - 1][0]) / 2, (p[1] + ring[i - 1][1]) / 2]]));
      const nearest = Math.min(...pts.flatMap((p) => circle.map((f) => metres(p, f.geometry.coordinates))));
      expect(nearest, id).toBeGreaterThan(810);
    }
  });

  it('G6: an institution and a 敬老院 (township centre) have 30 % nursing beds', () => {
    const kinds = gap('G6').ids.map((id) => {
      const f = facilities.find((x) => str(x, 'id') === id) as Feature<Point, Props>;
      expect(num(f, 'nursingBeds'), id).toBe(Math.round(num(f, 'beds') * 0.3));
      return str(f, 'kind');
    });
    expect(kinds).toEqual(['elderly_institution', 'elderly_township_centre']);
  });

  it('G7: listed elderly facilities have no health facility within 300 m, the isolated institution among them', () => {
    const g = gap('G7');
    const health = facilities.filter((f) => str(f, 'kind') === 'health_centre');
    expect(g.ids).toContain(g.facilities?.[0]);
    for (const id of g.ids.filter((_, i) => i % 5 === 0).concat(g.facilities ?? [])) {
      const f = facilities.find((x) => str(x, 'id') === id) as Feature<Point, Props>;
      expect(ELDERLY).toContain(str(f, 'kind'));
      expect(Math.min(...health.map((h) => metres(f.geometry.coordinates, h.geometry.coordinates))), id).toBeGreaterThan(300);
    }
  });

  it('G8: an estate built 2013 or later with under 0.1 m² elderly-care land per resident', () => {
    const c = community(gap('G8').ids[0]);
    expect(num(c, 'builtYear')).toBeGreaterThanOrEqual(2013);
    const perResident = sum(within(c, ELDERLY), 'landArea') / num(c, 'population');
    expect(perResident).toBeCloseTo(0.04, 3);
  });

  it('G9: a new estate with under 20 m² of elderly + childcare floor area per 100 households', () => {
    const c = community(gap('G9').ids[0]);
    const floor = sum(within(c, [...ELDERLY, ...CHILDCARE]), 'floorArea');
    expect(floor).toBe(320);
    expect(floor / (num(c, 'households') / 100)).toBeLessThan(20);
  });

  it('G10: exactly the listed streets have no affordable (普惠) childcare centre or kindergarten class', () => {
    const lacking = streets.filter((s) => within(s, ['childcare_centre', 'kindergarten_nursery']).every((f) => f.properties?.inclusive !== true));
    expect(lacking.map((s) => str(s, 'id')).sort()).toEqual([...gap('G10').ids].sort());
    expect(gap('G10').ids).toContain('610116019'); // 五台: all private, not 普惠
  });

  it('G11: district totals sit on the designed sides of the thresholds', () => {
    const pop = communities.reduce((a, c) => a + num(c, 'population'), 0);
    const elderly = communities.reduce((a, c) => a + num(c, 'elderly'), 0);
    const places = sum(facilities, 'places');
    const beds = sum(facilities, 'beds');
    const nursing = sum(facilities, 'nursingBeds');
    const publicBeds = sum(
      facilities.filter((f) => ['public', 'public_private'].includes(String(f.properties?.ownership))),
      'beds',
    );
    // places: 4.5 ≤ per 1000 < 4.8 (planted at 4.65: 1 590 000 × 4.65 / 1000 = 7 393.5 → 7 394)
    expect(places).toBe(7394);
    expect((places / pop) * 1000).toBeGreaterThanOrEqual(4.5);
    expect((places / pop) * 1000).toBeLessThan(4.8);
    // beds: 3000 ≤ beds < 5000 (planted at 2.9 per 1000: 1 590 000 × 2.9 / 1000 = 4 611)
    expect(beds).toBe(4611);
    // nursing share: 55 % ≤ share < 60 %
    expect(nursing / beds).toBeGreaterThanOrEqual(0.55);
    expect(nursing / beds).toBeLessThan(0.6);
    // public beds under 1 % of residents aged 60+
    expect(publicBeds / elderly).toBeLessThan(0.01);
  });

  it('docs/demo-area.md names every single-unit gap by its id', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'demo-area.md'), 'utf8');
    for (const g of gaps.values()) {
      expect(doc, g.id).toContain(g.id);
      if (g.ids.length === 1) expect(doc, `${g.id} ${g.ids[0]}`).toContain(g.ids[0]);
      for (const f of g.facilities ?? []) expect(doc, `${g.id} ${f}`).toContain(f);
    }
  });
});
