// combined: every rule of the five documents, except that rules stating the same requirement
// (same `requirement` key: same measure, same units assessed) are replaced by the strictest one,
// which keeps its own id and citation. Ties keep the first in document order (000 → 004).
import { ruleKey, type Profile, type Rule } from '../types';
import { ak } from './ak';
import { ca } from './ca';
import { cf } from './cf';
import { wy } from './wy';
import { xn } from './xn';

/** The number a rule demands (higher = stricter for every rule that has a requirement key). */
export function strictness(r: Rule): number {
  switch (r.kind) {
    case 'target':
      return r.params.target;
    case 'cost':
      return r.params.budget?.min ?? 0;
    case 'adjacency':
      return 0;
    default:
      return r.params.min;
  }
}

export interface CombinedRule {
  rule: Rule;
  /** keys (id or id:part) of the rules this one was chosen over */
  supersedes: string[];
}

export function combine(profiles: readonly Profile[]): CombinedRule[] {
  const out: CombinedRule[] = [];
  const byReq = new Map<string, CombinedRule>();
  for (const p of profiles) {
    for (const r of p.rules) {
      if (!r.requirement) {
        out.push({ rule: r, supersedes: [] });
        continue;
      }
      const held = byReq.get(r.requirement);
      if (!held) {
        const c = { rule: r, supersedes: [] };
        byReq.set(r.requirement, c);
        out.push(c);
      } else if (strictness(r) > strictness(held.rule)) {
        held.supersedes.push(ruleKey(held.rule));
        held.rule = r;
      } else held.supersedes.push(ruleKey(r));
    }
  }
  return out;
}

export const SOURCE_PROFILES: readonly Profile[] = [ak, cf, wy, xn, ca];
export const COMBINED_RULES = combine(SOURCE_PROFILES);

export const combined: Profile = {
  id: 'combined',
  name: { zh: '综合（取最严）', en: 'Combined (strictest of all)' },
  document: SOURCE_PROFILES.map((p) => p.document).join('；'),
  rules: COMBINED_RULES.map((c) => c.rule),
};
