// The site check on the sample area (layout in tests/core/sample.test.ts and docs/rules.md).
// Every expected number is worked out by hand from the figures and the layout in metres:
//   site A: square [1300,1500]×[1000,1200] in street S1 (x 0–2000), between C2 and C3, no community overlaps it;
//   its representative point is the square's middle (1400,1100).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/evaluate';
import type { RuleResult } from '../../../src/core/model';
import { reasonText } from '../../../src/i18n/report-rows';
import { checkSite, populationFromHouseholds, SHAANXI_PPH, type SiteCheck, type SiteFigures, type SiteInput } from '../../../src/core/site';
import { siteTables } from '../../../src/service/site';
import { parseProject } from '../../../src/schemas';

const loaded = parseProject(readFileSync('data/sample/project.json', 'utf8'), 'project.json');
if (!loaded.ok) throw new Error('sample project does not load');
const area = loaded.project;

// the sample's own conversion of its metre layout (108.9°E, 34.15°N + metres): 400 m = 0.0043468° lon, 0.0035973° lat
const KX = 0.0043468 / 400;
const KY = 0.0035973 / 400;
const at = (x: number, y: number): [number, number] => [108.9 + x * KX, 34.15 + y * KY];
const square = (x0: number, y0: number, s: number): SiteInput['geometry'] => ({
  type: 'Polygon',
  coordinates: [[at(x0, y0), at(x0 + s, y0), at(x0 + s, y0 + s), at(x0, y0 + s), at(x0, y0)]],
});
const siteA = (figures: SiteFigures, profiles = ['all']) => {
  const r = checkSite(area, { id: 'A', name: '新城壹号', geometry: square(1300, 1000, 200), figures, source: 'test' }, { profiles });
  if (!r.ok) throw new Error(`site check failed: ${r.error.key}`);
  return r;
};
const req = (c: SiteCheck, profile: string, rule: string, part?: string) => {
  const p = c.profiles.find((x) => x.profile === profile);
  const hit = p?.requirements.filter((q) => q.result.rule === rule && (part === undefined || q.result.part === part)) ?? [];
  expect(hit, `${profile} ${rule} ${part ?? ''}`).toHaveLength(1);
  return hit[0];
};
const plan: SiteFigures = { households: 1000, elderlyFloorArea: 200, elderlyLand: 253, childcarePlaces: 25, childcareFloorArea: 200, year: 2026 };

describe('persons per household', () => {
  it('default is the Shaanxi 2020 census average, 2.53, with its source', () => {
    expect(SHAANXI_PPH.value).toBe(2.53);
    expect(SHAANXI_PPH.source.zh).toContain('第七次全国人口普查');
  });
  it('population = round(households × pph): 1000 → 2530, 333 → 842 (842.49), 335 → 848 (847.55), 2 × 2.25 = 4.5 → 5', () => {
    expect(populationFromHouseholds(1000, 2.53)).toBe(2530);
    expect(populationFromHouseholds(333, 2.53)).toBe(842);
    expect(populationFromHouseholds(335, 2.53)).toBe(848);
    expect(populationFromHouseholds(2, 2.25)).toBe(5);
  });
  it('the check uses the derived population and says where it came from; a given population wins', () => {
    const c = siteA({ households: 335 }, ['ak']);
    expect(c.site.derived.population).toEqual({ value: 848, from: 'households×pph', factor: 2.53 });
    expect(c.site.derived.pphIsDefault).toBe(true);
    const d = siteA({ households: 335, personsPerHousehold: 3 }, ['ak']);
    expect(d.site.derived.population.value).toBe(1005);
    const e = siteA({ households: 335, population: 900 }, ['ak']);
    expect(e.site.derived.population).toEqual({ value: 900, from: 'given' });
  });
  it('60+ residents from the area share when not given: sample 1350 of 7300 (18.49 %) → round(2530 × 1350/7300) = 468', () => {
    // elderly 300 + 600 + 100 + 200 + 150 = 1350 of population 2000 + 3000 + 1000 + 800 + 500 = 7300
    const c = siteA({ households: 1000 }, ['ak']);
    expect(c.site.derived.elderly.value).toBe(468);
    expect(c.site.derived.elderly.from).toBe('areaShare');
  });
});

