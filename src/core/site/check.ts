// The site check: the site becomes a community of type 'new' with the plan's provision as on-site
// facilities, and the real rule engine (evaluate) judges it. Three evaluations per profile:
//  - the site alone (its own community and, for the 分区分级 land rules, its own planning unit):
//    what the plan itself provides against each requirement — facilities of the existing area that
//    happen to lie inside the drawn outline do not count towards the plan;
//  - the area without and with the site: the site's 15-minute-circle rows and every street/area
//    result the new residents change (e.g. the area-wide places per 1000).
import { evaluate, type Evaluation } from '../evaluate';
import { areaM2, pointInArea, representativePoint } from '../geo';
import type { Community, Facility } from '../model';
import type { AreaInfo, DataIssue, Layers, Msg, RuleResult } from '../model';
import { resolveParams, type Params } from '../params';
import { reachEngineFor } from '../reach/choose';
import { createStraightEngine } from '../reach/straight';
import type { ReachEngine } from '../reach/types';
import { ruleFor } from '../report/summary';
import { PROFILES } from '../rules/profiles';
import type { Name, RuleKind } from '../rules/types';
import { plannedFacilities, siteCommunity, siteId, siteUnit, type SiteInput } from './build';
import { deriveFigures, fieldArgs, figureProblems, type DerivedFigures, type SiteFigures } from './figures';
import { checkSiteGeometry, locateSite, projectBounds } from './geometry';
import { reachFindings, type ReachFinding } from './reach';

export type AreaData = Layers & { area: AreaInfo };

export interface SiteCheckOptions {
  /** profile ids, or ['all'] for the five documents and the combined profile side by side */
  profiles: string[];
  params?: Partial<Params>;
  /** a cached reach engine for the area (network mode); built from the roads when absent */
  reach?: ReachEngine;
  /** ISO date printed in the report (the caller's clock; the core has none) */
  date?: string;
}

export type AmountUnit = 'm2' | 'places' | 'count';

export interface Requirement {
  result: RuleResult;
  kind: RuleKind;
  name: Name;
  /** the rule in absolute terms for this site: e.g. 200 m² for 1000 households at 20 m²/100 households */
  required?: number;
  /** upper end of a stated range (ca.land 0.1–0.3 m² per resident) */
  requiredMax?: number;
  provided?: number;
  amountUnit?: AmountUnit;
  /** a street/area (分区分级) rule read on the site as its own planning unit */
  asOwnUnit?: boolean;
}

export interface Effect {
  rule: string;
  part?: string;
  level: 'street' | 'area';
  unit: { id: string; name?: string };
  view?: 'onsite' | 'catchment';
  measure: string;
  threshold: number | null;
  before?: { value: number | null; status: RuleResult['status']; shortfall: number | null };
  after: { value: number | null; status: RuleResult['status']; shortfall: number | null; reason?: RuleResult['reason'] };
  citation: RuleResult['citation'];
}

export interface ProfileSiteCheck {
  profile: string;
  name: Name;
  requirements: Requirement[];
  /** the site's own rows of the 15-minute-circle rules in the area (existing + planned facilities) */
  circle: RuleResult[];
  effects: Effect[];
  counts: { pass: number; fail: number; na: number };
}

export interface SiteCheck {
  ok: true;
  site: {
    id: string;
    name: string;
    source?: string;
    areaM2: number;
    figures: SiteFigures;
    derived: DerivedFigures;
    /** the street/town its representative point falls in (after-evaluation) */
    street?: { id: string; name: string };
  };
  params: Params;
  reach: ReachFinding[];
  profiles: ProfileSiteCheck[];
  /** data issues the engine raised about the site or its planned facilities */
  issues: DataIssue[];
  date?: string;
}

export type SiteCheckOutcome = SiteCheck | { ok: false; error: Msg; figureErrors?: Msg[] };

export const ALL_PROFILES = ['ak', 'cf', 'wy', 'xn', 'ca', 'combined'] as const;

export function expandProfiles(ids: string[]): string[] {
  return ids.includes('all') ? [...ALL_PROFILES] : ids;
}

function amountUnit(measure: string): AmountUnit | undefined {
  if (measure.startsWith('m2')) return 'm2';
  if (measure.startsWith('places')) return 'places';
  if (measure === 'count') return 'count';
  return undefined;
}

