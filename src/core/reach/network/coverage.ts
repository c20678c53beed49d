// Incremental coverage: keeps, for a fixed set of communities, which facilities reach each of them.
// Moving, adding or removing one facility re-runs one bounded search from that facility only
// and patches the rows it touched, so a drag costs one facility's walk, not the whole city.
import type { LonLat, ReachPairs } from '../types';
import type { Placement, PointGroups } from './placement';
import { pairsFromSupplyReach, type NetworkReach, type SupplyReach } from './reach';

const EMPTY: SupplyReach = { demand: new Uint32Array(0), distance: new Float64Array(0) };

export class IncrementalCoverage {
  private readonly demand: Placement;
  private readonly perSupply: SupplyReach[] = [];
  /** per demand: supply index → metres, for the facilities that reach it */
  private readonly perDemand: Map<number, number>[];
  private readonly unplacedSupply = new Set<number>();
  private readonly removed = new Set<number>();

  constructor(
    private readonly reach: NetworkReach,
    private readonly demandGroups: PointGroups,
    supplyGroups: PointGroups,
    readonly maxDistance: number,
    private readonly snapDistance: number,
  ) {
    this.demand = reach.place(demandGroups, snapDistance);
    this.perDemand = demandGroups.map(() => new Map<number, number>());
    supplyGroups.forEach((pts) => this.add(pts));
  }

  get supplyCount(): number {
    return this.perSupply.length;
  }

  /** Adds a facility; returns its index and the demand rows that changed. */
  add(points: readonly LonLat[]): { index: number; changed: number[] } {
    const index = this.perSupply.length;
    this.perSupply.push(EMPTY);
    return { index, changed: this.put(index, points) };
  }

  /** Moves facility j to new point(s); returns the demand rows that changed. */
  move(j: number, points: readonly LonLat[]): number[] {
    this.check(j);
    return this.put(j, points);
  }

  /** Removes facility j (its index stays reserved so other indices keep their meaning). */
  remove(j: number): number[] {
    this.check(j);
    const changed = this.put(j, []);
    this.removed.add(j);
    this.unplacedSupply.delete(j);
    return changed;
  }

  /** Current pairs in the ReachEngine form. */
  pairs(): ReachPairs {
    return {
      ...pairsFromSupplyReach(this.perSupply, this.demandGroups.length),
      unplacedDemand: this.demand.unplaced,
      unplacedSupply: [...this.unplacedSupply].sort((a, b) => a - b),
    };
  }

  /** Walking distance from demand d to its nearest facility within maxDistance, or Infinity. */
  nearestDistance(d: number): number {
    let best = Infinity;
    for (const v of this.perDemand[d].values()) if (v < best) best = v;
    return best;
  }

  /** Facilities reaching demand d, with metres. */
  reachedBy(d: number): ReadonlyMap<number, number> {
    return this.perDemand[d];
  }

  private check(j: number): void {
    if (!Number.isInteger(j) || j < 0 || j >= this.perSupply.length || this.removed.has(j))
      throw new RangeError(`no facility with index ${j} in this coverage (have 0..${this.perSupply.length - 1}, removed: ${[...this.removed].join(', ') || 'none'})`);
  }

  private put(j: number, points: readonly LonLat[]): number[] {
    const changed = new Set<number>();
    const old = this.perSupply[j];
    for (let i = 0; i < old.demand.length; i++) {
      this.perDemand[old.demand[i]].delete(j);
      changed.add(old.demand[i]);
    }
    let next = EMPTY;
    this.unplacedSupply.delete(j);
    if (points.length > 0) {
      const sp = this.reach.place([points], this.snapDistance, false, false);
      if (sp.unplaced.length > 0) this.unplacedSupply.add(j);
      else next = this.reach.reachFrom(sp, 0, sp.owner.length, this.demand, this.demandGroups.length, this.maxDistance);
    }
    this.perSupply[j] = next;
    for (let i = 0; i < next.demand.length; i++) {
      this.perDemand[next.demand[i]].set(j, next.distance[i]);
      changed.add(next.demand[i]);
    }
    return [...changed].sort((a, b) => a - b);
  }
}
