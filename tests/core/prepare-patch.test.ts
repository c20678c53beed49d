// The facilities' preparation patched at the indices an edit changed (rules/context.ts,
// patchFacilities and the walks patched with it): what a random edit rarely meets — a facility
// moved into two overlapping communities, linked to a community that does not exist, given a
// negative capacity, moved off every street, added at the end and taken off it, an id that another
// facility holds — each step compared with a preparation of a structural copy (everything worked
// out again) and with values by hand. Layout in metres east/north (fixtures.ts): communities
// A [0,200]×[0,100] and B [100,300]×[0,100] overlap on [100,200]; street S covers x < 1000,
// T covers 1000 ≤ x < 2000.
import { describe, expect, it } from 'vitest';
import type { Facility } from '../../src/core/model';
import { resolveParams } from '../../src/core/params';
import type { CommunityReach } from '../../src/core/reach/community-reach';
import { buildContext, type EvalContext } from '../../src/core/rules/context';
import { community, facility, layers, point, rect, street } from './fixtures';

const params = resolveParams({});
const A = community('A', { geometry: rect(0, 0, 200, 100), population: 100, households: 40 });
const B = community('B', { geometry: rect(100, 0, 300, 100), population: 100, households: 40 });
const C = community('C', { geometry: rect(1200, 0, 1300, 100), population: 100, households: 40 });
const S = street('S', 'street', rect(-1000, -1000, 1000, 1000));
const T = street('T', 'street', rect(1000, -1000, 2000, 1000));
const F1 = facility('F1', 'elderly_daycare', { geometry: point(50, 50), places: 10 });
const F2 = facility('F2', 'childcare_centre', { geometry: point(1250, 50), places: 20 });
const F3 = facility('F3', 'elderly_daycare', { geometry: point(600, 50), places: 30 });
const base = layers({ communities: [A, B, C], streets: [S, T], facilities: [F1, F2, F3] });
const data = (facilities: Facility[]) => ({ ...base, facilities });

/** what the preparation holds about facilities, equal to a preparation from scratch */
function same(ctx: EvalContext, facilities: Facility[]): void {
  const cold = buildContext(structuredClone(data(facilities)), params);
  expect(ctx.issues).toEqual(cold.issues);
  expect(ctx.facilities).toEqual(cold.facilities);
  expect(ctx.onsite).toEqual(cold.onsite);
  expect([...ctx.facilityStreet]).toEqual([...cold.facilityStreet]);
  expect(ctx.streetFacilities).toEqual(cold.streetFacilities);
  expect(ctx.facilityUnits).toEqual(cold.facilityUnits);
  expect(rows(ctx.reach)).toEqual(rows(cold.reach));
  expect(ctx.reach.unplacedSupply).toEqual(cold.reach.unplacedSupply);
}

/** each community's walks in order (facility, metres, how): the pair arrays may hold pairs no row
 *  reads (rows an edit wrote after the others) */
const rows = (r: CommunityReach) => [...r.start].map((from, c) => Array.from({ length: r.end[c] - from }, (_, k) => [r.supply[from + k], r.distance[from + k], r.via[from + k]]));

const keys = (ctx: EvalContext) => ctx.issues.filter((i) => i.level === 'facility').map((i) => `${i.id}:${i.msg.key}`);