/** The result's numbers turned into amounts for this site (required / provided), from the rule's own definition. */
function requirementOf(r: RuleResult, site: { population?: number; households?: number }, asOwnUnit: boolean): Requirement | undefined {
  const def = ruleFor(r);
  if (!def) return undefined;
  const base: Requirement = { result: r, kind: def.kind, name: def.name, ...(asOwnUnit ? { asOwnUnit } : {}) };
  if (def.kind === 'ratio') {
    const d = site[def.params.demand as 'population' | 'households'];
    const unit = amountUnit(def.params.measure);
    if (d === undefined || r.threshold === null || !unit) return base;
    const per = def.params.per;
    // whole things (places) are required whole, rounded up as the engine rounds shortfalls
    const whole = (x: number) => (unit === 'places' ? Math.ceil(x - 1e-9) : x);
    return {
      ...base,
      amountUnit: unit,
      required: whole((r.threshold * d) / per),
      ...(def.params.max !== undefined ? { requiredMax: whole((def.params.max * d) / per) } : {}),
      ...(r.value !== null && r.status !== 'na' ? { provided: (r.value * d) / per } : {}),
    };
  }
  if (def.kind === 'min_size')
    return { ...base, amountUnit: 'm2', ...(r.threshold !== null ? { required: r.threshold } : {}), ...(r.value !== null && r.status !== 'na' ? { provided: r.value } : {}) };
  if (def.kind === 'presence')
    return { ...base, amountUnit: 'count', ...(r.threshold !== null ? { required: r.threshold } : {}), ...(r.value !== null ? { provided: r.value } : {}) };
  return base;
}

function key(r: RuleResult): string {
  return `${r.rule}|${r.part ?? ''}|${r.unit.level}|${r.unit.id}|${r.view ?? ''}`;
}

/** Street and area results that differ once the site is added (value or verdict), before → after. */
export function effectsOf(before: Evaluation, after: Evaluation): Effect[] {
  const old = new Map(before.results.map((r) => [key(r), r]));
  const out: Effect[] = [];
  for (const r of after.results) {
    if (r.unit.level !== 'street' && r.unit.level !== 'area') continue;
    const b = old.get(key(r));
    const same =
      b && b.status === r.status && (b.value === r.value || (b.value !== null && r.value !== null && Math.abs(b.value - r.value) <= 1e-9 * Math.max(1, Math.abs(b.value))));
    if (same) continue;
    out.push({
      rule: r.rule,
      ...(r.part ? { part: r.part } : {}),
      level: r.unit.level,
      unit: { id: r.unit.id, ...(r.unit.name ? { name: r.unit.name } : {}) },
      ...(r.view ? { view: r.view } : {}),
      measure: r.measure,
      threshold: r.threshold,
      ...(b ? { before: { value: b.value, status: b.status, shortfall: b.shortfall } } : {}),
      // e.g. n/a because a planned facility lacks a field the rule sums (ownership, social workers)
      after: { value: r.value, status: r.status, shortfall: r.shortfall, ...(r.reason ? { reason: r.reason } : {}) },
      citation: r.citation,
    });
  }
  return out;
}

function counts(rs: readonly { status: RuleResult['status'] }[]) {
  const c = { pass: 0, fail: 0, na: 0 };
  for (const r of rs) c[r.status]++;
  return c;
}

/**
 * Checks one site against the area. Never throws on bad input: an unusable outline, a site outside
 * the area or impossible figures come back as {ok:false, error} naming the file and what to do.
 * `before` may carry the area's evaluations per profile when the caller already has them.
 */
