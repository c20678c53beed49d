// Compare two states (a scenario with the baseline, or two scenarios): KPI deltas and the
// communities whose verdict changed. Everything is computed from two Evaluation objects and the
// two sets of layers; nothing is re-evaluated here. Deltas are B − A.
import type { CircleCoverage, Evaluation } from '../evaluate';
import { CHILDCARE_KINDS, ELDERLY_KINDS, type Layers, type Level, type Msg, type RuleResult, type Status } from '../model';
import type { ScenarioCost } from './cost';

export interface Delta {
  a: number | null;
  b: number | null;
  /** b − a; null when either side is unknown */
  delta: number | null;
}

export function delta(a: number | null, b: number | null): Delta {
  return { a, b, delta: a === null || b === null ? null : b - a };
}

export interface CoverageKpi {
  circle: string;
  /** residents inside the circle (total − outside) */
  covered: Delta;
  total: Delta;
  /** covered ÷ total, null when there are no residents */
  share: Delta;
}

export interface RuleKpi {
  rule: string;
  level: Level;
  view?: 'onsite' | 'catchment';
  pass: Delta;
  fail: Delta;
  na: Delta;
  /** sum of the shortfalls of the failing units, in the rule's own unit (see `measure`) */
  shortfall: Delta;
  measure: string;
}

export type ShortfallUnit = 'places' | 'm2' | 'beds' | 'other';

/** The unit a rule's shortfall is counted in, from the measure of its value. */
export function shortfallUnit(measure: string): ShortfallUnit {
  if (/^places/.test(measure)) return 'places';
  if (/^m2/.test(measure)) return 'm2';
  if (/^beds/.test(measure)) return 'beds';
  return 'other';
}

export interface CapacityKpi {
  /** beds of elderly-care facilities (unknown counts are left out and counted in bedsUnknown) */
  beds: Delta;
  nursingBeds: Delta;
  /** nursing beds ÷ beds over the facilities where both are known */
  nursingShare: Delta;
  /** places of childcare facilities */
  places: Delta;
  bedsUnknown: Delta;
  placesUnknown: Delta;
  facilities: Delta;
  communities: Delta;
}

export interface RuleChange {
  rule: string;
  /** the part of a rule whose clause holds several numbers (ca.community.min: elderly | childcare) */
  part?: string;
  view?: 'onsite' | 'catchment';
  from: Status | 'absent';
  to: Status | 'absent';
  valueA: number | null;
  valueB: number | null;
}

export interface CommunityChange {
  id: string;
  name?: string;
  /** overall verdict on the on-site view: fail if any rule fails, pass if any passes, else na;
   *  'absent' where the community does not exist on that side */
  from: Status | 'absent';
  to: Status | 'absent';
  rules: RuleChange[];
}

export interface Comparison {
  coverage: CoverageKpi[];
  rules: RuleKpi[];
  /** community level, on-site view: Σ over communities of the largest shortfall any rule of that
   *  unit reports for it (two rules asking one community for places are not added up) */
  shortfalls: { places: Delta; m2: Delta };
  capacity: CapacityKpi;
  /** cost of what B builds compared with A, if given */
  cost?: ScenarioCost;
  changed: CommunityChange[];
  /** why the two sides may not be comparable (different profile or parameters) */
  warnings: Msg[];
}

export function compare(evalA: Evaluation, evalB: Evaluation, layersA: Layers, layersB: Layers, cost?: ScenarioCost): Comparison {
  const warnings: Msg[] = [];
  if (evalA.profile !== evalB.profile) warnings.push({ key: 'scenario.compare.profileDiffers', args: { a: evalA.profile, b: evalB.profile } });
  else if (!sameJson(evalA.params, evalB.params)) warnings.push({ key: 'scenario.compare.paramsDiffer' });
  return {
    coverage: coverageKpis(evalA.coverage, evalB.coverage),
    rules: ruleKpis(evalA.results, evalB.results),
    shortfalls: {
      places: delta(communityShortfall(evalA.results, 'places'), communityShortfall(evalB.results, 'places')),
      m2: delta(communityShortfall(evalA.results, 'm2'), communityShortfall(evalB.results, 'm2')),
    },
    capacity: capacityKpi(layersA, layersB),
    ...(cost ? { cost } : {}),
    changed: communityChanges(evalA.results, evalB.results, layersA, layersB),
    warnings,
  };
}

