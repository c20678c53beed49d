// Which existing facilities the site reaches within the 15-minute circle, how far they are, and
// how much capacity each has left after serving the communities that already reach it.
//
// Spare capacity (method stated in the report): step 1 of the two-step floating catchment
// (src/core/allocate/twostep.ts) with each community's demand being what the rules require of it —
// places = residents × the places-per-1000 rule of its type (new / built-up) ÷ 1000, elderly-care
// floor area = households × 20 m² ÷ 100. R_j = S_j ÷ Σ need of the communities within the circle of
// facility j; the catchment's need is S_j ÷ R_j and the spare capacity S_j − S_j ÷ R_j (negative =
// over-subscribed). A community that reaches several facilities is counted in each of their loads,
// so the spare capacity is a cautious figure (it can be under-, never over-stated).
import { twoStepFloatingCatchment } from '../allocate/twostep';
import { representativePoint, type LonLat } from '../geo';
import type { AreaInfo, Community, Facility, FacilityKind, Layers } from '../model';
import type { Params } from '../params';
import { nearestAmong } from '../reach/straight';
import type { PairRows, ReachEngine } from '../reach/types';
import { buildContext } from '../rules/context';
import { combined } from '../rules/profiles';
import { ruleKey, type RatioRule } from '../rules/types';

export type CircleName = 'elderly' | 'childcare';

export interface ReachedFacility {
  id: string;
  name: string;
  kind: FacilityKind;
  /** metres from the site (along streets in network mode) */
  distance: number;
  /** the capacity field and its value; undefined = not known */
  field: 'places' | 'floorArea';
  capacity?: number;
  /** what the communities already reaching it require of it (rule thresholds × their residents or households) */
  catchmentNeed?: number;
  /** capacity − catchmentNeed: > 0 spare, < 0 over-subscribed; undefined when capacity is unknown */
  spare?: number;
  /** network mode, nearest beyond: nothing was reached along the streets, this is the straight-line distance */
  straightLine?: true;
}

export interface ReachFinding {
  circle: CircleName;
  mode: 'straight' | 'network';
  /** metres of the circle (straight: walking distance ÷ detour factor) */
  limit: number;
  within: ReachedFacility[];
  /** nearest facility of the circle's kinds beyond the circle (up to 4 × limit), when none is within */
  nearestBeyond?: ReachedFacility;
  /** network mode: the site is farther than snapDistance from any street */
  unplaced: boolean;
  /** sum of the known spare capacity of the facilities within reach (negative ones count as 0) */
  spareTotal: number;
  /** the rules whose thresholds defined each community's need (rule keys) */
  needRules: string[];
}

interface NeedBasis {
  field: 'places' | 'floorArea';
  byType: Partial<Record<Community['type'], { rule: RatioRule; threshold: number }>>;
}

function ratioRule(requirement: string): RatioRule | undefined {
  return combined.rules.find((r): r is RatioRule => r.kind === 'ratio' && r.requirement === requirement);
}

/** Needs come from the combined profile (the strictest rule of each requirement), with the run's overrides. */
function needBasis(circle: CircleName, params: Params): NeedBasis {
  const pick = (requirement: string) => {
    const rule = ratioRule(requirement);
    return rule ? { rule, threshold: params.thresholds?.[ruleKey(rule)] ?? rule.params.min } : undefined;
  };
  if (circle === 'childcare') {
    const n = pick('childcare.places.new');
    const b = pick('childcare.places.built');
    return { field: 'places', byType: { ...(n ? { new: n } : {}), ...(b ? { built: b } : {}) } };
  }
  // 20 m² per 100 households: ca.households states it for new estates; cf.households for every
  // residential community — the same number, so built-up communities need it too
  const h = pick('elderly.floor.per100hh.new');
  return { field: 'floorArea', byType: h ? { new: h, built: h } : {} };
}

function needOf(c: Community, basis: NeedBasis): number | undefined {
  const b = basis.byType[c.type];
  if (!b) return undefined;
  const d = c[b.rule.params.demand as 'population' | 'households'];
  return d === undefined ? undefined : (d * b.threshold) / b.rule.params.per;
}