describe('requirements, by hand (1000 households → 2530 residents)', () => {
  it('elderly floor area 20 m² per 100 households: 1000 households → 200 m²; 200 passes exactly, 199 fails by 1', () => {
    const ok = req(siteA(plan, ['ca']), 'ca', 'ca.households');
    expect(ok.required).toBeCloseTo(200, 9);
    expect(ok.provided).toBeCloseTo(200, 9);
    expect(ok.result).toMatchObject({
      status: 'pass',
      shortfall: 0,
      threshold: 20,
      measure: 'm2_per_100_households',
      citation: { clause: '二(二)5', text: '新建住宅小区按每百户不低于20平方米的标准配建养老服务用房' },
    });
    const short = req(siteA({ ...plan, elderlyFloorArea: 199 }, ['ca']), 'ca', 'ca.households');
    expect(short.result).toMatchObject({ status: 'fail', shortfall: 1 });
    expect(short.result.value).toBeCloseTo(19.9, 9);
  });
  it('childcare places 10 per 1000 for new areas: 2530 residents → 25.3 → 26 places; 25 fails by 1, 26 passes', () => {
    const a = req(siteA(plan, ['ak']), 'ak', 'ak.new.places');
    expect(a.required).toBe(26);
    expect(a.result).toMatchObject({ status: 'fail', shortfall: 1, threshold: 10 });
    expect(a.result.value).toBeCloseTo((25 / 2530) * 1000, 9);
    const w = req(siteA({ ...plan, childcarePlaces: 26 }, ['wy']), 'wy', 'wy.places.new');
    expect(w.result).toMatchObject({ status: 'pass', shortfall: 0, citation: { text: '新建居住区按照每千人口不少于10个托位' } });
  });
  it('elderly floor area 0.1 m² per resident (ak, literally "每千人口"): 2530 → 253 m²; 200 is 53 short', () => {
    const a = req(siteA(plan, ['ak']), 'ak', 'ak.new.floor');
    expect(a.required).toBeCloseTo(253, 9);
    expect(a.result).toMatchObject({ status: 'fail', shortfall: 53 });
    expect(a.result.citation.note).toContain('人均0.1平方米');
  });
  it('land 0.1–0.3 m² per resident (ca.land, read on the site as its own unit): 253 exactly passes, range 253–759; 252.9 fails by 0.1', () => {
    const ok = req(siteA(plan, ['ca']), 'ca', 'ca.land');
    expect(ok.asOwnUnit).toBe(true);
    expect(ok.required).toBeCloseTo(253, 9);
    expect(ok.requiredMax).toBeCloseTo(759, 9);
    expect(ok.result).toMatchObject({ status: 'pass', threshold: 0.1, citation: { clause: '三 21' } });
    expect(ok.result.citation.text).toContain('人均用地0.1—0.3平方米');
    const low = req(siteA({ ...plan, elderlyLand: 252.9 }, ['ca']), 'ca', 'ca.land');
    expect(low.result).toMatchObject({ status: 'fail', shortfall: 0.1 });
    const high = req(siteA({ ...plan, elderlyLand: 800 }, ['ca']), 'ca', 'ca.land');
    expect(high.result).toMatchObject({ status: 'pass', reason: { key: 'reason.aboveRange' } });
  });
  it('cf.land.since2013 needs the year: 2026 → judged (253 / 2530 = 0.1 passes); no year → n/a naming builtYear', () => {
    expect(req(siteA(plan, ['cf']), 'cf', 'cf.land.since2013').result.status).toBe('pass');
    const noYear = req(siteA({ ...plan, year: undefined }, ['cf']), 'cf', 'cf.land.since2013');
    expect(noYear.result).toMatchObject({ status: 'na', reason: { key: 'reason.missing', args: { what: 'builtYear' } } });
  });
  it('minimum sizes 300 m² / 200 m² (ca.community.min): 200 m² elderly is 100 short; 200 m² childcare passes exactly; 199 fails by 1', () => {
    const c = siteA(plan, ['ca']);
    expect(req(c, 'ca', 'ca.community.min', 'elderly').result).toMatchObject({ status: 'fail', value: 200, threshold: 300, shortfall: 100 });
    expect(req(c, 'ca', 'ca.community.min', 'childcare').result).toMatchObject({ status: 'pass', value: 200, threshold: 200 });
    const d = siteA({ ...plan, childcareFloorArea: 199 }, ['ca']);
    expect(req(d, 'ca', 'ca.community.min', 'childcare').result).toMatchObject({ status: 'fail', shortfall: 1 });
  });
  it('cf.households sums elderly and childcare floor area: (200 + 200) ÷ 1000 × 100 = 40 m² per 100 households', () => {
    expect(req(siteA(plan, ['cf']), 'cf', 'cf.households').result).toMatchObject({ status: 'pass', value: 40 });
  });
  it('nothing planned: the elderly rules measure 0 and fail (no facility is invented)', () => {
    const c = siteA({ households: 1000, year: 2026 }, ['ca']);
    expect(req(c, 'ca', 'ca.households').result).toMatchObject({ status: 'fail', value: 0, shortfall: 200 });
    expect(req(c, 'ca', 'ca.community.min', 'elderly').result).toMatchObject({ status: 'fail', value: 0, shortfall: 300 });
  });
  it('no households and no population: ratio rules are n/a, never judged against 0', () => {
    const c = siteA({ elderlyFloorArea: 500 }, ['ca']);
    expect(req(c, 'ca', 'ca.households').result.status).toBe('na');
  });
  it('all five side by side plus combined; combined keeps the strictest of each requirement', () => {
    const c = siteA(plan);
    expect(c.profiles.map((p) => p.profile)).toEqual(['ak', 'cf', 'wy', 'xn', 'ca', 'combined']);
    const comb = c.profiles.find((p) => p.profile === 'combined');
    const rules = comb?.requirements.map((q) => q.result.rule) ?? [];
    expect(rules).toContain('ak.new.places');
    expect(rules).not.toContain('wy.places.new'); // replaced by ak.new.places (same 10 per 1000)
  });
});

