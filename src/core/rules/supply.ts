// Summing a supply field over a set of facilities without ever counting a missing value as 0:
// the known sum is returned together with the facilities that lack the value (a lower bound).
import type { Facility } from '../model';
import type { Supply } from './types';

export interface SupplySum {
  sum: number;
  /** ids of facilities in the set that lack the field */
  missing: string[];
  /** ids whose floor area was estimated from beds (cf.bed.area) */
  estimated: string[];
}

export function matchesSupply(f: Facility, s: Pick<Supply, 'kinds' | 'ownership'>): boolean {
  return s.kinds.includes(f.kind) && (!s.ownership || (f.ownership !== undefined && s.ownership.includes(f.ownership)));
}

/** Facilities whose ownership is unknown where the rule filters by ownership: they may or may not count. */
export function ownershipUnknown(f: Facility, s: Pick<Supply, 'kinds' | 'ownership'>): boolean {
  return s.kinds.includes(f.kind) && s.ownership !== undefined && f.ownership === undefined;
}

/** One facility's capacity in the supply field (floor area estimated from beds where the rule allows). */
export function capacityOf(f: Facility, s: Supply): { value?: number; estimated: boolean } {
  const v = f[s.field];
  if (v !== undefined) return { value: v, estimated: false };
  if (s.field === 'floorArea' && s.bedArea !== undefined && f.beds !== undefined) return { value: f.beds * s.bedArea, estimated: true };
  return { estimated: false };
}

export function sumSupply(facilities: readonly Facility[], indices: Iterable<number>, s: Supply): SupplySum {
  const out: SupplySum = { sum: 0, missing: [], estimated: [] };
  for (const i of indices) {
    const f = facilities[i];
    if (ownershipUnknown(f, s)) {
      out.missing.push(f.id);
      continue;
    }
    if (!matchesSupply(f, s)) continue;
    const c = capacityOf(f, s);
    if (c.value === undefined) out.missing.push(f.id);
    else {
      out.sum += c.value;
      if (c.estimated) out.estimated.push(f.id);
    }
  }
  return out;
}
