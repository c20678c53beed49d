// The keys `threshold.<key>=N` may override (params.thresholds): every rule's key (id, or id:part
// for a clause with several numbers) and the area share of a presence rule (`<key>:share`, or
// `<id>:<part>.share`). A key nobody reads would change nothing, so it is refused with the
// closest keys first (src/schemas/params.ts).
import { PROFILES } from './profiles';
import { ruleKey } from './types';

let keys: string[] | undefined;

export function thresholdKeys(): string[] {
  if (!keys) {
    const all = new Set<string>();
    for (const p of PROFILES)
      for (const r of p.rules) {
        all.add(ruleKey(r));
        if (r.kind === 'presence' && r.params.areaShare !== undefined) all.add(ruleKey({ id: r.id, part: r.part ? `${r.part}.share` : 'share' }));
      }
    keys = [...all].sort();
  }
  return keys;
}

/** Edit distance (insert, delete, substitute) between two short strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Candidates ordered closest first (a candidate that starts with the name, e.g. the parts of a
 *  multi-part rule, counts as closest); ties alphabetically. */
export function closestFirst(name: string, candidates: readonly string[]): string[] {
  const score = (c: string) => (c.startsWith(`${name}:`) || c.startsWith(name) ? 0 : editDistance(name, c));
  return candidates
    .map((c) => ({ c, d: score(c) }))
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0))
    .map((x) => x.c);
}