describe('reach and spare capacity (straight line, 810 m)', () => {
  const planar = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const c = siteA(plan, ['ca']);
  const el = c.reach.find((f) => f.circle === 'elderly');
  const ch = c.reach.find((f) => f.circle === 'childcare');
  it('elderly: F4 (rep. point 1100,500) and F7 (1700,1700) both √(300²+600²) = 670.8 m; F2 (300,300) is 1360 m away', () => {
    expect(el?.limit).toBeCloseTo(810, 9);
    expect(el?.within.map((x) => x.id).sort()).toEqual(['F4', 'F7']);
    for (const x of el?.within ?? []) expect(x.distance).toBeCloseTo(planar([1400, 1100], x.id === 'F4' ? [1100, 500] : [1700, 1700]), -0.5);
  });
  it('elderly spare: F4 800 m² − 20 % × (C1 700 + C2 1000 households) = 460; F7 reaches no community → all 6000 spare', () => {
    // C1 (400,400) is 707 m and C2 (1100,500) 0 m from F4; C3 (350,1350) 1134 m. F7: C2 1342 m, C3 1395 m
    const f4 = el?.within.find((x) => x.id === 'F4');
    expect(f4?.catchmentNeed).toBeCloseTo(340, 9);
    expect(f4?.spare).toBeCloseTo(460, 9);
    expect(el?.within.find((x) => x.id === 'F7')?.spare).toBeCloseTo(6000, 9);
    expect(el?.spareTotal).toBeCloseTo(6460, 9);
  });
  it('childcare: F6 (900,700) 640.3 m and F10 (800,1400) 670.8 m; both over-subscribed', () => {
    expect(ch?.within.map((x) => x.id)).toEqual(['F6', 'F10']);
    expect(ch?.within[0].distance).toBeCloseTo(planar([1400, 1100], [900, 700]), -0.5);
    // F6: C1 2000 × 10/1000 = 20 (new) + C2 3000 × 8/1000 = 24 (built) = 44 needed, 20 places → −24
    expect(ch?.within[0].spare).toBeCloseTo(-24, 9);
    // F10: C3 1000 × 10/1000 = 10 needed, 5 places → −5
    expect(ch?.within[1].spare).toBeCloseTo(-5, 9);
    expect(ch?.spareTotal).toBe(0);
    expect(ch?.needRules).toEqual(['ak.new.places', 'wy.places.old']);
  });
  it('a site far from every childcare facility: none within, the nearest beyond is named with its distance', () => {
    // square [3000,3200]×[1600,1800] in S2: nearest childcare F10 (800,1400) ≈ 2309 m
    const r = checkSite(area, { name: 'far', geometry: square(3000, 1600, 200), figures: { households: 10 } }, { profiles: ['ca'] });
    if (!r.ok) throw new Error(r.error.key);
    const f = r.reach.find((x) => x.circle === 'childcare');
    expect(f?.within).toEqual([]);
    expect(f?.nearestBeyond?.id).toBe('F10');
    expect(f?.nearestBeyond?.distance).toBeCloseTo(planar([3100, 1700], [800, 1400]), -1);
  });
});

