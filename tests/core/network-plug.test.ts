// The rule engine takes the street-network ReachEngine through the same interface: a river with no
// bridge makes a facility 200 m away in a straight line unreachable on foot.
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate';
import type { Road } from '../../src/core/model';
import { at, community, facility, layers, point, rect } from './fixtures';

const line = (id: string, ...pts: [number, number][]): Road => ({ id, geometry: { type: 'LineString', coordinates: pts.map(([x, y]) => at(x, y)) } as LineString });

describe('coverage with the network engine', () => {
  // west bank road x = 0 and east bank road x = 200 (y 0..2000, a vertex at y = 1000), no bridge between them;
  // streets join only at shared vertices, so the bridge below connects them at y = 1000
  const roads = [line('west', [0, 0], [0, 1000], [0, 2000]), line('east', [200, 0], [200, 1000], [200, 2000])];
  const data = layers({
    roads,
    communities: [community('C', { type: 'built', population: 1000, geometry: rect(-30, 990, -10, 1010) })],
    facilities: [facility('D', 'elderly_daycare', { geometry: point(210, 1000) })],
  });
  it('straight line (params.reach = straight): 220 m → covered', () => {
    const r = evaluate(data, { profile: 'wy', params: { reach: 'straight' } }).results.find((x) => x.rule === 'wy.circle' && x.unit.id === 'C');
    expect(r?.status).toBe('pass');
  });
  it('by default (reach = auto) the rules walk the streets as soon as roads are loaded: not covered', () => {
    const r = evaluate(data, { profile: 'wy' }).results.find((x) => x.rule === 'wy.circle' && x.unit.id === 'C');
    expect(r).toMatchObject({ status: 'fail', shortfall: 1000 });
  });
  it('auto without roads is the straight line: covered', () => {
    const r = evaluate({ ...data, roads: [] }, { profile: 'wy' }).results.find((x) => x.rule === 'wy.circle' && x.unit.id === 'C');
    expect(r?.status).toBe('pass');
  });
  it('network (params.reach = network, built from the roads): no walk across the river → not covered', () => {
    const r = evaluate(data, { profile: 'wy', params: { reach: 'network' } }).results.find((x) => x.rule === 'wy.circle' && x.unit.id === 'C');
    expect(r).toMatchObject({ status: 'fail', shortfall: 1000 });
  });
  it('network with a bridge at y = 1000: 20 + 200 + 10 m of walking → covered', () => {
    const bridged = { ...data, roads: [...roads, line('bridge', [0, 1000], [200, 1000])] };
    const r = evaluate(bridged, { profile: 'wy', params: { reach: 'network' } }).results.find((x) => x.rule === 'wy.circle' && x.unit.id === 'C');
    expect(r?.status).toBe('pass');
  });
});

describe('community entrances in the network reach', () => {
  // one street along x = 0 from y = 0 to 2000; a facility 10 m east of it at y = 1900 (D) or y = 100
  // (D2); a long estate west of the street (x −30..−5, y 0..1200) whose residents are counted at its
  // representative point R = (−17.5, 600). The walk inside the estate to a gate counts.
  const roads = [line('street', [0, 0], [0, 1000], [0, 2000])];
  const estate = community('E', { type: 'built', population: 1000, geometry: rect(-30, 0, -5, 1200) });
  const status = (c: typeof estate, at: [number, number] = [10, 1900]) =>
    evaluate(layers({ roads, facilities: [facility('D', 'elderly_daycare', { geometry: point(...at) })], communities: [c] }), {
      profile: 'wy',
      params: { reach: 'network' },
    }).results.find((x) => x.rule === 'wy.circle' && x.unit.id === 'E')?.status;

  it('without entrances: out of the estate where best, R → (−5, 1200) √(12.5² + 600²) = 600.1 + 5 + 700 + 10 = 1315 m > 810 m', () => {
    expect(status(estate)).toBe('fail');
  });
  it('a gate at (−5, 1200) does not shorten the 600 m walk inside: 600.1 + 5 + 700 + 10 = 1315 m > 810 m', () => {
    expect(status({ ...estate, entrances: [at(-5, 1200)] })).toBe('fail');
  });
  it('the best of several gates counts: to D2 at (10, 100) through (−5, 10): √(12.5² + 590²) = 590.1 + 5 + 90 + 10 = 695 m ≤ 810 m', () => {
    expect(status({ ...estate, entrances: [at(-5, 1200)] }, [10, 100])).toBe('fail'); // 600.1 + 5 + 1100 + 10 = 1715 m
    expect(status({ ...estate, entrances: [at(-5, 10), at(-5, 1200)] }, [10, 100])).toBe('pass');
  });
});
