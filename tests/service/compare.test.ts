// The worker's comparison on a hand-made two-community project: one childcare centre of 100
// places added to a new estate of 5,000 residents. Every expected number below is worked out by
// hand from the clause texts (quoted beside), not read from the code's output.
import { describe, expect, it } from 'vitest';
import type { AreaInfo, Community, Facility, Layers, Road } from '../../src/core/model';
import { addFacility, createScenario, type Scenario } from '../../src/core/scenario';
import { compareOn, type CompareResult } from '../../src/service/compare';
import { reachFor } from '../../src/service/reach';

/** a reach engine built afresh each time (the session's own keeps one: tests/state/scenario-network) */
const freshReach = (p: Parameters<typeof reachFor>[0], roads: readonly Road[]) => reachFor(p, roads, null);

const square = (lon: number, lat: number, half: number): Community['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon - half, lat - half],
      [lon + half, lat - half],
      [lon + half, lat + half],
      [lon - half, lat + half],
      [lon - half, lat - half],
    ],
  ],
});

// C1: a new estate (wy.places.new: 新建居住区按照每千人口不少于10个托位); C2: a built-up area ≈ 9 km away
// (wy.places.old: 老城区和已建成居住区不少于8个托位), which nothing in the scenario touches.
const c1: Community = { id: 'C1', name: '新城小区', type: 'new', population: 5000, households: 1700, geometry: square(108.9, 34.1, 0.004), extra: {} };
const c2: Community = { id: 'C2', name: '远郊社区', type: 'built', population: 3000, households: 1000, geometry: square(109.0, 34.1, 0.004), extra: {} };
const base: Layers & { area: AreaInfo } = { communities: [c1, c2], facilities: [], streets: [], roads: [], area: { name: 'test' } };

const centre: Facility = {
  id: 'N1',
  name: '新城托育中心',
  kind: 'childcare_centre',
  places: 100,
  floorArea: 400,
  inclusive: true,
  geometry: { type: 'Point', coordinates: [108.9, 34.1] },
  extra: {},
};

function plan(): Scenario {
  const made = createScenario([], '方案一', 'S1');
  if (!made.ok) throw new Error('scenario');
  const e = addFacility(base, { facility: centre }, 'E1');
  if (!e.ok) throw new Error('edit');
  return { ...made.scenario, edits: [e.edit] };
}

function row(r: CompareResult, id: string) {
  const x = r.rows.find((k) => k.id === id);
  if (!x) throw new Error(`no KPI row ${id}: ${r.rows.map((k) => k.id).join(', ')}`);
  return x;
}