describe('effect on the street and area totals', () => {
  it('area places per 1000: 45 places / 7300 → 70 / 9830 (ca.city.places, 4.8)', () => {
    const c = siteA(plan, ['ca']);
    const e = c.profiles[0].effects.find((x) => x.rule === 'ca.city.places' && x.level === 'area');
    expect(e?.before?.value).toBeCloseTo((45 / 7300) * 1000, 9);
    expect(e?.after.value).toBeCloseTo((70 / 9830) * 1000, 9);
  });
  it('street S1 land per resident (ca.land): (240 m² F2) ÷ 6000 + … before; after adds 253 m² and 2530 residents', () => {
    // independent: evaluate the sample with and without the site's land by hand from the before value
    const before = evaluate(area, { profile: 'ca' }).results.find((r: RuleResult) => r.rule === 'ca.land' && r.unit.id === 'S1');
    const c = siteA(plan, ['ca']);
    const e = c.profiles[0].effects.find((x) => x.rule === 'ca.land' && x.unit.id === 'S1');
    expect(e?.before?.value).toBeCloseTo(before?.value ?? NaN, 9);
    const land = (before?.value ?? 0) * 6000; // S1 urban residents 2000 + 3000 + 1000
    expect(e?.after.value).toBeCloseTo((land + 253) / (6000 + 2530), 9);
    expect(c.site.street).toEqual({ id: 'S1', name: '韦曲街道' });
  });
});

describe("the circle row says when the reach is the project's own planned facility", () => {
  const planar = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  it('elderly: the planned room (0 m, on the site) passes it, and the row says so; existing F4/F7 are also within, √(300²+600²) = 670.8 → 671 m', () => {
    const row = siteA(plan, ['wy']).profiles[0].circle.find((r) => r.rule === 'wy.circle');
    expect(row).toMatchObject({ status: 'pass', value: 0, reason: { key: 'site.reason.ownPlanned.within', args: { what: 'elderly_daycare', distance: 671, limit: 810 } } });
    expect(['老街养老服务综合体', '长安区社会福利院']).toContain(row?.reason?.args?.name);
    const zh = reasonText(row?.reason ?? { key: '' }, 'zh');
    expect(zh).toContain('由本项目拟配建的日间照料中心覆盖');
    expect(zh).toContain('尚未建成');
    expect(reasonText(row?.reason ?? { key: '' }, 'en')).toContain("this project's own planned");
  });
  it('childcare: the planned 托育 room passes; existing F6 老街幼儿园托班 at √(500²+400²) = 640.3 → 640 m is also within', () => {
    const row = siteA(plan, ['ca']).profiles[0].circle.find((r) => r.rule === 'ca.circle' && r.part === 'childcare');
    expect(row?.reason).toEqual({ key: 'site.reason.ownPlanned.within', args: { what: 'childcare_centre', name: '老街幼儿园托班', distance: 640, limit: 810 } });
  });
  it('a far site passes only through its own room: the nearest existing one, F10, is beyond, √(2300²+300²) = 2319.5 m, rounded up', () => {
    const r = checkSite(area, { name: 'far', geometry: square(3000, 1600, 200), figures: { households: 10, childcarePlaces: 1 } }, { profiles: ['ca'] });
    if (!r.ok) throw new Error(r.error.key);
    const row = r.profiles[0].circle.find((x) => x.rule === 'ca.circle' && x.part === 'childcare');
    expect(row).toMatchObject({ status: 'pass', reason: { key: 'site.reason.ownPlanned.beyond', args: { name: '南塬家庭托育点', limit: 810 } } });
    const d = Number(row?.reason?.args?.distance);
    expect(Math.abs(d - planar([3100, 1700], [800, 1400]))).toBeLessThan(5);
    expect(reasonText(row?.reason ?? { key: '' }, 'zh')).toContain('现有设施不覆盖');
  });
  it('without a planned room the row names the existing facility as before', () => {
    const row = siteA({ households: 1000 }, ['wy']).profiles[0].circle.find((r) => r.rule === 'wy.circle');
    expect(row?.reason?.key).toBe('reason.within.straight');
  });
});

