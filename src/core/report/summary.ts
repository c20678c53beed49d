// Results → counts per rule and per level: what the app's tables and the CLI summary show. A unit
// is counted once per rule, by the deciding (on-site, 配建) view: the catchment (2SFCA) view is
// shown beside it but never added to the counts (ca.households once said 60 pass + 102 fail for
// 81 new communities).
import type { Evaluation } from '../evaluate';
import type { Level, Status } from '../model';
import { PROFILES } from '../rules/profiles';
import { ruleKey, type Name, type Rule } from '../rules/types';

export interface Counts {
  pass: number;
  fail: number;
  na: number;
}

export interface RuleSummary extends Counts {
  /** id or id:part */
  key: string;
  rule: string;
  part?: string;
  kind: string;
  name: Name;
  levels: Level[];
}

export interface Summary {
  profile: string;
  totals: Counts;
  byRule: RuleSummary[];
  byLevel: ({ level: Level } & Counts)[];
}

const RULES = new Map<string, Rule>();
for (const p of PROFILES) for (const r of p.rules) RULES.set(ruleKey(r), r);

/** The rule definition behind a result (any profile), by id and part. */
export function ruleFor(r: { rule: string; part?: string }): Rule | undefined {
  return RULES.get(ruleKey({ id: r.rule, part: r.part }));
}

const LEVEL_ORDER: Level[] = ['area', 'street', 'community', 'facility', 'scenario'];

function add(c: Counts, s: Status): void {
  c[s]++;
}

/** The result that decides a unit's verdict: every result but the catchment view beside it. */
export function decides(r: { view?: 'onsite' | 'catchment' }): boolean {
  return r.view !== 'catchment';
}

export function summarise(ev: Evaluation): Summary {
  const totals: Counts = { pass: 0, fail: 0, na: 0 };
  const byRule = new Map<string, RuleSummary>();
  const byLevel = new Map<Level, Counts>();
  for (const r of ev.results) {
    if (!decides(r)) continue;
    add(totals, r.status);
    const key = ruleKey({ id: r.rule, part: r.part });
    let rs = byRule.get(key);
    if (!rs) {
      const def = ruleFor(r);
      rs = { key, rule: r.rule, ...(r.part ? { part: r.part } : {}), kind: def?.kind ?? '', name: def?.name ?? { zh: key, en: key }, levels: [], pass: 0, fail: 0, na: 0 };
      byRule.set(key, rs);
    }
    add(rs, r.status);
    if (!rs.levels.includes(r.unit.level)) rs.levels.push(r.unit.level);
    let lc = byLevel.get(r.unit.level);
    if (!lc) {
      lc = { pass: 0, fail: 0, na: 0 };
      byLevel.set(r.unit.level, lc);
    }
    add(lc, r.status);
  }
  return {
    profile: ev.profile,
    totals,
    byRule: [...byRule.values()],
    byLevel: LEVEL_ORDER.filter((l) => byLevel.has(l)).map((level) => ({ level, ...(byLevel.get(level) as Counts) })),
  };
}
