// The street-network ReachEngine: distances are walks along streets (haversine edge lengths)
// including the legs from each point to the street it snaps to. Built once from Road[]; queries
// reuse one Dijkstra workspace. See docs/network.md for the API and its parameters.
import type { Road } from '../model';
import { contract, type ChainGraph } from './network/chains';
import { streetCrossing } from './network/crossing';
import { buildGraph, componentCount, edgesOf, type StreetEdges } from './network/graph';
import type { NetworkIssue } from './network/issues';
import { IncrementalCoverage } from './network/coverage';
import { toEnd, toStart, type PackedGroups, type PointGroups } from './network/placement';
import { NetworkReach, type NearestResult, type SupplyReach } from './network/reach';
import { reachedPieces, serviceAreaPolygon, type ServiceArea, type ServiceAreaOptions } from './network/service-area';
import { EdgeIndex, type Snap } from './network/snap';
import { packNetwork, unpackNetwork, type NetworkStats, type TransferableNetwork } from './network/transfer';
import type { LonLat, ReachEngine, ReachPairs, ReachQuery } from './types';

export type { NetworkIssue, NetworkStats, NearestResult, PackedGroups, ServiceArea, ServiceAreaOptions, Snap, StreetEdges, SupplyReach, TransferableNetwork };
export { IncrementalCoverage };

export type NetworkQuery = ReachQuery;

export interface SupplyReachQuery {
  /** demand groups: the points of one owner (a community's ways out), as arrays or packed */
  demand: PointGroups | PackedGroups;
  /** metres added to the walks ending at each point, the groups flattened in order */
  extra?: ArrayLike<number>;
  supply: LonLat[];
  maxDistance: number;
}

export interface NearestQuery {
  demand: LonLat[];
  supply: LonLat[];
  /** how many nearest facilities per demand (1 = nearest; 2 = also the runner-up, for redundancy) */
  n: number;
  /** metres; default: any distance */
  maxDistance?: number;
  demandEntrances?: readonly (readonly LonLat[] | undefined)[];
}

export interface NetworkEngine extends ReachEngine {
  readonly mode: 'network';
  /** the street graph's nodes and edges (its adjacency is let go once the chains are built) */
  readonly graph: StreetEdges;
  /** the graph the searches run on: junctions joined by chains of shape points */
  readonly chains: ChainGraph;
  /** metres: points farther than this from every street are reported unplaced */
  readonly snapDistance: number;
  readonly issues: readonly NetworkIssue[];
  readonly stats: NetworkStats;
  pairs(q: NetworkQuery): ReachPairs;
  /** per supply point, the demand groups it reaches within maxDistance (unsorted): a group's
   *  distance is its best point's walk plus that point's `extra` metres (by point, the groups
   *  flattened) — pairs() of every point, best per group, without turning them demand-major */
  bySupply(q: SupplyReachQuery): { perSupply: SupplyReach[]; unplacedDemand: number[]; unplacedSupply: number[] };
  nearest(q: NearestQuery): NearestResult;
  /** the nearest supply (within maxDistance metres, default any) of each placed point of the given
   *  demand owners, each point on its own (`point`: its index, the groups flattened): for groups
   *  already walked by bySupply() their placement is reused */
  nearestByPoint(q: { demand: PointGroups | PackedGroups; owners: readonly number[]; supply: LonLat[]; maxDistance?: number }): {
    point: Uint32Array;
    supply: Int32Array;
    distance: Float64Array;
  };
  /** nearestByPoint's search from `supply` kept, for asking it about more demand later (one walk
   *  from all the supply, not one per question) */
  nearestSearch(supply: LonLat[], maxDistance?: number): (demand: PointGroups | PackedGroups, owners: readonly number[]) => ReturnType<NetworkEngine['nearestByPoint']>;
  /** per supply: demand indices whose nearest supply it is (within maxDistance if given) */
  catchments(q: Omit<NearestQuery, 'n'>): number[][];
  /** streets reached from a point (or the best of several entrances) within maxDistance, widened into a polygon */
  serviceArea(from: LonLat | readonly LonLat[], maxDistance: number, opts?: ServiceAreaOptions): ServiceArea;
  /** a coverage that updates incrementally when one facility moves, is added or removed */
  coverage(q: NetworkQuery): IncrementalCoverage;
  snap(p: LonLat): Snap | null;
  /** does the straight line a→b cross (or touch) a street? false = a and b share a block */
  crossesStreet(a: LonLat, b: LonLat): boolean;
  /** plain object + buffers to transfer to a worker; the engine's arrays are detached afterwards if transferred */
  toTransferable(): { data: TransferableNetwork; transfer: ArrayBuffer[] };
}

/**
 * The street-network reach engine: builds the walking graph of `roads` once; its `pairs()` answers
 * the same questions as the straight-line engine, walking along streets from points snapped to the
 * nearest street (farther than `snapDistance` metres: reported unplaced, never guessed).
 *
 * @example
 * const engine = createNetworkEngine(project.roads, { snapDistance: 500 });
 * const pairs = engine.pairs({ demand: communityPoints, supply: facilityPoints, maxDistance: 810 });
 * // distances along streets are never shorter than the straight line between the same points
 * const area = engine.serviceArea(facilityPoints[0], 810); // the streets reached, as a polygon
 */