describe('the facilities prepared again only where an edit changed them', () => {
  it('overlap, unknown link, negative value, off the streets, added and taken off the end, a repeated id', () => {
    const first = buildContext(data([F1, F2, F3]), params);
    same(first, [F1, F2, F3]);
    expect(first.onsite).toEqual([[0], [], [1]]);
    expect(first.streetFacilities).toEqual([[0, 2], [1]]);
    expect(keys(first)).toEqual([]);

    // F1 moved into the overlap of A and B: on site in A (the first), an issue naming both
    const f1 = { ...F1, geometry: point(150, 50) };
    const moved = buildContext(data([f1, F2, F3]), params);
    same(moved, [f1, F2, F3]);
    expect(moved.onsite).toEqual([[0], [], [1]]);
    expect(keys(moved)).toEqual(['F1:issue.overlapCommunities']);
    // patched, not prepared again: T's list of facilities is the one from before
    expect(moved.streetFacilities[1]).toBe(first.streetFacilities[1]);

    // F3 linked to a community that does not exist, with a negative capacity; F2 moved off
    // every street into B (x 250): on site in B, outside the streets
    const f3 = { ...F3, places: -5, extra: { community: 'X' } };
    const f2 = { ...F2, geometry: point(250, 50) };
    const next = buildContext(data([f1, f2, f3]), params);
    same(next, [f1, f2, f3]);
    expect(next.onsite).toEqual([[0], [1], []]);
    expect(next.streetFacilities).toEqual([[0, 1, 2], []]);
    expect(keys(next)).toEqual(['F3:issue.negative', 'F1:issue.overlapCommunities', 'F3:issue.unknownCommunityLink']);
    expect(next.facilities[2].places).toBeUndefined();

    // F2 off every street (x 3000, outside S and T and every community), and F4 added in C
    const f2far = { ...F2, geometry: point(3000, 50) };
    const F4 = facility('F4', 'elderly_daycare', { geometry: point(1250, 60), places: 5 });
    const added = buildContext(data([f1, f2far, f3, F4]), params);
    same(added, [f1, f2far, f3, F4]);
    expect(added.onsite).toEqual([[0], [], [3]]);
    expect(added.streetFacilities).toEqual([[0, 2], [3]]);
    expect(keys(added)).toEqual(['F3:issue.negative', 'F2:issue.facilityOutsideStreets', 'F1:issue.overlapCommunities', 'F3:issue.unknownCommunityLink']);

    // F4 taken off the end again (an undo)
    const undone = buildContext(data([f1, f2far, f3]), params);
    same(undone, [f1, f2far, f3]);
    expect(undone.onsite).toEqual([[0], [], []]);

    // F3 replaced by a record with F1's id: the layer repeats an id, prepared in full
    const twice = { ...F3, id: 'F1' };
    const repeated = buildContext(data([f1, f2far, twice]), params);
    same(repeated, [f1, f2far, twice]);
    expect(repeated.facilities.map((f) => f.id)).toEqual(['F1', 'F2']);
    expect(keys(repeated)).toContain('F1:issue.duplicateId');

    // and back to unique ids: prepared in full once, then patched again
    const back = buildContext(data([F1, F2, F3]), params);
    same(back, [F1, F2, F3]);
    const again = buildContext(data([F1, F2, f3]), params);
    same(again, [F1, F2, f3]);
    expect(again.streetFacilities[1]).toBe(back.streetFacilities[1]);
  });
  it('a capacity change keeps the walks: the pairs are the very arrays of the edit before', () => {
    const before = buildContext(data([F1, F2, F3]), params);
    const bigger = buildContext(data([F1, F2, { ...F3, places: 300 }]), params);
    same(bigger, [F1, F2, { ...F3, places: 300 }]);
    for (const k of ['start', 'end', 'supply', 'distance'] as const) expect(bigger.reach[k], k).toBe(before.reach[k]);
  });

  it('a preparation that threw part-way leaves nothing to patch from: the next layer is prepared as from scratch', () => {
    buildContext(data([F1, F2, F3]), params);
    // F2 replaced by a record without a geometry (the schema refuses it; here it reaches the engine)
    const broken = { ...F2, id: 'X', geometry: null } as unknown as Facility;
    expect(() => buildContext(data([F1, broken, F3]), params)).toThrow();
    // then a layer that repeats F2's id: the repeat is found, as a cold preparation finds it
    const twice = [F1, F2, { ...F3, id: 'F2' }];
    const warm = buildContext(data(twice), params);
    same(warm, twice);
    expect(warm.facilities.map((f) => f.id)).toEqual(['F1', 'F2']);
    expect(keys(warm)).toContain('F2:issue.duplicateId');
  });
});
