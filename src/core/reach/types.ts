// The one interface both reach engines implement: straight-line (spatial index) and street
// network (typed-array graph, multi-source Dijkstra). The rule engine only sees this.

export type LonLat = [number, number];

export interface ReachQuery {
  /** demand points (communities' representative points or entrances) */
  demand: LonLat[];
  /** supply points (facilities) */
  supply: LonLat[];
  /** metres; pairs farther than this are not returned */
  maxDistance: number;
  /** entrances of demand i, if known: the network engine walks from the best of them instead of
   *  demand[i]; the straight-line engine measures from demand[i] (a circle is drawn around a point) */
  demandEntrances?: readonly (readonly LonLat[] | undefined)[];
  /** the caller re-sorts or transposes the pairs: each demand point's run may come in any order
   *  (the straight-line engine then skips its sort; the network engine's runs stay sorted) */
  unordered?: boolean;
}

/** Demand→supply pairs within maxDistance, in CSR form: pairs of demand i are
 *  offsets[i] .. offsets[i+1]-1, sorted by distance ascending (then supply index) unless the query
 *  said `unordered`. */
export interface ReachPairs {
  offsets: Uint32Array;
  supply: Uint32Array;
  /** metres (straight line: geodesic; network: along streets incl. snapping legs) */
  distance: Float64Array;
  /** demand indices that could not be placed (network: farther than snapDistance from any street) */
  unplacedDemand: number[];
  /** supply indices that could not be placed */
  unplacedSupply: number[];
}

/** Pairs as rows, one per demand point: those of demand i are start[i] .. end[i]-1 of the pair
 *  arrays, sorted by distance ascending (then supply index). Unlike ReachPairs' CSR the rows need
 *  not follow one another: an edit of facilities writes the rows it changed after the others
 *  (reach/community-reach.ts, patchReachMapped), so the arrays may hold pairs no row reads. */
export interface PairRows {
  start: Uint32Array;
  end: Uint32Array;
  supply: Uint32Array;
  distance: Float64Array;
}

export interface ReachEngine {
  readonly mode: 'straight' | 'network';
  pairs(q: ReachQuery): ReachPairs;
  /** the nearest supply point within maxDistance of each demand point (at most one pair per demand;
   *  ties: the lower supply index), where the engine has a search faster than `pairs` for it */
  nearestPairs?(q: ReachQuery): ReachPairs;
  /** network engines: does the straight line a→b cross a street (false = same block)? */
  crossesStreet?(a: LonLat, b: LonLat): boolean;
}
