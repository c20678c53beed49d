// reevaluate(): an edit of facilities answered by working out only some communities again. Each
// step is compared with evaluate() run cold on a structural copy, and the cases below are those a
// random edit rarely meets: a community outside every circle whose nearest facility (named in its
// row, at any distance) is a facility far away that the edit adds, moves, deletes or re-kinds —
// the community's walks do not change, only the nearest beyond its circle. Distances by hand
// (fixtures.ts: metres east of the origin, 810 m circle = 15 min × 60 × 0.9 m/s).
import { describe, expect, it } from 'vitest';
import { evaluate, type EvaluateOptions, type Evaluation } from '../../src/core/evaluate';
import type { Facility, Layers, RuleResult } from '../../src/core/model';
import { evaluateForEdits, reevaluate } from '../../src/core/reevaluate';
import { createNetworkEngine } from '../../src/core/reach/network-engine';
import { at, community, facility, layers, point, rect, street } from './fixtures';

type Data = ReturnType<typeof layers>;
const copy = (l: Data): Data => structuredClone(l);
const PROFILE = { profile: 'combined' };

/** the community's row of the 15-minute elderly-care circle (wy.circle) */
function coverageRow(ev: Evaluation, id: string): RuleResult {
  const r = ev.results.find((x) => x.unit.id === id && x.rule === 'wy.circle');
  if (!r) throw new Error(`no wy.circle row for ${id}`);
  return r;
}

const strip = (rs: readonly RuleResult[]) => rs.map(({ citation: _, ...r }) => r);

function step(prev: Evaluation, data: Data, opts: EvaluateOptions = PROFILE): Evaluation {
  const r = reevaluate(prev, data, opts);
  expect(r).not.toBeNull();
  if (!r) throw new Error('evaluated in full');
  const cold = evaluate(copy(data), opts);
  // the same results in the same order, issues and coverage as a cold evaluation
  expect(strip(r.evaluation.results)).toEqual(strip(cold.results));
  expect(r.evaluation.issues).toEqual(cold.issues);
  expect(r.evaluation.coverage).toEqual(cold.coverage);
  // the delta lists every unit whose results differ, with all of their new results
  const changed = new Set(r.delta.units.map((u) => `${u.level}|${u.id}`));
  for (const x of cold.results) {
    const was = prev.results.filter((p) => p.unit.level === x.unit.level && p.unit.id === x.unit.id);
    const now = cold.results.filter((p) => p.unit.level === x.unit.level && p.unit.id === x.unit.id);
    if (JSON.stringify(strip(was)) !== JSON.stringify(strip(now))) expect(changed.has(`${x.unit.level}|${x.unit.id}`), x.unit.id).toBe(true);
  }
  return r.evaluation;
}

const with_ = (l: Data, facilities: Facility[]): Data => ({ ...l, facilities });

