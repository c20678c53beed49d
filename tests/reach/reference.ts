// An independent, deliberately plain reference for network distances: Vincenty's formula on the
// sphere for lengths (the engine uses haversine), nearest segment by trying every edge, and
// Floyd–Warshall for all node-to-node distances. Only for small graphs in tests.
import type { Road } from '../../src/core/model';
import type { LonLat } from '../../src/core/reach/types';
import { mulberry32 as rng } from '../../scripts/demo/prng';

export { rng };

const R = 6371008.8;
const rad = (d: number): number => (d * Math.PI) / 180;

/** Great-circle distance by Vincenty's formula on a sphere (well conditioned for short distances). */
export function vincenty(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const f1 = rad(lat1);
  const f2 = rad(lat2);
  const dl = rad(lon2 - lon1);
  const a = Math.cos(f2) * Math.sin(dl);
  const b = Math.cos(f1) * Math.sin(f2) - Math.sin(f1) * Math.cos(f2) * Math.cos(dl);
  const c = Math.sin(f1) * Math.sin(f2) + Math.cos(f1) * Math.cos(f2) * Math.cos(dl);
  return R * Math.atan2(Math.hypot(a, b), c);
}

interface RefSnap {
  a: number;
  b: number;
  /** metres from the point to node a / node b along leg + edge */
  toA: number;
  toB: number;
  t: number;
  leg: number;
  len: number;
}

export class ReferenceNetwork {
  readonly nodes: LonLat[] = [];
  readonly edges: [number, number][] = [];

  constructor(roads: Road[]) {
    const key = new Map<string, number>();
    const nodeOf = (p: number[]): number => {
      const k = `${p[0]},${p[1]}`; // test data repeats exact numbers for shared vertices
      if (!key.has(k)) {
        key.set(k, this.nodes.length);
        this.nodes.push([p[0], p[1]]);
      }
      return key.get(k) as number;
    };
    for (const r of roads) {
      const lines = r.geometry.type === 'LineString' ? [r.geometry.coordinates] : r.geometry.coordinates;
      for (const line of lines) {
        const ids = line.map(nodeOf);
        for (let i = 1; i < ids.length; i++) if (ids[i] !== ids[i - 1]) this.edges.push([ids[i - 1], ids[i]]);
      }
    }
  }

  private dMatrix: Float64Array | null = null;

  /** all node-to-node distances by Floyd–Warshall, computed on first use (small graphs only) */
  get D(): Float64Array {
    if (this.dMatrix) return this.dMatrix;
    const n = this.nodes.length;
    const D = new Float64Array(n * n).fill(Infinity);
    for (let i = 0; i < n; i++) D[i * n + i] = 0;
    for (const [a, b] of this.edges) {
      const w = this.len(a, b);
      if (w < D[a * n + b]) D[a * n + b] = D[b * n + a] = w;
    }
    for (let k = 0; k < n; k++)
      for (let i = 0; i < n; i++) {
        const dik = D[i * n + k];
        if (dik === Infinity) continue;
        for (let j = 0; j < n; j++) if (dik + D[k * n + j] < D[i * n + j]) D[i * n + j] = dik + D[k * n + j];
      }
    this.dMatrix = D;
    return D;
  }

  len(a: number, b: number): number {
    return vincenty(this.nodes[a][0], this.nodes[a][1], this.nodes[b][0], this.nodes[b][1]);
  }

  /** Try every edge; keep the one with the shortest perpendicular (planar at the point's latitude). */
  snap(p: LonLat, maxDistance: number): RefSnap | null {
    let best: RefSnap | null = null;
    let bestPlanar = Infinity;
    const kx = Math.cos(rad(p[1]));
    for (const [a, b] of this.edges) {
      const A = this.nodes[a];
      const B = this.nodes[b];
      const vx = (B[0] - A[0]) * kx;
      const vy = B[1] - A[1];
      const wx = (p[0] - A[0]) * kx;
      const wy = p[1] - A[1];
      const t = Math.max(0, Math.min(1, (vx * wx + vy * wy) / (vx * vx + vy * vy)));
      const planar = Math.hypot(wx - t * vx, wy - t * vy);
      if (planar < bestPlanar) {
        bestPlanar = planar;
        const foot: LonLat = [A[0] + t * (B[0] - A[0]), A[1] + t * (B[1] - A[1])];
        const leg = vincenty(p[0], p[1], foot[0], foot[1]);
        const len = this.len(a, b);
        best = { a, b, t, leg, len, toA: leg + t * len, toB: leg + (1 - t) * len };
      }
    }
    return best && best.leg <= maxDistance ? best : null;
  }

