// Summing a supply field over a set of facilities without ever counting a missing value as 0:
// the known sum is returned together with the facilities that lack the value (a lower bound).
import type { Facility } from '../model';
import { facilityColumn, type Prepared } from './context';
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

/** Each facility's capacity in the supply field where it counts for the supply (kept with the
 *  prepared data: facilityColumn). */
export function capacityColumn(ctx: Prepared, s: Supply): readonly (number | undefined)[] {
  return facilityColumn(ctx, `capacity:${JSON.stringify(s)}`, (f) => (matchesSupply(f, s) ? capacityOf(f, s).value : undefined));
}

/** The supply summed over some of the prepared facilities (in the order given; a facility whose
 *  ownership the rule filters by is unknown, or whose value is missing, is listed, not counted as
 *  0), read from columns kept with them (an edit works them out again only for the facilities it
 *  changed): what each facility is for the supply — 0 not counted, 1 counted, 2 counted as
 *  estimated, 3 missing — and its capacity. */
export function supplySums(ctx: Prepared, s: Supply): (indices: Iterable<number>) => SupplySum {
  const cls = facilityColumn(ctx, `supply-class:${JSON.stringify(s)}`, (f) => {
    if (ownershipUnknown(f, s)) return 3;
    if (!matchesSupply(f, s)) return 0;
    const c = capacityOf(f, s);
    return c.value === undefined ? 3 : c.estimated ? 2 : 1;
  });
  const value = capacityColumn(ctx, s);
  return (indices) => {
    const out: SupplySum = { sum: 0, missing: [], estimated: [] };
    for (const i of indices) {
      const c = cls[i];
      if (c === 0) continue;
      if (c === 3) out.missing.push(ctx.facilities[i].id);
      else {
        out.sum += value[i] as number;
        if (c === 2) out.estimated.push(ctx.facilities[i].id);
      }
    }
    return out;
  };
}
