import { describe, expect, it } from 'vitest';
import type { Community, Facility, Layers } from '../../../src/core/model';
import { suggestSites, toFacilities } from '../../../src/core/suggest/suggest';

// Two new communities 0.05° of longitude apart at 34.1° N: 0.05 × 111,195 m × cos 34.1° ≈ 4,604 m,
// far beyond the 810 m circle (15 min × 0.9 m/s), so each site reaches only its own community.
const pt = (lon: number, lat: number) => ({ type: 'Point' as const, coordinates: [lon, lat] });
const community = (id: string, lon: number, population: number): Community => ({
  id,
  name: id,
  type: 'new',
  population,
  infants: population / 50,
  geometry: pt(lon, 34.1),
  extra: {},
});
const layers = (facilities: Facility[]): Layers => ({
  communities: [community('A', 108.9, 1000), community('B', 108.95, 5000)],
  facilities,
  streets: [],
  roads: [],
});
const nurseryAtB: Facility = { id: 'F', name: 'F', kind: 'childcare_centre', places: 10, geometry: pt(108.95, 34.1), extra: {} };

describe('suggestSites on hand-made layers', () => {
  it('the best site for coverage is not the best for shortfall', () => {
    const data = layers([nurseryAtB]);
    // coverage: B lies in F's circle, so only A's 1,000 residents are newly coverable
    const cov = suggestSites(data, { kind: 'childcare_centre', sites: 1, candidates: { communities: true } });
    expect(cov.sites.map((s) => [s.candidate.id, s.gain])).toEqual([['community:A', 1000]]);
    expect(cov.servedByExisting).toBe(5000);
    // shortfall (10 places per 1000 in new communities): A needs 10; B needs 50 − 10 (F) = 40
    // a 100-place site closes min(100, 10) = 10 at A, min(100, 40) = 40 at B → B
    const sf = suggestSites(data, { kind: 'childcare_centre', goal: 'shortfall', sites: 1, capacity: 100, candidates: { communities: true } });
    expect(sf.sites.map((s) => [s.candidate.id, s.gain])).toEqual([['community:B', 40]]);
    expect(sf.open).toBe(50);
    // cost: 100 new urban places × 2,500 CNY = 250,000
    expect(sf.sites[0].cost).toBe(250000);
  });

  it('capacity in places with the infant cohort: a 20-place nursery serves 20 infants', () => {
    // infants = population / 50: A 20, B 100; F's 10 places serve 10 of B's → B has 90 left
    const r = suggestSites(layers([nurseryAtB]), { kind: 'childcare_centre', sites: 2, capacity: 20, candidates: { communities: true } });
    expect(r.cohort).toBe('infants');
    // both sites gain 20 (A: min(20, 20); B: min(20, 90)); tie → the earlier candidate, A
    expect(r.sites.map((s) => [s.candidate.id, s.gain])).toEqual([
      ['community:A', 20],
      ['community:B', 20],
    ]);
    expect(r.curve.map((c) => c.served)).toEqual([0, 20, 40]);
    expect(toFacilities(r).map((f) => [f.kind, f.places])).toEqual([
      ['childcare_centre', 20],
      ['childcare_centre', 20],
    ]);
  });

  it('budget-bound: only the sites the subsidy pays for', () => {
    // one 20-place urban site = 20 × 2,500 = 50,000 CNY; a 60,000 budget pays for one
    const r = suggestSites(layers([]), { kind: 'childcare_centre', sites: 2, capacity: 20, budget: 60000, candidates: { communities: true } });
    expect(r.sites.length).toBe(1);
    expect(r.sites[0].cumulativeCost).toBe(50000);
  });

  it('ratio goal: sites until 4.5 places per 1000 residents', () => {
    // 6,000 residents × 4.5 / 1000 = 27 places; F has 10 → 17 more; 10-place sites → 2 sites
    const r = suggestSites(layers([nurseryAtB]), { kind: 'childcare_centre', goal: 'ratio', sites: 5, capacity: 10, candidates: { communities: true } });
    expect(r.ratio).toMatchObject({ needed: 17, added: 20, reached: true });
    expect(r.sites.length).toBe(2);
  });

  it('explains bad options and missing data', () => {
    expect(() => suggestSites(layers([]), { kind: 'health_centre', sites: 1, candidates: { communities: true } })).toThrow(/elderly-care and childcare kinds/);
    expect(() => suggestSites(layers([]), { kind: 'childcare_centre', sites: 1, budget: 1, candidates: { communities: true } })).toThrow(/budget needs a capacity/);
    expect(() => suggestSites(layers([]), { kind: 'childcare_centre', sites: 1, candidates: {} })).toThrow(/no candidate sites/);
    const data = layers([{ ...nurseryAtB, places: undefined }]);
    data.communities[0] = { ...data.communities[0], population: undefined };
    const r = suggestSites(data, { kind: 'childcare_centre', goal: 'shortfall', sites: 1, capacity: 10, candidates: { communities: true } });
    expect(r.issues.map((i) => [i.id, i.field])).toEqual([
      ['A', 'population'],
      ['F', 'places'],
    ]);
  });
});

describe('turning the suggestion into a scenario', () => {
  it('adds the sites as one edit, after which they are served by existing facilities', async () => {
    const { applyEdit } = await import('../../../src/core/scenario/edit');
    const { suggestionEdit } = await import('../../../src/core/suggest/scenario');
    const data = layers([nurseryAtB]);
    // infants: A 20, B 100 (F's 10 places leave 90); 2 sites of 20 places: A 20, B 20 → 40
    const opts = { kind: 'childcare_centre' as const, sites: 2, capacity: 20, candidates: { communities: true } };
    const before = suggestSites(data, opts);
    const edit = suggestionEdit(data, before, 'e1');
    expect(edit.ok).toBe(true);
    if (!edit.ok) return;
    const after = applyEdit(data, edit.edit).layers;
    expect(after.facilities.map((f) => f.id)).toEqual(['F', 'suggested-1', 'suggested-2']);
    const again = suggestSites(after, opts);
    // served by existing: 10 (F) before; 10 + 20 + 20 = 50 after
    expect(before.servedByExisting).toBe(10);
    expect(again.servedByExisting).toBe(50);
    // now only B has infants left (100 − 10 − 20 = 70), so one site; its id does not clash
    const second = suggestionEdit(after, again, 'e2');
    expect(second.ok && second.edit.put?.map((p) => p.feature.id)).toEqual(['suggested-2-1']);
  });
});