describe('reevaluate: only the communities an edit of facilities reaches, the same results as in full', () => {
  // A at the origin has no elderly facility within 810 m: its row names the nearest beyond
  const A = community('A', { geometry: rect(0, 0, 100, 100), population: 1000, households: 400, type: 'built' });
  const B = community('B', { geometry: rect(5000, 0, 5100, 100), population: 2000, households: 800, type: 'built' });
  const far = facility('F1', 'elderly_daycare', { geometry: point(3050, 50), places: 20, floorArea: 300 });
  const onB = facility('F2', 'elderly_daycare', { geometry: point(5050, 50), places: 30, floorArea: 400 });
  const base: Data = layers({ communities: [A, B], facilities: [far, onB], streets: [street('S', 'street')] });

  it('a facility added, moved, re-kinded and deleted far from a community outside every circle', () => {
    let ev = evaluateForEdits(base, PROFILE);
    expect(coverageRow(ev, 'A').nearest?.id).toBe('F1');
    // added 2 km east of A's centre: nearer than F1 (3 km), still beyond the circle
    const added = facility('N', 'elderly_daycare', { geometry: point(2050, 50), places: 10 });
    let l = with_(base, [far, onB, added]);
    ev = step(ev, l);
    expect(coverageRow(ev, 'A').nearest?.id).toBe('N');
    expect(coverageRow(ev, 'A').nearest?.distance).toBeGreaterThan(2000 * 0.999);
    expect(coverageRow(ev, 'A').nearest?.distance).toBeLessThan(2000 * 1.001);
    // N taken out and P (4.5 km east) added in its place at the same index (an undo and another
    // add): F1 (3 km) is A's nearest again, then N back
    const P = facility('P', 'elderly_daycare', { geometry: point(4550, 50), places: 10 });
    ev = step(ev, with_(base, [far, onB, P]));
    expect(coverageRow(ev, 'A').nearest?.id).toBe('F1');
    ev = step(ev, l);
    expect(coverageRow(ev, 'A').nearest?.id).toBe('N');
    // moved to 4 km: F1 is the nearest again
    l = with_(base, [far, onB, { ...added, geometry: point(4050, 50) }]);
    ev = step(ev, l);
    expect(coverageRow(ev, 'A').nearest?.id).toBe('F1');
    // F1 deleted: the moved N (4 km) is the nearest
    l = with_(base, [onB, { ...added, geometry: point(4050, 50) }]);
    ev = step(ev, l);
    expect(coverageRow(ev, 'A').nearest?.id).toBe('N');
    // N becomes a childcare centre: F2 (5 km) is the nearest elderly-care facility
    l = with_(base, [onB, { ...added, kind: 'childcare_centre', geometry: point(4050, 50) }]);
    ev = step(ev, l);
    expect(coverageRow(ev, 'A').nearest?.id).toBe('F2');
    // back to the baseline (an undo of all of it)
    ev = step(ev, base);
    expect(coverageRow(ev, 'A').nearest?.id).toBe('F1');
  });

  it('along the streets: a facility added or moved far from communities outside every circle (nearest kept, or searched from the newcomer alone)', () => {
    // a main street along y = 0 (x −1 000 … 6 000) and a side street along y = 3 000 (x −100 …
    // 5 000) that does not meet it. A (x 0…20, y 10…30, residents at (10, 20)) walks out through
    // its corner (20, 10): √(10² + 10²) = 14.1 m inside, 10 m to the street, along it, and 10 m to a
    // facility 10 m off the street at x = X: X + 14.1 m. C lies on the side street the same way.
    const line = (id: string, ...pts: [number, number][]) => ({ id, geometry: { type: 'LineString' as const, coordinates: pts.map(([x, y]) => at(x, y)) } });
    const roads = [line('main', [-1000, 0], [0, 0], [1000, 0], [2000, 0], [3000, 0], [4000, 0], [5000, 0], [6000, 0]), line('side', [-100, 3000], [1000, 3000], [5000, 3000])];
    const net = { profile: 'wy', reach: createNetworkEngine(roads, { snapDistance: 500 }) };
    const A2 = community('A', { geometry: rect(0, 10, 20, 30), population: 1000, households: 400, type: 'built' });
    const C = community('C', { geometry: rect(0, 3010, 20, 3030), population: 1000, households: 400, type: 'built' });
    const F1 = facility('F1', 'elderly_daycare', { geometry: point(3000, 10), places: 20 });
    const l = layers({ roads, communities: [A2, C], facilities: [F1], streets: [street('S', 'street')] });
    // the facility, how, and the metres by hand to within 0.1 % (the fixtures' projection)
    const nearest = (ev: Evaluation, id: string) => {
      const n = coverageRow(ev, id).nearest;
      return [n?.id, n?.via, n?.distance ?? 0];
    };
    const m = (x: number) => expect.closeTo(x, -Math.log10(x * 0.002));
    let ev = evaluateForEdits(l, net);
    // A: F1 along the main street, 3 000 + 14.1 m; C: no street path to F1, the straight line
    // from (10, 3 020) to (3 000, 10): √(2 990² + 3 010²) = 4 242.6 m
    expect(nearest(ev, 'A')).toEqual(['F1', 'streets', m(3014.1)]);
    expect(nearest(ev, 'C')).toEqual(['F1', 'straight', m(4242.6)]);
    // K on the side street at x = 4 900: C's only street path (4 914 m, farther than the straight
    // line to F1, but a street path goes first); A's kept nearest stays (K is not on its streets)
    const K = facility('K', 'elderly_daycare', { geometry: point(4900, 3010), places: 20 });
    ev = step(ev, with_(l, [F1, K]), net);
    expect(nearest(ev, 'A')).toEqual(['F1', 'streets', m(3014.1)]);
    expect(nearest(ev, 'C')).toEqual(['K', 'streets', m(4914.1)]);
    // N added at x = 2 000 on the main street: nearer to A than its kept F1 (2 014 m)
    const N = facility('N', 'elderly_daycare', { geometry: point(2000, 10), places: 20 });
    ev = step(ev, with_(l, [F1, K, N]), net);
    expect(nearest(ev, 'A')).toEqual(['N', 'streets', m(2014.1)]);
    // N moved to x = 4 000: A's nearest moved, searched again in full: F1 (3 014 m)
    ev = step(ev, with_(l, [F1, K, { ...N, geometry: point(4000, 10) }]), net);
    expect(nearest(ev, 'A')).toEqual(['F1', 'streets', m(3014.1)]);
    // M 900 m off every street (more than the 500 m a point is snapped): 1 730 m from A in a
    // straight line, no walk along streets — A keeps F1
    const M = facility('M', 'elderly_daycare', { geometry: point(1500, 900), places: 20 });
    ev = step(ev, with_(l, [F1, K, { ...N, geometry: point(4000, 10) }, M]), net);
    expect(nearest(ev, 'A')).toEqual(['F1', 'streets', m(3014.1)]);
    expect(nearest(ev, 'C')).toEqual(['K', 'streets', m(4914.1)]);
  });

  it('co-location: the nearest health centre of an elderly-care facility kept, taken from a newcomer, or searched again', () => {
    // wy.colocate: a daycare has a health centre within 300 m; its row gives the metres to the
    // nearest one and names it. S at x = 0 (y = 50 like the others), H1 500 m east of it
    const wy = { profile: 'wy' };
    const S = facility('S', 'elderly_daycare', { geometry: point(0, 50), places: 10 });
    const H1 = facility('H1', 'health_centre', { geometry: point(500, 50) });
    const H2 = facility('H2', 'health_centre', { geometry: point(200, 50) });
    const row = (ev: Evaluation) => {
      const r = ev.results.find((x) => x.rule === 'wy.colocate' && x.unit.id === 'S');
      return [r?.status, Math.round(r?.value ?? 0), r?.reason?.args?.id];
    };
    let ev = evaluateForEdits(with_(base, [far, onB, S, H1]), wy);
    expect(row(ev)).toEqual(['fail', 500, 'H1']);
    // H2 added 200 m from S: nearer than the kept H1
    ev = step(ev, with_(base, [far, onB, S, H1, H2]), wy);
    expect(row(ev)).toEqual(['pass', 200, 'H2']);
    // H2 moved 800 m away: S's partner moved, searched again: H1
    ev = step(ev, with_(base, [far, onB, S, H1, { ...H2, geometry: point(800, 50) }]), wy);
    expect(row(ev)).toEqual(['fail', 500, 'H1']);
    // H1 taken out and H3 added in its place, at the same index and spot: S names H3
    const H3 = { ...H1, id: 'H3', name: 'H3' };
    ev = step(ev, with_(base, [far, onB, S, H3, { ...H2, geometry: point(800, 50) }]), wy);
    expect(row(ev)).toEqual(['fail', 500, 'H3']);
    // S moved next to H2 (800 m): 0 m from it
    ev = step(ev, with_(base, [far, onB, { ...S, geometry: point(800, 50) }, H3, { ...H2, geometry: point(800, 50) }]), wy);
    expect(row(ev)).toEqual(['pass', 0, 'H2']);
  });

  it('a facility renamed, or linked to a community, where it stands: the rows naming it follow', () => {
    let ev = evaluateForEdits(base, PROFILE);
    // A (outside every circle) names F1 3 km away; B names F2 on its site: both renamed
    ev = step(ev, with_(base, [{ ...far, name: '新名' }, onB]));
    expect(coverageRow(ev, 'A').nearest?.name).toBe('新名');
    ev = step(
      ev,
      with_(base, [
        { ...far, name: '新名' },
        { ...onB, name: 'B站' },
      ]),
    );
    expect(coverageRow(ev, 'B').nearest?.name).toBe('B站');
    // a daycare 350 m east of A's centre, then linked to A where it stands: 0 m, on site
    const G = facility('G', 'elderly_daycare', { geometry: point(400, 50), places: 10 });
    ev = step(ev, with_(base, [far, onB, G]));
    expect(coverageRow(ev, 'A').nearest?.id).toBe('G');
    expect(coverageRow(ev, 'A').value).toBeGreaterThan(349);
    expect(coverageRow(ev, 'A').value).toBeLessThan(351);
    ev = step(ev, with_(base, [far, onB, { ...G, extra: { community: 'A' } }]));
    expect(coverageRow(ev, 'A').value).toBe(0);
    expect(coverageRow(ev, 'A').nearest?.via).toBe('site');
  });

  it('a capacity change on site changes the community, its street and the area, nothing else', () => {
    const ev = evaluateForEdits(base, PROFILE);
    const r = reevaluate(ev, with_(base, [far, { ...onB, places: 300, floorArea: 2000 }]), PROFILE);
    expect(r?.redone).toBe(1); // B alone: F2 is on its site and reaches no other community
    expect(r?.delta.units.some((u) => u.level === 'community' && u.id === 'A')).toBe(false);
    expect(r?.delta.units.some((u) => u.level === 'community' && u.id === 'B')).toBe(true);
    if (r) step(ev, with_(base, [far, { ...onB, places: 300, floorArea: 2000 }]));
  });

  it('what an edit carries over stays right for a later full evaluation of the same layers (another profile)', () => {
    // a facility of unknown capacity within reach (its index listed in the 2SFCA shares), and a
    // facility before it deleted (near B, out of A's reach: A keeps its shares): every later index moves down by one
    const near = (id: string, x: number, over: Partial<Facility> = {}) => facility(id, 'elderly_daycare', { geometry: point(x, 50), ...over });
    // A new (ca.households' shared-catchment view applies to new communities)
    const l = { ...base, communities: [{ ...A, type: 'new' as const }, B] };
    const U = near('U', 200, { places: undefined, floorArea: undefined, beds: undefined });
    const l0 = with_(l, [near('D', 5030, { places: 5, floorArea: 100 }), far, onB, U]);
    const ev = evaluateForEdits(l0, PROFILE);
    expect(ev.results.some((r) => r.unit.id === 'A' && r.view === 'catchment' && r.reason?.args?.ids === 'U')).toBe(true);
    const l1 = with_(l, [far, onB, U]);
    step(ev, l1);
    for (const profile of ['cf', 'ak', 'ca', 'combined']) {
      const cold = evaluate(copy(l1), { profile });
      expect(strip(evaluate(l1, { profile }).results), profile).toEqual(strip(cold.results));
    }
  });

  it('a share of new communities (a target read from their rows) follows a second edit on a new community', () => {
    // xn.newarea: a new community counts when every on-site community rule of the profile passes
    // (xn has one: a childcare provider on site) and an elderly-care facility stands on its site.
    // N has its childcare centre C; the first edit (an elderly-care centre 200 m away, within N's
    // circle, not on site) redoes N and keeps what the target read; the second puts one on N's
    // site, which the kept reading must take in: 0 of 1 new communities count, then 1 of 1
    const xn = { profile: 'xn' };
    const N = community('N', { geometry: rect(0, 0, 100, 100), population: 1000, households: 400, type: 'new' });
    const C = facility('C', 'childcare_centre', { geometry: point(30, 30), places: 20 });
    const l = { ...base, communities: [N, B] };
    const share = (ev: Evaluation) => ev.results.find((x) => x.rule === 'xn.newarea')?.value;
    let ev = evaluateForEdits(with_(l, [far, onB, C]), xn);
    expect(share(ev)).toBe(0);
    const near = facility('M', 'elderly_daycare', { geometry: point(250, 50), places: 20 });
    ev = step(ev, with_(l, [far, onB, C, near]), xn);
    expect(share(ev)).toBe(0);
    const onN = facility('E', 'elderly_daycare', { geometry: point(50, 50), places: 40, floorArea: 500 });
    ev = step(ev, with_(l, [far, onB, C, near, onN]), xn);
    expect(share(ev)).toBe(1);
    ev = step(ev, with_(l, [far, onB, C, near]), xn);
    expect(share(ev)).toBe(0);
  });

  it("a street's and the area's sums after a move and a capacity change (kept sums, worked out again only when they change)", () => {
    // wy.circle: residents within 810 m of an elderly-care facility ÷ residents, per street and the
    // area; wy.land: m² of land ÷ residents. A (1 000 residents) lies in street S1, B (3 000) in S2
    const wy = { profile: 'wy' };
    const A1 = community('A', { geometry: rect(0, 0, 100, 100), population: 1000, households: 400, type: 'built' });
    const B1 = community('B', { geometry: rect(5000, 0, 5100, 100), population: 3000, households: 1200, type: 'built' });
    const streets = [street('S1', 'street', rect(-1000, -1000, 3000, 1000)), street('S2', 'street', rect(4000, -1000, 8000, 1000))];
    const F = facility('F', 'elderly_daycare', { geometry: point(300, 50), places: 20, floorArea: 300, landArea: 500 });
    const l = layers({ communities: [A1, B1], facilities: [F], streets });
    const row = (ev: Evaluation, rule: string, unit: string) => ev.results.find((x) => x.rule === rule && x.unit.id === unit)?.value;
    const sums = (ev: Evaluation) => [
      row(ev, 'wy.circle', 'S1'),
      row(ev, 'wy.circle', 'S2'),
      row(ev, 'wy.circle', 'area'),
      row(ev, 'wy.land', 'S1'),
      row(ev, 'wy.land', 'S2'),
      row(ev, 'wy.land', 'area'),
    ];
    let ev = evaluateForEdits(l, wy);
    // F 250 m from A's centre: A covered, B (5 km away) not
    expect(sums(ev)).toEqual([1, 0, 1000 / 4000, 500 / 1000, 0, 500 / 4000]);
    // moved 250 m from B's centre: B covered, A not; its land counts in S2 now
    ev = step(ev, with_(l, [{ ...F, geometry: point(5300, 50) }]), wy);
    expect(sums(ev)).toEqual([0, 1, 3000 / 4000, 0, 500 / 3000, 500 / 4000]);
    // its land 1 200 m²: S2 and the area change, the circles do not
    ev = step(ev, with_(l, [{ ...F, geometry: point(5300, 50), landArea: 1200 }]), wy);
    expect(sums(ev)).toEqual([0, 1, 3000 / 4000, 0, 1200 / 3000, 1200 / 4000]);
    ev = step(ev, l, wy);
    expect(sums(ev)).toEqual([1, 0, 1000 / 4000, 500 / 1000, 0, 500 / 4000]);
  });

  it("an area target's total (ca: elderly beds ≥ 5000) kept over a move, worked out again for a capacity, an unknown value and a facility taken out where another comes", () => {
    const CA = { profile: 'ca' };
    const beds = (ev: Evaluation) => {
      const r = ev.results.find((x) => x.rule === 'ca.targets.2023' && x.part === 'beds');
      if (!r) throw new Error('no beds target row');
      return r;
    };
    const F1 = { ...far, beds: 120 };
    const F2 = { ...onB, beds: 80 };
    let ev = evaluateForEdits(with_(base, [F1, F2]), CA);
    expect(beds(ev).value).toBe(200);
    // moved: the same beds (the total handed on)
    ev = step(ev, with_(base, [{ ...F1, geometry: point(3500, 50) }, F2]), CA);
    expect(beds(ev).value).toBe(200);
    // F2's beds 80 → 4900: 5020 ≥ 5000 passes
    ev = step(
      ev,
      with_(base, [
        { ...F1, geometry: point(3500, 50) },
        { ...F2, beds: 4900 },
      ]),
      CA,
    );
    expect(beds(ev).value).toBe(5020);
    expect(beds(ev).status).toBe('pass');
    // F1's beds unknown: 4900 counted, F1 named
    ev = step(
      ev,
      with_(base, [
        { ...F1, geometry: point(3500, 50), beds: undefined },
        { ...F2, beds: 4900 },
      ]),
      CA,
    );
    expect(beds(ev).value).toBe(4900);
    expect(JSON.stringify(beds(ev).reason)).toContain('F1');
    // F1 taken out and N, its beds unknown too, added at its index: still 4900, N named instead
    const N = facility('N', 'elderly_daycare', { geometry: point(3500, 50), places: far.places });
    ev = step(ev, with_(base, [N, { ...F2, beds: 4900 }]), CA);
    expect(beds(ev).value).toBe(4900);
    expect(JSON.stringify(beds(ev).reason)).toContain('"N"');
    expect(JSON.stringify(beds(ev).reason)).not.toContain('F1');
  });

  it("a facility's own row (xn: social workers per 100 beds ≥ 1) kept while its record is, worked out again when it changes", () => {
    const XN = { profile: 'xn' };
    const row = (ev: Evaluation, id: string) => {
      const r = ev.results.find((x) => x.rule === 'xn.social.workers' && x.unit.level === 'facility' && x.unit.id === id);
      if (!r) throw new Error(`no social-workers row for ${id}`);
      return r;
    };
    const I1 = facility('I1', 'elderly_institution', { geometry: point(3050, 50), beds: 200, socialWorkers: 1 });
    const I2 = facility('I2', 'elderly_institution', { geometry: point(5050, 50), beds: 100, socialWorkers: 3 });
    let ev = evaluateForEdits(with_(base, [I1, I2]), XN);
    // 1 worker for 200 beds: 0.5 per 100 beds, one short; 3 for 100: 3, passes
    expect([row(ev, 'I1').value, row(ev, 'I1').status, row(ev, 'I1').shortfall]).toEqual([0.5, 'fail', 1]);
    expect([row(ev, 'I2').value, row(ev, 'I2').status]).toEqual([3, 'pass']);
    const i1 = row(ev, 'I1');
    // I2's workers 3 → 0: its row 0, fails by 1; I1's row the same object
    ev = step(ev, with_(base, [I1, { ...I2, socialWorkers: 0 }]), XN);
    expect([row(ev, 'I2').value, row(ev, 'I2').status, row(ev, 'I2').shortfall]).toEqual([0, 'fail', 1]);
    expect(row(ev, 'I1')).toBe(i1);
    // I1's beds unknown: n/a; then I1 taken out and J, the same figures, at its index: J's own row
    ev = step(
      ev,
      with_(base, [
        { ...I1, beds: undefined },
        { ...I2, socialWorkers: 0 },
      ]),
      XN,
    );
    expect(row(ev, 'I1').status).toBe('na');
    const last = with_(base, [
      { ...I1, id: 'J', name: 'J' },
      { ...I2, socialWorkers: 0 },
    ]);
    ev = step(ev, last, XN);
    expect([row(ev, 'J').value, row(ev, 'J').status]).toEqual([0.5, 'fail']);
    expect(ev.results.some((x) => x.unit.id === 'I1')).toBe(false);
    // another threshold (0.4 per 100 beds) on the same layers: judged again, passes
    const again = evaluate(last, { profile: 'xn', params: { thresholds: { 'xn.social.workers:beds': 0.4 } } });
    expect(row(again, 'J').status).toBe('pass');
  });

  it('more than facilities changed: null, the caller evaluates in full', () => {
    const ev = evaluateForEdits(base, PROFILE);
    const l: Layers & { area: Data['area'] } = { ...base, communities: [A, { ...B, population: 10 }] };
    expect(reevaluate(ev, l, PROFILE)).toBeNull();
    expect(reevaluate(ev, base, { profile: 'ca' })).toBeNull();
    expect(reevaluate(evaluate(base, PROFILE), base, PROFILE)).toBeNull();
  });
});