export function createNetworkEngine(roads: readonly Road[], opts: { snapDistance: number }): NetworkEngine {
  checkSnapDistance(opts.snapDistance);
  const built = buildGraph(roads);
  // the searches run on the chains: the graph's adjacency is not kept once they are built
  const chains = contract(built.graph);
  const graph = edgesOf(built.graph);
  const index = EdgeIndex.build(graph);
  return engineOf(graph, chains, index, opts.snapDistance, built.issues, {
    ...built.stats,
    nodes: graph.nodeCount,
    edges: graph.edgeCount,
    junctions: chains.nodeCount,
    chains: chains.chainCount,
    components: componentCount(graph),
  });
}

export function fromTransferable(data: TransferableNetwork): NetworkEngine {
  const { graph, chains, index } = unpackNetwork(data);
  return engineOf(graph, chains, index, data.snapDistance, data.issues, data.stats);
}

function checkSnapDistance(d: number): void {
  if (!(typeof d === 'number' && d >= 0 && Number.isFinite(d))) throw new RangeError(`snapDistance must be a finite number of metres ≥ 0, got ${String(d)}`);
}

/** A walking limit: metres ≥ 0; Infinity only where "any distance" makes sense (nearest). */
function checkLimit(name: string, d: number, infinite = false): number {
  if (!(typeof d === 'number' && d >= 0 && (infinite || Number.isFinite(d))))
    throw new RangeError(`${name} must be a ${infinite ? '' : 'finite '}number of metres ≥ 0, got ${String(d)}`);
  return d;
}

function demandGroups(demand: readonly LonLat[], entrances?: readonly (readonly LonLat[] | undefined)[]): PointGroups {
  return demand.map((p, i) => {
    const e = entrances?.[i];
    return e && e.length > 0 ? e : [p];
  });
}

function engineOf(graph: StreetEdges, chains: ChainGraph, index: EdgeIndex, snapDistance: number, issues: NetworkIssue[], stats: NetworkStats): NetworkEngine {
  const reach = new NetworkReach(graph, chains, index);
  const supplyGroups = (supply: readonly LonLat[]): PointGroups => supply.map((p) => [p]);
  return {
    mode: 'network',
    graph,
    chains,
    snapDistance,
    issues,
    stats,
    pairs: (q) => reach.pairs(demandGroups(q.demand, q.demandEntrances), supplyGroups(q.supply), checkLimit('maxDistance', q.maxDistance), snapDistance),
    bySupply: (q) => reach.bySupply(q.demand, q.extra ?? null, supplyGroups(q.supply), checkLimit('maxDistance', q.maxDistance), snapDistance),
    nearest: (q) => reach.nearest(demandGroups(q.demand, q.demandEntrances), supplyGroups(q.supply), q.n, snapDistance, checkLimit('maxDistance', q.maxDistance ?? Infinity, true)),
    nearestByPoint: (q) => reach.nearestByPoint(q.demand, q.owners, supplyGroups(q.supply), snapDistance, checkLimit('maxDistance', q.maxDistance ?? Infinity, true)),
    nearestSearch(supply, maxDistance) {
      const search = reach.nearestSearch(supplyGroups(supply), snapDistance, checkLimit('maxDistance', maxDistance ?? Infinity, true));
      return (demand, owners) => search(demand, owners, snapDistance);
    },
    catchments(q) {
      const r = reach.nearest(demandGroups(q.demand, q.demandEntrances), supplyGroups(q.supply), 1, snapDistance, checkLimit('maxDistance', q.maxDistance ?? Infinity, true));
      const out: number[][] = q.supply.map(() => []);
      r.supply.forEach((s, d) => {
        if (s >= 0) out[s].push(d);
      });
      return out;
    },
    serviceArea(from, maxDistance, opts) {
      checkLimit('maxDistance', maxDistance);
      const pts: readonly LonLat[] = isLonLat(from) ? [from] : from;
      const source = reach.place([pts], snapDistance, false, false);
      const dj = reach.dijkstra;
      const seeds = { node: [] as number[], dist: [] as number[] };
      for (let p = 0; p < source.owner.length; p++) {
        const c = source.chain[p];
        seeds.node.push(chains.chainStart[c], chains.chainEnd[c]);
        seeds.dist.push(toStart(source, p), toEnd(chains, source, p));
      }
      dj.run(seeds.node, seeds.dist, new Int32Array(seeds.node.length), maxDistance);
      const origin = pts[0] ?? [0, 0];
      return serviceAreaPolygon(graph, reachedPieces(chains, dj, source, maxDistance), [origin[0], origin[1]], opts);
    },
    coverage: (q) => new IncrementalCoverage(reach, demandGroups(q.demand, q.demandEntrances), supplyGroups(q.supply), checkLimit('maxDistance', q.maxDistance), snapDistance),
    snap: (p) => index.snap(p[0], p[1], snapDistance),
    crossesStreet: streetCrossing(graph),
    toTransferable: () => packNetwork(graph, chains, index, snapDistance, issues, stats),
  };
}

function isLonLat(x: LonLat | readonly LonLat[]): x is LonLat {
  return typeof x[0] === 'number';
}
