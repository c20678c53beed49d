// Walking graph from road LineStrings, held in flat typed arrays so it can cross to a worker.
// Every vertex is a node; vertices of different roads are the same node when their coordinates
// agree after rounding to 1e-7° (≈1 cm). Lines that cross without a shared vertex stay apart,
// like bridges and underpasses in OpenStreetMap. Each segment is one undirected edge whose
// length is the haversine distance in metres (see geodesy.ts).
import type { Road } from '../../model';
import { grow } from '../pair-output';
import { haversine, isLonLat } from './geodesy';
import { packedRoad } from './packed-roads';
import type { NetworkIssue } from './issues';

export interface StreetGraph {
  nodeCount: number;
  edgeCount: number;
  /** node coordinates, degrees */
  lon: Float64Array;
  lat: Float64Array;
  /** undirected edges: end nodes, length in metres, index of the road it came from */
  edgeA: Uint32Array;
  edgeB: Uint32Array;
  edgeLength: Float64Array;
  edgeRoad: Uint32Array;
  /** CSR adjacency, both directions: neighbours of node u are adjNode[offsets[u] .. offsets[u+1]-1] */
  offsets: Uint32Array;
  adjNode: Uint32Array;
  adjEdge: Uint32Array;
  adjWeight: Float64Array;
}

/** The street graph without its adjacency: what is kept once the chains are built (chains.ts: the
 *  searches run on those); snapping, crossings and walk areas read the nodes and edges alone. The
 *  adjacency of a large city's 530 000 edge ends is 7.6 MB, and fromEdges makes it again the same. */
export type StreetEdges = Omit<StreetGraph, 'offsets' | 'adjNode' | 'adjEdge' | 'adjWeight'>;

/** the graph's nodes and edges, its adjacency left out (a new object: the built graph is unchanged) */
export function edgesOf({ offsets: _o, adjNode: _n, adjEdge: _e, adjWeight: _w, ...edges }: StreetGraph): StreetEdges {
  return edges;
}

export interface GraphBuild {
  graph: StreetGraph;
  issues: NetworkIssue[];
  stats: { roads: number; segments: number; duplicateSegments: number; zeroLengthSegments: number };
}

/** Coordinates equal at 1e-7° are one node. */
const GRID = 1e7;

export function buildGraph(roads: readonly Road[]): GraphBuild {
  const issues: NetworkIssue[] = [];
  const nodes = new NodeTable();
  // typed arrays grown as they fill (no array of boxed numbers: a city has 300 000 vertices)
  let lon = new Float64Array(1024);
  let lat = new Float64Array(1024);
  let nodeCount = 0;
  let ea = new Uint32Array(1024);
  let eb = new Uint32Array(1024);
  let er = new Uint32Array(1024);
  let edgeCount = 0;
  const seen = new NodeTable();
  let segments = 0;
  let duplicateSegments = 0;
  let zeroLengthSegments = 0;

  const nodeOf = (x: number, y: number): number => {
    const i = nodes.idOf(Math.round(x * GRID), Math.round(y * GRID), nodeCount);
    if (i === nodeCount) {
      lon = grow(lon, nodeCount + 1);
      lat = grow(lat, nodeCount + 1);
      lon[nodeCount] = x;
      lat[nodeCount++] = y;
    }
    return i;
  };

  /** the next vertex of a line (prev: the line's last node, -1 at its start): its node */
  const step = (prev: number, x: number, y: number, r: number): number => {
    const cur = nodeOf(x, y);
    if (prev >= 0) {
      segments++;
      if (cur === prev) zeroLengthSegments++;
      // the pair of end nodes, lower first, is the segment's key (a node id is < 2^31)
      else if (seen.idOf(Math.min(prev, cur), Math.max(prev, cur), edgeCount) !== edgeCount) duplicateSegments++;
      else {
        ea = grow(ea, edgeCount + 1);
        eb = grow(eb, edgeCount + 1);
        er = grow(er, edgeCount + 1);
        ea[edgeCount] = prev;
        eb[edgeCount] = cur;
        er[edgeCount++] = r;
      }
    }
    return cur;
  };

  roads.forEach((road, r) => {
    // a packed road (packed-roads.ts): its lines read from the packing, every vertex checked there
    const packed = road ? packedRoad(road) : null;
    if (packed) {
      const { lineStart, xy } = packed.lines;
      for (let k = packed.first; k < packed.end; k++) {
        let prev = -1;
        for (let v = lineStart[k]; v < lineStart[k + 1]; v++) prev = step(prev, xy[2 * v], xy[2 * v + 1], r);
      }
      return;
    }
    readGeoJson(road, r, issues, step);
  });

  const graph = fromEdges(lon.slice(0, nodeCount), lat.slice(0, nodeCount), ea.slice(0, edgeCount), eb.slice(0, edgeCount), er.slice(0, edgeCount));
  return { graph, issues, stats: { roads: roads.length, segments, duplicateSegments, zeroLengthSegments } };
}

/** A road given as GeoJSON, line by line into `step`; a bad geometry or vertex is an issue (a line
 *  breaks at a bad vertex rather than jumping over it). */