function coverageKpis(a: CircleCoverage[], b: CircleCoverage[]): CoverageKpi[] {
  const circles = [...new Set([...a.map((c) => c.circle), ...b.map((c) => c.circle)])];
  return circles.map((circle) => {
    const ca = a.find((c) => c.circle === circle);
    const cb = b.find((c) => c.circle === circle);
    const covered = (c?: CircleCoverage) => (c ? c.residentsTotal - c.residentsOutside : null);
    const share = (c?: CircleCoverage) => (c && c.residentsTotal > 0 ? (c.residentsTotal - c.residentsOutside) / c.residentsTotal : null);
    return {
      circle,
      covered: delta(covered(ca), covered(cb)),
      total: delta(ca?.residentsTotal ?? null, cb?.residentsTotal ?? null),
      share: delta(share(ca), share(cb)),
    };
  });
}

function ruleKey(r: RuleResult): string {
  return `${r.rule}\u0000${r.unit.level}\u0000${r.view ?? ''}`;
}

interface Tally {
  rule: string;
  level: Level;
  view?: 'onsite' | 'catchment';
  measure: string;
  pass: number;
  fail: number;
  na: number;
  shortfall: number;
}

function tally(results: RuleResult[]): Map<string, Tally> {
  const m = new Map<string, Tally>();
  for (const r of results) {
    const k = ruleKey(r);
    let t = m.get(k);
    if (!t) {
      t = { rule: r.rule, level: r.unit.level, measure: r.measure, pass: 0, fail: 0, na: 0, shortfall: 0, ...(r.view ? { view: r.view } : {}) };
      m.set(k, t);
    }
    t[r.status] += 1;
    if (r.status === 'fail' && r.shortfall !== null) t.shortfall += r.shortfall;
  }
  return m;
}

function ruleKpis(a: RuleResult[], b: RuleResult[]): RuleKpi[] {
  const ta = tally(a);
  const tb = tally(b);
  const keys = [...new Set([...ta.keys(), ...tb.keys()])];
  return keys.map((k) => {
    const x = ta.get(k);
    const y = tb.get(k);
    const head = (x ?? y) as Tally;
    const n = (t: Tally | undefined, f: 'pass' | 'fail' | 'na' | 'shortfall') => (t ? round(t[f]) : null);
    return {
      rule: head.rule,
      level: head.level,
      ...(head.view ? { view: head.view } : {}),
      measure: head.measure,
      pass: delta(n(x, 'pass'), n(y, 'pass')),
      fail: delta(n(x, 'fail'), n(y, 'fail')),
      na: delta(n(x, 'na'), n(y, 'na')),
      shortfall: delta(n(x, 'shortfall'), n(y, 'shortfall')),
    };
  });
}

function communityShortfall(results: RuleResult[], unit: ShortfallUnit): number {
  const worst = new Map<string, number>();
  for (const r of results) {
    if (r.unit.level !== 'community' || (r.view ?? 'onsite') !== 'onsite' || r.status !== 'fail' || r.shortfall === null) continue;
    if (shortfallUnit(r.measure) !== unit) continue;
    worst.set(r.unit.id, Math.max(worst.get(r.unit.id) ?? 0, r.shortfall));
  }
  let s = 0;
  for (const v of worst.values()) s += v;
  return round(s);
}

function capacityKpi(a: Layers, b: Layers): CapacityKpi {
  const ca = capacity(a);
  const cb = capacity(b);
  return {
    beds: delta(ca.beds, cb.beds),
    nursingBeds: delta(ca.nursingBeds, cb.nursingBeds),
    nursingShare: delta(ca.nursingShare, cb.nursingShare),
    places: delta(ca.places, cb.places),
    bedsUnknown: delta(ca.bedsUnknown, cb.bedsUnknown),
    placesUnknown: delta(ca.placesUnknown, cb.placesUnknown),
    facilities: delta(a.facilities.length, b.facilities.length),
    communities: delta(a.communities.length, b.communities.length),
  };
}