describe('worker compare', () => {
  const r = compareOn(base, { profile: 'wy', params: {}, a: null, b: plan() }, freshReach);

  it('places per 1000 in the estate go from 0 to 100 × 1000 / 5000 = 20, and its places rule passes', () => {
    const change = r.comparison.changed.find((c) => c.id === 'C1');
    const places = change?.rules.find((x) => x.rule === 'wy.places.new' && (x.view ?? 'onsite') === 'onsite');
    expect(places).toMatchObject({ from: 'fail', to: 'pass', valueA: 0, valueB: 20 });
    expect(r.comparison.changed.map((c) => c.id)).not.toContain('C2');
    expect(row(r, 'passing.wy.places.new')).toMatchObject({ a: 0, b: 1, delta: 1, verdict: 'better' });
  });

  it("the community places shortfall drops by the estate's 10 × 5000 / 1000 = 50; the far area keeps its 8 × 3 = 24", () => {
    expect(row(r, 'shortfall.places')).toMatchObject({ a: 74, b: 24, delta: -50, verdict: 'better' });
    expect(row(r, 'places')).toMatchObject({ a: 0, b: 100, delta: 100 });
  });

  it('the 5,000 estate residents come inside the childcare circle (810 m; the estate is 450 m across from its centre)', () => {
    expect(row(r, 'covered.childcare')).toMatchObject({ a: 0, b: 5000, delta: 5000 });
  });

  it('costs 100 places × 2500 元 (城市新建每个托位2500元), with the clause cited; operating ≤ 100 × 100 元 × 12', () => {
    expect(r.cost.total).toBe(250_000);
    expect(r.cost.lines).toHaveLength(1);
    expect(r.cost.lines[0]).toMatchObject({ facilityId: 'N1', kind: 'place', count: 100, mode: 'new', rural: false, rate: 2500, amount: 250_000, rule: 'cf.subsidy.places' });
    expect(r.cost.lines[0].citation.text).toContain('城市新建每个托位2500元');
    expect(r.cost.operatingPerYearAtFull).toBe(120_000);
    expect(row(r, 'cost')).toMatchObject({ b: 250_000, verdict: 'neutral' });
    // 万源 sets budget lines: 2000万 elderly + 1000万 childcare a year
    expect(r.cost.budget.map((b) => b.perYear).sort((x, y) => x - y)).toEqual([10_000_000, 20_000_000]);
  });

  it('gives each map its own verdicts and facilities; communities only when edits changed them', () => {
    const va = new Map(r.a.verdicts);
    expect(r.a.id).toBe('baseline');
    expect(r.b).toMatchObject({ id: 'S1', name: '方案一', communities: null, skipped: [] });
    expect(r.a.facilities).toHaveLength(0);
    expect(r.b.facilities.map((f) => f.id)).toEqual(['N1']);
    expect(va.get('community:C1')).toBe('fail');
    expect(va.has('community:C2')).toBe(true);
  });

  it('compares two scenarios both ways: B − A flips sign, the cost is what B builds over A', () => {
    const back = compareOn(base, { profile: 'wy', params: {}, a: plan(), b: null }, freshReach);
    expect(row(back, 'shortfall.places').delta).toBe(50);
    expect(back.cost.total).toBe(0);
  });

  it('an edit that does not fit the baseline is listed for its side, not lost', () => {
    const taken = { ...base, facilities: [{ ...centre, name: '已有托育中心' }] };
    const x = compareOn(taken, { profile: 'wy', params: {}, a: null, b: plan() }, freshReach);
    expect(x.b.skipped).toHaveLength(1);
    expect(x.b.skipped[0].key).toBe('scenario.error.exists.facilities');
  });

  it('walks the streets when asked: a day-care centre 667 m away as the crow flies but 2.5 km by road covers nobody', () => {
    // A U-shaped street at 34°N: east 0.01° (≈ 922 m), north 0.006° (≈ 667 m), west back 0.01°.
    // The community sits at the U's far end, straight north of the new centre at its start.
    const lat = 34;
    const road: Layers['roads'][number] = {
      id: 'u',
      highway: 'residential',
      geometry: {
        type: 'LineString',
        coordinates: [
          [109, lat],
          [109.01, lat],
          [109.01, lat + 0.006],
          [109, lat + 0.006],
        ],
      },
    };
    const home: Community = { id: 'H', name: '北端社区', type: 'built', population: 100, geometry: { type: 'Point', coordinates: [109, lat + 0.006] }, extra: {} };
    const town: Layers & { area: AreaInfo } = { communities: [home], facilities: [], streets: [], roads: [road], area: { name: 'u' } };
    const made = createScenario([], '日间照料', 'S2');
    const day: Facility = { id: 'D', name: '日间照料中心', kind: 'elderly_daycare', beds: 0, floorArea: 300, geometry: { type: 'Point', coordinates: [109, lat] }, extra: {} };
    const e = addFacility(town, { facility: day }, 'E2');
    if (!made.ok || !e.ok) throw new Error('scenario');
    const b = { ...made.scenario, edits: [e.edit] };
    // 667 m < 810 m (15 min × 60 s × 0.9 m/s) straight; 922 + 667 + 922 = 2511 m > 810 m along the street
    const straight = compareOn(town, { profile: 'wy', params: { reach: 'straight' }, a: null, b }, freshReach);
    expect(row(straight, 'covered.elderly')).toMatchObject({ a: 0, b: 100, delta: 100 });
    const asked: (readonly Road[])[] = [];
    const walked = compareOn(town, { profile: 'wy', params: { reach: 'network' }, a: null, b }, (p, roads) => {
      asked.push(roads);
      return freshReach(p, roads);
    });
    expect(row(walked, 'covered.elderly')).toMatchObject({ a: 0, b: 0, delta: 0 });
    // both sides walk the town's roads, asked of the session's reach (which keeps one graph for them)
    expect(asked).toEqual([town.roads, town.roads]);
  });
});