  /**
   * Distances from a snapped point to every node by plain Bellman–Ford: relax every edge until
   * nothing changes. Slow (edges × rounds) but with nothing clever to get wrong.
   */
  fromSnap(s: RefSnap): Float64Array {
    const dist = new Float64Array(this.nodes.length).fill(Infinity);
    dist[s.a] = Math.min(dist[s.a], s.toA);
    dist[s.b] = Math.min(dist[s.b], s.toB);
    const w = this.edges.map(([a, b]) => this.len(a, b));
    for (let changed = true; changed; ) {
      changed = false;
      this.edges.forEach(([a, b], k) => {
        if (dist[a] + w[k] < dist[b]) {
          dist[b] = dist[a] + w[k];
          changed = true;
        }
        if (dist[b] + w[k] < dist[a]) {
          dist[a] = dist[b] + w[k];
          changed = true;
        }
      });
    }
    return dist;
  }

  /** Walking distance from a snapped source (distances from fromSnap) to a snapped point. */
  toSnap(src: RefSnap, dist: Float64Array, d: RefSnap): number {
    let best = Math.min(dist[d.a] + d.toA, dist[d.b] + d.toB);
    const sameEdge = (src.a === d.a && src.b === d.b) || (src.a === d.b && src.b === d.a);
    if (sameEdge) best = Math.min(best, src.leg + Math.abs(src.t - (src.a === d.a ? d.t : 1 - d.t)) * src.len + d.leg);
    return best;
  }

  /** Walking distance between two snapped points. */
  between(s: RefSnap, d: RefSnap): number {
    const n = this.nodes.length;
    let best = Math.min(s.toA + this.D[s.a * n + d.a] + d.toA, s.toA + this.D[s.a * n + d.b] + d.toB, s.toB + this.D[s.b * n + d.a] + d.toA, s.toB + this.D[s.b * n + d.b] + d.toB);
    const sameEdge = (s.a === d.a && s.b === d.b) || (s.a === d.b && s.b === d.a);
    if (sameEdge) {
      const td = s.a === d.a ? d.t : 1 - d.t;
      best = Math.min(best, s.leg + Math.abs(s.t - td) * s.len + d.leg);
    }
    return best;
  }
}

/**
 * A random street plan: jittered grid nodes near 34°N, roads as short random walks between grid
 * neighbours (so lines share vertices), plus duplicated roads, repeated vertices (zero-length
 * segments), diagonal roads that cross others without a shared vertex, and isolated one-point lines.
 */
export function randomPlan(seed: number, size = 6): { roads: Road[]; bbox: [number, number, number, number] } {
  const r = rng(seed);
  const step = 0.001;
  const lon0 = 108.9;
  const lat0 = 34.1;
  const grid: LonLat[][] = [];
  for (let i = 0; i < size; i++) {
    grid.push([]);
    for (let j = 0; j < size; j++) grid[i].push([lon0 + i * step + (r() - 0.5) * step * 0.4, lat0 + j * step + (r() - 0.5) * step * 0.4]);
  }
  const roads: Road[] = [];
  const walks = size * 2;
  for (let w = 0; w < walks; w++) {
    let i = Math.floor(r() * size);
    let j = Math.floor(r() * size);
    const pts: LonLat[] = [grid[i][j]];
    const steps = 1 + Math.floor(r() * 4);
    for (let s = 0; s < steps; s++) {
      const dir = Math.floor(r() * 4);
      i = Math.max(0, Math.min(size - 1, i + (dir === 0 ? 1 : dir === 1 ? -1 : 0)));
      j = Math.max(0, Math.min(size - 1, j + (dir === 2 ? 1 : dir === 3 ? -1 : 0)));
      pts.push(grid[i][j]);
      if (r() < 0.1) pts.push(grid[i][j]); // zero-length segment
    }
    roads.push({ id: `w${w}`, geometry: { type: 'LineString', coordinates: pts } });
    if (r() < 0.15) roads.push({ id: `w${w}-dup`, geometry: { type: 'LineString', coordinates: [...pts].reverse() } });
  }
  // a diagonal "bridge" across the grid, with vertices only at its ends
  roads.push({ id: 'bridge', geometry: { type: 'LineString', coordinates: [grid[0][0], grid[size - 1][size - 1]] } });
  roads.push({ id: 'dot', geometry: { type: 'LineString', coordinates: [grid[1][size - 1]] } });
  return { roads, bbox: [lon0 - step, lat0 - step, lon0 + size * step, lat0 + size * step] };
}

export function randomPoints(r: () => number, n: number, bbox: [number, number, number, number]): LonLat[] {
  return Array.from({ length: n }, () => [bbox[0] + r() * (bbox[2] - bbox[0]), bbox[1] + r() * (bbox[3] - bbox[1])] as LonLat);
}