describe('effect rows are not made unassessable by fields the plan was never asked for', () => {
  // sample: social workers F2 1 + F4 2 + F7 1 + F8 0 + F9 0 = 4 for 1350 elderly (2.96 per 1000, ≥ 2 passes)
  it('xn.social.workers: 20,000 households → 50,600 residents, 60+ round(50,600 × 1350/7300) = 9358; 4 ÷ 10,708 × 1000 = 0.37 < 2 fails by ⌈21.416 − 4⌉ = 18', () => {
    const c = siteA({ households: 20000, elderlyFloorArea: 4000, childcarePlaces: 500 }, ['xn']);
    const e = c.profiles[0].effects.find((x) => x.rule === 'xn.social.workers' && x.part === 'elderly' && x.level === 'area');
    expect(e?.before).toMatchObject({ status: 'pass' });
    expect(e?.before?.value).toBeCloseTo((4 / 1350) * 1000, 9);
    expect(e?.after).toMatchObject({ status: 'fail', shortfall: 18 });
    expect(e?.after.value).toBeCloseTo((4 / 10708) * 1000, 9);
  });
  it('the plan as usual (1000 households, 468 elderly): 4 ÷ 1818 × 1000 = 2.2 ≥ 2 passes, with no "lower bound" note', () => {
    const e = siteA(plan, ['xn']).profiles[0].effects.find((x) => x.rule === 'xn.social.workers' && x.part === 'elderly');
    expect(e?.after).toEqual({ value: expect.closeTo((4 / 1818) * 1000, 9), status: 'pass', shortfall: 0 });
  });
});

describe('the XLSX effects sheet: shares in per cent, failing values never on their threshold', () => {
  it('xn.home.cover in S1: 2 of 3 → 3 of 4 communities: 66.7 → 75 (%) against 100', () => {
    const [, , , eff] = siteTables([siteA(plan, ['xn'])], 'zh');
    const row = eff.rows.find((r) => r.rule === 'xn.home.cover' && r.unit === '韦曲街道');
    expect(row).toMatchObject({ before: 66.7, after: 75, threshold: 100, measure: '比例 (%)' });
  });
});