export function checkSite(data: AreaData, input: SiteInput, opts: SiteCheckOptions, before: Map<string, Evaluation> = new Map()): SiteCheckOutcome {
  const file = input.source ?? input.name ?? 'site';
  const g = checkSiteGeometry(input.geometry, file);
  if (!g.ok) return g;
  const where = locateSite(g.geometry, projectBounds(data), file);
  if (!where.ok) return where;
  const bad = figureProblems(input.figures);
  if (bad.length > 0) {
    const errs = bad.map((b) => ({ key: b.key, args: { ...fieldArgs(b.field), site: input.name ?? input.id ?? file, value: String(input.figures[b.field]) } }));
    return { ok: false, error: errs[0], figureErrors: errs };
  }
  const params = resolveParams(opts.params);
  const profiles = expandProfiles(opts.profiles);
  const unknown = profiles.find((p) => !PROFILES.some((x) => x.id === p));
  if (unknown) return { ok: false, error: { key: 'params.unknownProfile', args: { profile: unknown, known: [...ALL_PROFILES, 'all'].join(', ') } } };

  const id = siteId(input.id, new Set(data.communities.map((c) => c.id)));
  const derived = deriveFigures(input.figures, data.communities);
  const community = siteCommunity(id, { ...input, geometry: g.geometry }, derived);
  const planned = plannedFacilities(id, { ...input, geometry: g.geometry });
  const engine = opts.reach ?? reachEngineFor(params, data.roads);
  const withSite: AreaData = { ...data, communities: [...data.communities, community], facilities: [...data.facilities, ...planned] };
  const alone: AreaData = { area: { name: community.name }, communities: [community], facilities: planned, streets: [siteUnit(id, { ...input, geometry: g.geometry })], roads: [] };
  const unitId = `${id}:unit`;
  const siteDemand = { population: community.population, households: community.households };

  const reach = reachFindings(data, community, params, engine);
  let issues: DataIssue[] = [];
  const results: ProfileSiteCheck[] = profiles.map((profile) => {
    const own = evaluate(alone, { profile, params, reach: createStraightEngine() });
    const requirements: Requirement[] = [];
    for (const r of own.results) {
      const def = ruleFor(r);
      if (!def || def.kind === 'coverage' || r.view === 'catchment') continue;
      const mine = r.unit.level === 'community' && r.unit.id === id;
      const ownUnit = r.unit.level === 'street' && r.unit.id === unitId && def.kind === 'ratio' && r.measure === 'm2_per_resident';
      if (!mine && !ownUnit) continue;
      const q = requirementOf(ownUnit ? { ...r, unit: { level: 'community', id, name: community.name } } : r, siteDemand, ownUnit);
      if (q) requirements.push(q);
    }
    const prior = before.get(profile) ?? evaluate(data, { profile, params, reach: engine });
    before.set(profile, prior);
    const after = evaluate(withSite, { profile, params, reach: engine });
    const circle = after.results.filter((r) => r.unit.level === 'community' && r.unit.id === id && ruleFor(r)?.kind === 'coverage').map((r) => ownPlannedReach(r, planned, reach));
    issues = [...own.issues, ...after.issues].filter((x) => x.id === id || x.id.startsWith(`${id}:`));
    const p = PROFILES.find((x) => x.id === profile);
    return {
      profile,
      name: p?.name ?? { zh: profile, en: profile },
      requirements,
      circle,
      effects: effectsOf(prior, after),
      counts: counts([...requirements.map((q) => q.result), ...circle]),
    };
  });
  const street = streetOf(data, community);
  const uniqueIssues = [...new Map(issues.map((x) => [`${x.id}|${x.field ?? ''}|${x.msg.key}`, x])).values()];
  return {
    ok: true,
    site: {
      id,
      name: community.name,
      ...(input.source ? { source: input.source } : {}),
      areaM2: areaM2(g.geometry),
      figures: input.figures,
      derived,
      ...(street ? { street } : {}),
    },
    params,
    reach,
    profiles: results,
    issues: uniqueIssues,
    ...(opts.date ? { date: opts.date } : {}),
  };
}

/** A circle row the site passes only through its own planned facility says so — the facility is the
 *  project's (planned, not yet built) — and names the nearest existing facility of the circle. */
export function ownPlannedReach(r: RuleResult, planned: readonly Facility[], reach: readonly ReachFinding[]): RuleResult {
  const own = r.status === 'pass' && r.nearest ? planned.find((f) => f.id === r.nearest?.id) : undefined;
  if (!own) return r;
  const circle = own.id.endsWith(':childcare') ? 'childcare' : 'elderly';
  const f = reach.find((x) => x.circle === circle);
  const near = f?.within[0] ?? f?.nearestBeyond;
  const what = own.kind;
  const limit = Math.round(f?.limit ?? r.threshold ?? 0);
  let reason: Msg;
  if (!near) reason = { key: 'site.reason.ownPlanned.none', args: { what } };
  else if (f && near.distance <= f.limit) reason = { key: 'site.reason.ownPlanned.within', args: { what, name: near.name, distance: Math.round(near.distance), limit } };
  // beyond the circle: rounded up, so it never reads as the limit
  else reason = { key: 'site.reason.ownPlanned.beyond', args: { what, name: near.name, distance: Math.ceil(near.distance), limit } };
  return { ...r, reason };
}

/** The street/town holding the site's representative point (the engine's own rule for a community without a street). */
function streetOf(data: AreaData, site: Community): { id: string; name: string } | undefined {
  const p = representativePoint(site.geometry);
  const s = data.streets.find((x) => pointInArea(p, x.geometry));
  return s ? { id: s.id, name: s.name } : undefined;
}