/** Totals over the facilities whose counts are known; how many are unknown is reported beside. */
export function capacity(layers: Layers): { beds: number; nursingBeds: number; nursingShare: number | null; places: number; bedsUnknown: number; placesUnknown: number } {
  let beds = 0;
  let nursingBeds = 0;
  let bothBeds = 0;
  let bothNursing = 0;
  let places = 0;
  let bedsUnknown = 0;
  let placesUnknown = 0;
  for (const f of layers.facilities) {
    if (ELDERLY_KINDS.includes(f.kind)) {
      if (f.beds === undefined) bedsUnknown += 1;
      else beds += f.beds;
      if (f.nursingBeds !== undefined) nursingBeds += f.nursingBeds;
      if (f.beds !== undefined && f.nursingBeds !== undefined) {
        bothBeds += f.beds;
        bothNursing += f.nursingBeds;
      }
    }
    if (CHILDCARE_KINDS.includes(f.kind)) {
      if (f.places === undefined) placesUnknown += 1;
      else places += f.places;
    }
  }
  return { beds, nursingBeds, nursingShare: bothBeds > 0 ? bothNursing / bothBeds : null, places, bedsUnknown, placesUnknown };
}

function overall(rs: RuleResult[]): Status {
  const on = rs.filter((r) => (r.view ?? 'onsite') === 'onsite');
  if (on.some((r) => r.status === 'fail')) return 'fail';
  if (on.some((r) => r.status === 'pass')) return 'pass';
  return 'na';
}

function byCommunity(results: RuleResult[]): Map<string, RuleResult[]> {
  const m = new Map<string, RuleResult[]>();
  for (const r of results) {
    if (r.unit.level !== 'community') continue;
    const list = m.get(r.unit.id);
    if (list) list.push(r);
    else m.set(r.unit.id, [r]);
  }
  return m;
}

/** Communities where any rule's status changed, in B's layer order, then those only in A.
 *  Worsened ones (to fail) are the ones a meeting must see, so they come first. */
function communityChanges(a: RuleResult[], b: RuleResult[], la: Layers, lb: Layers): CommunityChange[] {
  const ra = byCommunity(a);
  const rb = byCommunity(b);
  const inA = new Set(la.communities.map((c) => c.id));
  const inB = new Set(lb.communities.map((c) => c.id));
  const names = new Map([...la.communities, ...lb.communities].map((c) => [c.id, c.name]));
  const order = [...lb.communities.map((c) => c.id), ...la.communities.map((c) => c.id).filter((id) => !inB.has(id))];
  const out: CommunityChange[] = [];
  for (const id of order) {
    const xa = inA.has(id) ? (ra.get(id) ?? []) : [];
    const xb = inB.has(id) ? (rb.get(id) ?? []) : [];
    const rules = ruleChanges(xa, xb);
    const from = inA.has(id) ? overall(xa) : 'absent';
    const to = inB.has(id) ? overall(xb) : 'absent';
    if (rules.length === 0 && from === to) continue;
    out.push({ id, ...(names.has(id) ? { name: names.get(id) } : {}), from, to, rules });
  }
  const rank = (c: CommunityChange) => (c.to === 'fail' && c.from !== 'fail' ? 0 : c.to === 'pass' && c.from !== 'pass' ? 1 : 2);
  return out
    .map((c, i) => ({ c, i }))
    .sort((x, y) => rank(x.c) - rank(y.c) || x.i - y.i)
    .map((x) => x.c);
}

function ruleChanges(a: RuleResult[], b: RuleResult[]): RuleChange[] {
  // a community has a handful of results: pairing them by scanning beats building maps
  const same = (x: RuleResult, y: RuleResult) => x.rule === y.rule && x.part === y.part && x.view === y.view;
  const out: RuleChange[] = [];
  const push = (x: RuleResult | undefined, y: RuleResult | undefined) => {
    const from = x?.status ?? 'absent';
    const to = y?.status ?? 'absent';
    if (from === to) return;
    const head = (x ?? y) as RuleResult;
    out.push({
      rule: head.rule,
      ...(head.part ? { part: head.part } : {}),
      ...(head.view ? { view: head.view } : {}),
      from,
      to,
      valueA: x?.value ?? null,
      valueB: y?.value ?? null,
    });
  };
  for (const x of a)
    push(
      x,
      b.find((y) => same(x, y)),
    );
  for (const y of b) if (!a.some((x) => same(x, y))) push(undefined, y);
  return out;
}

/** Shortfalls of m² are kept to 0.1 by the rules; sums of them pick up float noise. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function sameJson(x: unknown, y: unknown): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}