describe('outline and coordinate problems are refused with a specific message', () => {
  const run = (geometry: SiteInput['geometry'], figures: SiteFigures = { households: 10 }) =>
    checkSite(area, { name: 'x', geometry, figures, source: 'plan.geojson' }, { profiles: ['ca'] });
  it('a bow tie crosses itself', () => {
    const g: SiteInput['geometry'] = { type: 'Polygon', coordinates: [[at(0, 0), at(200, 200), at(200, 0), at(0, 200), at(0, 0)]] };
    expect(run(g)).toMatchObject({ ok: false, error: { key: 'site.err.selfIntersect', args: { file: 'plan.geojson' } } });
  });
  it('an empty polygon and a degenerate one', () => {
    expect(run({ type: 'Polygon', coordinates: [] })).toMatchObject({ ok: false, error: { key: 'site.err.empty' } });
    expect(run({ type: 'Polygon', coordinates: [[at(0, 0), at(100, 0), at(0, 0), at(0, 0)]] })).toMatchObject({ ok: false, error: { key: 'site.err.empty' } });
  });
  it('latitude and longitude swapped', () => {
    const g = square(1300, 1000, 200) as { coordinates: number[][][] };
    const swapped = { type: 'Polygon' as const, coordinates: [g.coordinates[0].map(([x, y]) => [y, x])] };
    expect(run(swapped)).toMatchObject({ ok: false, error: { key: 'site.err.swapped' } });
  });
  it('one 3° Gauss-Krüger zone off lands 3° west: named as a zone error', () => {
    const g = square(1300, 1000, 200) as { coordinates: number[][][] };
    const west = { type: 'Polygon' as const, coordinates: [g.coordinates[0].map(([x, y]) => [x - 3, y])] };
    expect(run(west)).toMatchObject({ ok: false, error: { key: 'site.err.zone', args: { degrees: -3, width: 3 } } });
  });
  it('metres read as degrees, a site abroad, a site in another province', () => {
    expect(
      run({
        type: 'Polygon',
        coordinates: [
          [
            [584295, 3781675],
            [584495, 3781675],
            [584495, 3781875],
            [584295, 3781675],
          ],
        ],
      }),
    ).toMatchObject({ ok: false, error: { key: 'site.err.projected' } });
    const g = square(1300, 1000, 200) as { coordinates: number[][][] };
    expect(run({ type: 'Polygon', coordinates: [g.coordinates[0].map(([x, y]) => [x + 40, y])] })).toMatchObject({ ok: false, error: { key: 'site.err.abroad' } });
    // 1° north (≈ 111 km, 延安 direction): no swap or zone explains it
    expect(run({ type: 'Polygon', coordinates: [g.coordinates[0].map(([x, y]) => [x, y + 1])] })).toMatchObject({ ok: false, error: { key: 'site.err.far' } });
  });
  it('a point is not an outline', () => {
    expect(run({ type: 'Point', coordinates: at(0, 0) } as unknown as SiteInput['geometry'])).toMatchObject({ ok: false, error: { key: 'site.err.notPolygon' } });
  });
  it("impossible figures are the site's problem, named", () => {
    expect(run(square(1300, 1000, 200), { households: -5 })).toMatchObject({ ok: false, error: { key: 'site.fig.negative', args: { field: 'households' } } });
    expect(run(square(1300, 1000, 200), { households: 100, personsPerHousehold: 25 })).toMatchObject({ ok: false, error: { key: 'site.fig.pphRange' } });
  });
});

describe('network reach (params.reach network, roads loaded)', () => {
  // two streets meeting at (1100,1100): east–west along y = 1100 (through the site's representative
  // point) and north–south along x = 1100 from y = 0. F4's point (1100,500) lies on the second street.
  const road = (id: string, ...pts: [number, number][]) => ({ id, geometry: { type: 'LineString' as const, coordinates: pts.map((p) => at(...p)) } });
  const withRoads = { ...area, roads: [road('R1', [0, 1100], [1100, 1100], [2000, 1100]), road('R2', [1100, 0], [1100, 1100])] };
  const c = checkSite(withRoads, { id: 'A', geometry: square(1300, 1000, 200), figures: plan }, { profiles: ['ca'], params: { reach: 'network' } });
  if (!c.ok) throw new Error(c.error.key);
  const el = c.reach.find((f) => f.circle === 'elderly');
  it('walks along the streets: F4 is 300 m west + 600 m south = 900 m, beyond the 810 m circle it is within in a straight line', () => {
    expect(el?.mode).toBe('network');
    expect(el?.within.map((x) => x.id)).not.toContain('F4');
    const f4 = el?.nearestBeyond?.id === 'F4' ? el.nearestBeyond : undefined;
    expect(f4?.distance).toBeGreaterThan(895);
    expect(f4?.distance).toBeLessThan(905);
    expect(f4?.straightLine).toBeUndefined();
  });
  it('childcare: nothing within; F10 (300 m to the street + 600 m east) and F6 (200 m + 400 m north + 300 m east) are both 900 m', () => {
    const ch = c.reach.find((f) => f.circle === 'childcare');
    expect(ch?.within).toEqual([]);
    expect(['F6', 'F10']).toContain(ch?.nearestBeyond?.id);
    expect(ch?.nearestBeyond?.distance).toBeGreaterThan(895);
    expect(ch?.nearestBeyond?.distance).toBeLessThan(905);
  });
});
