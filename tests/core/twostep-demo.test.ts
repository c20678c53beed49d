// The catchment (2SFCA) values of every demo community against a brute-force implementation written
// here from the formula (Luo & Wang 2003), to 1e-9:
//   pairs:   community i reaches facility j when the straight line from i's representative point is
//            ≤ 810 m (haversine, all pairs, no index), or j stands on i's site (linked by its
//            `community` field, else inside i's outline — Turf's point-in-polygon)
//   step 1:  R_j = S_j ÷ Σ_{i reaches j, D_i known} D_i        (S_j: the rule's supply field of j)
//   step 2:  A_i = Σ_{j reached by i, S_j known} R_j;  value_i = A_i × per
// Straight reach: the pairs are then independent of the network engine.
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { loadProjectPath } from '../../src/cli/load-project';
import { evaluate } from '../../src/core/evaluate';
import { representativePoint } from '../../src/core/geo';
import type { Community, Facility } from '../../src/core/model';
import { getProfile } from '../../src/core/rules/profiles';
import type { RatioRule } from '../../src/core/rules/types';

const loaded = loadProjectPath('data/demo/project.json');
if (!loaded.ok) throw new Error('demo project unreadable');
const project = loaded.project;

function haversine(a: [number, number], b: [number, number]): number {
  const r = Math.PI / 180;
  const s = Math.sin(((b[1] - a[1]) * r) / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(((b[0] - a[0]) * r) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(s)));
}

function onSite(c: Community, f: Facility, p: [number, number], communityIds: Set<string>): boolean {
  const link = f.extra.community;
  if (typeof link === 'string' && communityIds.has(link)) return link === c.id;
  return c.geometry.type !== 'Point' && booleanPointInPolygon(p, c.geometry);
}

function bruteForce(rule: RatioRule, radius: number): Map<string, number> {
  const { supply, demand, per } = rule.params;
  const cs = project.communities;
  const fs = project.facilities;
  const ids = new Set(cs.map((c) => c.id));
  const cp = cs.map((c) => representativePoint(c.geometry));
  const fp = fs.map((f) => representativePoint(f.geometry));
  const S = fs.map((f) => {
    if (!supply.kinds.includes(f.kind)) return undefined;
    if (supply.ownership && !(f.ownership && supply.ownership.includes(f.ownership))) return undefined;
    const v = f[supply.field];
    if (v !== undefined) return v;
    return supply.field === 'floorArea' && supply.bedArea !== undefined && f.beds !== undefined ? f.beds * supply.bedArea : undefined;
  });
  const D = cs.map((c) => (demand === 'beds' ? undefined : c[demand]));
  const reaches = cs.map((c, i) => fs.map((f, j) => haversine(cp[i], fp[j]) <= radius || onSite(c, f, fp[j], ids)));
  const load = fs.map((_, j) => cs.reduce((s, _c, i) => s + (reaches[i][j] && D[i] !== undefined ? (D[i] as number) : 0), 0));
  const R = fs.map((_, j) => (S[j] !== undefined && load[j] > 0 ? (S[j] as number) / load[j] : 0));
  const out = new Map<string, number>();
  cs.forEach((c, i) => {
    const A = fs.reduce((s, _f, j) => s + (reaches[i][j] ? R[j] : 0), 0);
    out.set(c.id, A * per);
  });
  return out;
}

describe('2SFCA on the demo = brute force from the formula', () => {
  const rules = ['ak', 'cf', 'wy', 'ca'].flatMap((id) =>
    (getProfile(id)?.rules ?? []).filter((r): r is RatioRule => r.kind === 'ratio' && Boolean(r.params.catchment)).map((rule) => ({ profile: id, rule })),
  );

  it('every ratio rule with a catchment view is checked (7 of them)', () => {
    expect(rules.map((r) => r.rule.id).sort()).toEqual(['ak.new.floor', 'ak.new.places', 'ca.households', 'cf.households', 'cf.land.since2013', 'wy.places.new', 'wy.places.old']);
  });

  for (const { profile, rule } of rules) {
    it(`${rule.id}: every community's catchment value within 1e-9`, () => {
      const ev = evaluate(project, { profile, params: { ...project.params, reach: 'straight' } });
      const want = bruteForce(rule, 810);
      const got = ev.results.filter((r) => r.rule === rule.id && r.view === 'catchment' && r.value !== null);
      expect(got.length).toBeGreaterThan(20);
      let nonZero = 0;
      for (const r of got) {
        const w = want.get(r.unit.id) as number;
        expect(Math.abs((r.value as number) - w)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
        if (w > 0) nonZero++;
      }
      expect(nonZero).toBeGreaterThan(0);
    });
  }
});