function readGeoJson(road: Road, r: number, issues: NetworkIssue[], step: (prev: number, x: number, y: number, r: number) => number): void {
  const g: unknown = road?.geometry;
  const lines = linesOf(g);
  if (!lines) {
    issues.push({
      layer: 'roads',
      index: r,
      id: road?.id,
      field: 'geometry',
      severity: 'error',
      msg: { key: 'net.road.geometry', args: { index: r, id: String(road?.id ?? '') } },
    });
    return;
  }
  for (const line of lines) {
    let prev = -1;
    line.forEach((pt, v) => {
      const ok = Array.isArray(pt) && isLonLat(pt[0], pt[1]);
      if (!ok) {
        issues.push({
          layer: 'roads',
          index: r,
          id: road.id,
          field: 'geometry',
          severity: 'error',
          msg: { key: 'net.road.vertex', args: { index: r, id: road.id, vertex: v, value: JSON.stringify(pt) ?? 'undefined' } },
        });
        prev = -1; // the line breaks here rather than jumping over the bad vertex
        return;
      }
      prev = step(prev, pt[0] as number, pt[1] as number, r);
    });
  }
}

/**
 * Open-addressing hash table from a pair of int32 (rounded coordinates, lon and lat × 1e7; or a
 * segment's two end nodes) to ids; a Map keyed by strings, or a Set of numbers, costs several times
 * more for the hundreds of thousands of vertices and segments of a city.
 */
class NodeTable {
  private keys = new Int32Array(2 * 1024);
  private ids = new Int32Array(1024).fill(-1);
  private size = 0;

  /** id of the node at (x, y), or `next` after registering it as a new node */
  idOf(x: number, y: number, next: number): number {
    if (2 * (this.size + 1) > this.ids.length) this.grow();
    const mask = this.ids.length - 1;
    let h = hash(x, y) & mask;
    for (;;) {
      const id = this.ids[h];
      if (id < 0) {
        this.ids[h] = next;
        this.keys[2 * h] = x;
        this.keys[2 * h + 1] = y;
        this.size++;
        return next;
      }
      if (this.keys[2 * h] === x && this.keys[2 * h + 1] === y) return id;
      h = (h + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIds = this.ids;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.ids = new Int32Array(oldIds.length * 2).fill(-1);
    const mask = this.ids.length - 1;
    for (let i = 0; i < oldIds.length; i++) {
      if (oldIds[i] < 0) continue;
      const x = oldKeys[2 * i];
      const y = oldKeys[2 * i + 1];
      let h = hash(x, y) & mask;
      while (this.ids[h] >= 0) h = (h + 1) & mask;
      this.ids[h] = oldIds[i];
      this.keys[2 * h] = x;
      this.keys[2 * h + 1] = y;
    }
  }
}

function hash(x: number, y: number): number {
  let h = Math.imul(x ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(y ^ 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/** Assemble lengths and CSR adjacency from an edge list. */
export function fromEdges(lon: Float64Array, lat: Float64Array, edgeA: Uint32Array, edgeB: Uint32Array, edgeRoad: Uint32Array): StreetGraph {
  const nodeCount = lon.length;
  const edgeCount = edgeA.length;
  const edgeLength = new Float64Array(edgeCount);
  const degree = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeA[e];
    const b = edgeB[e];
    edgeLength[e] = haversine(lon[a], lat[a], lon[b], lat[b]);
    degree[a + 1]++;
    degree[b + 1]++;
  }
  const offsets = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i++) offsets[i + 1] = offsets[i] + degree[i + 1];
  const fill = offsets.slice(0, nodeCount);
  const adjNode = new Uint32Array(2 * edgeCount);
  const adjEdge = new Uint32Array(2 * edgeCount);
  const adjWeight = new Float64Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeA[e];
    const b = edgeB[e];
    let k = fill[a]++;
    adjNode[k] = b;
    adjEdge[k] = e;
    adjWeight[k] = edgeLength[e];
    k = fill[b]++;
    adjNode[k] = a;
    adjEdge[k] = e;
    adjWeight[k] = edgeLength[e];
  }
  return { nodeCount, edgeCount, lon, lat, edgeA, edgeB, edgeLength, edgeRoad, offsets, adjNode, adjEdge, adjWeight };
}

function linesOf(g: unknown): unknown[][] | null {
  if (typeof g !== 'object' || g === null) return null;
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates)) return null;
  if (type === 'LineString') return [coordinates];
  if (type === 'MultiLineString' && coordinates.every(Array.isArray)) return coordinates as unknown[][];
  return null;
}

/** Number of connected components (a node with no edges is a component of its own). */
export function componentCount(g: StreetEdges): number {
  const parent = new Uint32Array(g.nodeCount);
  for (let i = 0; i < g.nodeCount; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  let count = g.nodeCount;
  for (let e = 0; e < g.edgeCount; e++) {
    const a = find(g.edgeA[e]);
    const b = find(g.edgeB[e]);
    if (a !== b) {
      parent[a] = b;
      count--;
    }
  }
  return count;
}
