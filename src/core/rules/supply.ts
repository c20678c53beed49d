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
  const ids = (at: readonly number[]) => at.map((i) => ctx.facilities[i].id);
  return (indices) => {
    // a long list (a street's facilities, all of them) summed before over the same columns: the
    // same sum; the ids read again at the facilities listed (a record replaced at an index may
    // keep its class and value, not its id)
    const long = Array.isArray(indices) && indices.length >= LONG;
    const kept = long ? sumsKept.get(indices)?.get(cls)?.get(value) : undefined;
    if (kept) return { sum: kept.sum, missing: ids(kept.missing), estimated: ids(kept.estimated) };
    let sum = 0;
    const missing: number[] = [];
    const estimated: number[] = [];
    for (const i of indices) {
      const c = cls[i];
      if (c === 0) continue;
      if (c === 3) missing.push(i);
      else {
        sum += value[i] as number;
        if (c === 2) estimated.push(i);
      }
    }
    if (long) {
      let byCls = sumsKept.get(indices as number[]);
      if (!byCls) sumsKept.set(indices as number[], (byCls = new WeakMap()));
      let byValue = byCls.get(cls);
      if (!byValue) byCls.set(cls, (byValue = new WeakMap()));
      byValue.set(value, { sum, missing, estimated });
    }
    return { sum, missing: ids(missing), estimated: ids(estimated) };
  };
}

/** lists at least this long keep their sums (sumsKept) */
const LONG = 64;
/** per list of facility indices (never changed once made), class column and value column: the
 *  sum and the indices missing or estimated. An edit that keeps a street's list and the columns
 *  (a move: the same arrays, rules/context.ts facilityColumn) keeps the sums. */
const sumsKept = new WeakMap<readonly number[], WeakMap<object, WeakMap<object, { sum: number; missing: number[]; estimated: number[] }>>>();

/** 0 … n − 1, one array per n: every facility, a list whose sums are kept (supplySums). */
export function allIndices(n: number): readonly number[] {
  if (allKept?.length !== n) allKept = Object.freeze(Array.from({ length: n }, (_, i) => i));
  return allKept;
}
let allKept: readonly number[] | undefined;