/** Pairs plus one probe per facility that reaches only that facility with unknown demand: a probe is
 *  left out of every denominator, so its accessibility is exactly R_j of its facility. */
function withProbes(p: PairRows, facilities: number): PairRows {
  const n = p.start.length;
  const start = new Uint32Array(n + facilities);
  const end = new Uint32Array(n + facilities);
  start.set(p.start);
  end.set(p.end);
  const supply = new Uint32Array(p.supply.length + facilities);
  supply.set(p.supply);
  const distance = new Float64Array(p.distance.length + facilities);
  distance.set(p.distance);
  for (let j = 0; j < facilities; j++) {
    supply[p.supply.length + j] = j;
    start[n + j] = p.supply.length + j;
    end[n + j] = p.supply.length + j + 1;
  }
  return { start, end, supply, distance };
}

export function reachFindings(data: Layers & { area: AreaInfo }, site: Community, params: Params, engine: ReachEngine): ReachFinding[] {
  const ctx = buildContext(data, params, engine);
  const sitePoint: LonLat = representativePoint(site.geometry);
  return (['elderly', 'childcare'] as const).map((circle) => {
    const kinds = circle === 'elderly' ? params.elderlyCircleKinds : params.childcareCircleKinds;
    const basis = needBasis(circle, params);
    const inCircle = (j: number) => kinds.includes(ctx.facilities[j].kind);
    const demand = [...ctx.communities.map((c) => needOf(c, basis)), ...ctx.facilities.map(() => undefined)];
    const capacity = ctx.facilities.map((f) => f[basis.field]);
    const shares = twoStepFloatingCatchment(withProbes(ctx.reach, ctx.facilities.length), demand, capacity, inCircle);
    const n = ctx.communities.length;
    const describe = (j: number, distance: number): ReachedFacility => {
      const f: Facility = ctx.facilities[j];
      const cap = capacity[j];
      const r = shares.accessibility[n + j];
      const need = cap === undefined ? undefined : r > 0 ? cap / r : 0;
      return {
        id: f.id,
        name: f.name,
        kind: f.kind,
        distance,
        field: basis.field,
        ...(cap !== undefined ? { capacity: cap, catchmentNeed: need, spare: cap - (need ?? 0) } : {}),
      };
    };
    const candidates = ctx.facilities.map((_, j) => j).filter(inCircle);
    const far = engine.pairs({ demand: [sitePoint], supply: candidates.map((j) => ctx.facilityPoints[j]), maxDistance: ctx.radius * 4 });
    const found: ReachedFacility[] = [];
    for (let k = far.offsets[0]; k < far.offsets[1]; k++) found.push(describe(candidates[far.supply[k]], far.distance[k]));
    found.sort((a, b) => a.distance - b.distance);
    const within = found.filter((x) => x.distance <= ctx.radius);
    const finding: ReachFinding = {
      circle,
      mode: engine.mode,
      limit: ctx.radius,
      within,
      unplaced: far.unplacedDemand.length > 0,
      spareTotal: within.reduce((s, x) => s + Math.max(0, x.spare ?? 0), 0),
      needRules: [...new Set(Object.values(basis.byType).map((b) => (b ? ruleKey(b.rule) : '')))].filter(Boolean),
    };
    if (within.length === 0) {
      const beyond =
        found[0] ??
        nearestStraight(sitePoint, candidates, ctx.facilityPoints, (j, d) => ({ ...describe(j, d), ...(engine.mode === 'network' ? { straightLine: true as const } : {}) }));
      if (beyond) finding.nearestBeyond = beyond;
    }
    return finding;
  });
}

/** Straight-line nearest when nothing lies within 4 × the circle: at least say how far the nearest is. */
function nearestStraight(p: LonLat, candidates: number[], points: LonLat[], describe: (j: number, d: number) => ReachedFacility): ReachedFacility | undefined {
  const { index, metres } = nearestAmong(p, candidates, points);
  return index < 0 ? undefined : describe(index, metres);
}
