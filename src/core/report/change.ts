// What happened to each community's verdict from A to B (better / worse / same), for the overall
// verdict or one rule. Both compare maps colour by it, so the eye reads change instead of two
// all-red maps (most communities fail some rule).
import type { Status } from '../model';
import { worst, type Verdict } from './verdicts';

export type Change = 'better' | 'worse' | 'same';

export interface ChangeSide {
  /** [community id, rule key, status] on the on-site view */
  communityRules: readonly (readonly [string, string, Status])[];
}

/** fail < cannot assess / no rule < pass: moving up is better */
const RANK: Record<Verdict, number> = { fail: 0, na: 1, none: 1, pass: 2 };

/** Verdict per community for one rule key, or the worst over all rules when rule is null. */
export function communityVerdicts(side: ChangeSide, rule: string | null): Map<string, Verdict> {
  const grouped = new Map<string, Status[]>();
  for (const [id, key, status] of side.communityRules) {
    if (rule !== null && key !== rule) continue;
    const list = grouped.get(id);
    if (list) list.push(status);
    else grouped.set(id, [status]);
  }
  return new Map([...grouped].map(([id, list]) => [id, worst(list)]));
}

/** Change per community the rule applies to on either side (others are left out). */
export function changes(a: ChangeSide, b: ChangeSide, rule: string | null): Map<string, Change> {
  const va = communityVerdicts(a, rule);
  const vb = communityVerdicts(b, rule);
  const out = new Map<string, Change>();
  for (const id of new Set([...va.keys(), ...vb.keys()])) {
    const d = RANK[vb.get(id) ?? 'none'] - RANK[va.get(id) ?? 'none'];
    out.set(id, d > 0 ? 'better' : d < 0 ? 'worse' : 'same');
  }
  return out;
}

export function changeCounts(ch: ReadonlyMap<string, Change>): Record<Change, number> {
  const n: Record<Change, number> = { better: 0, worse: 0, same: 0 };
  for (const c of ch.values()) n[c] += 1;
  return n;
}
