// The typed output of a pair search: runs of (supply, distance) per demand point, grown as they
// fill and each sorted by distance. Shared by the straight-line engine and the KD-tree baseline the
// bench times it against (tests/core/reach/kdtree-pairs.ts), so the two differ only in the search.
import type { LonLat } from './types';

/** Growable typed output: millions of pairs without a JS array of boxed numbers or an object per pair. */
export function grow<T extends Uint32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** a point with a position (imported records may have none) */
export const isPlaced = (p: LonLat) => Number.isFinite(p[0]) && Number.isFinite(p[1]);

/**
 * One demand point's run, by distance then supply index. Runs are usually short (insertion sort),
 * but thousands of facilities at one spot (a file's points all at the same coordinates) make a
 * run of thousands, where insertion would be quadratic.
 */
export function sortRun(supply: Uint32Array, dist: Float64Array, start: number, end: number): void {
  if (end - start > 48) {
    const order = new Uint32Array(end - start);
    for (let k = 0; k < order.length; k++) order[k] = start + k;
    order.sort((a, b) => dist[a] - dist[b] || supply[a] - supply[b]);
    const s = Uint32Array.from(order, (k) => supply[k]);
    const d = Float64Array.from(order, (k) => dist[k]);
    supply.set(s, start);
    dist.set(d, start);
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const m = dist[i];
    const s = supply[i];
    let j = i;
    while (j > start && (dist[j - 1] > m || (dist[j - 1] === m && supply[j - 1] > s))) {
      dist[j] = dist[j - 1];
      supply[j] = supply[j - 1];
      j--;
    }
    dist[j] = m;
    supply[j] = s;
  }
}
