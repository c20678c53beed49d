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
  // one street along x = 0 from y = 0 to 2000; a facility 10 m east of it at y = 1900; a long estate
  // west of the street (x −30..−5, y 0..1200) whose representative point is near y = 600
  const roads = [line('street', [0, 0], [0, 1000], [0, 2000])];
  const estate = community('E', { type: 'built', population: 1000, geometry: rect(-30, 0, -5, 1200) });
  const base = { roads, facilities: [facility('D', 'elderly_daycare', { geometry: point(10, 1900) })] };
  const status = (c: typeof estate) =>
    evaluate(layers({ ...base, communities: [c] }), { profile: 'wy', params: { reach: 'network' } }).results.find((x) => x.rule === 'wy.circle' && x.unit.id === 'E')?.status;

  it('without entrances the walk starts from the middle of the estate: about 1300 m of street > 810 m', () => {
    expect(status(estate)).toBe('fail');
  });
  it('with its north gate at (−5, 1200) the walk is 5 + 700 + 10 = 715 m ≤ 810 m: covered', () => {
    expect(status({ ...estate, entrances: [at(-5, 1200)] })).toBe('pass');
  });
  it('the best of several entrances counts', () => {
    expect(status({ ...estate, entrances: [at(-5, 10), at(-5, 1200)] })).toBe('pass');
  });
});
