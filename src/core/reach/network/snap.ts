// Snapping points to the nearest street segment. A Flatbush R-tree over segment bounding boxes,
// built in an equirectangular plane (metres) centred on the network, finds candidates; the exact
// perpendicular foot is then taken in a plane local to the point and the leg measured with
// haversine. The leg counts toward the walk.
import Flatbush from 'flatbush';
import { haversine, metresPerDegree } from './geodesy';
import type { StreetGraph } from './graph';

/** A point placed on edge `edge`, a fraction t of the way from edgeA to edgeB, `leg` metres off it. */
export interface Snap {
  edge: number;
  t: number;
  leg: number;
}

/** first search half-width in metres: most points stand within a street block's depth of a street */
const START_RADIUS = 60;

export class EdgeIndex {
  private readonly kx: number;
  private readonly ky: number;
  /** planar distances computed at another latitude differ from the index plane by at most this factor */
  private readonly slack: number;

  constructor(
    private readonly g: StreetGraph,
    readonly tree: Flatbush | null,
    readonly lon0: number,
    readonly lat0: number,
    latMin: number,
    latMax: number,
  ) {
    const m = metresPerDegree(lat0);
    this.kx = m.x;
    this.ky = m.y;
    const c0 = Math.cos((lat0 * Math.PI) / 180);
    const ratios = [latMin, latMax].map((l) => Math.cos((l * Math.PI) / 180) / c0);
    this.slack = Math.max(...ratios.map((r) => Math.max(r, 1 / r))) * 1.001;
  }

  static build(g: StreetGraph): EdgeIndex {
    let latMin = Infinity;
    let latMax = -Infinity;
    let lonMin = Infinity;
    let lonMax = -Infinity;
    for (let i = 0; i < g.nodeCount; i++) {
      if (g.lat[i] < latMin) latMin = g.lat[i];
      if (g.lat[i] > latMax) latMax = g.lat[i];
      if (g.lon[i] < lonMin) lonMin = g.lon[i];
      if (g.lon[i] > lonMax) lonMax = g.lon[i];
    }
    if (g.edgeCount === 0) return new EdgeIndex(g, null, 0, 0, 0, 0);
    const lon0 = (lonMin + lonMax) / 2;
    const lat0 = (latMin + latMax) / 2;
    const { x: kx, y: ky } = metresPerDegree(lat0);
    const tree = new Flatbush(g.edgeCount);
    for (let e = 0; e < g.edgeCount; e++) {
      const a = g.edgeA[e];
      const b = g.edgeB[e];
      const ax = (g.lon[a] - lon0) * kx;
      const ay = (g.lat[a] - lat0) * ky;
      const bx = (g.lon[b] - lon0) * kx;
      const by = (g.lat[b] - lat0) * ky;
      tree.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    tree.finish();
    return new EdgeIndex(g, tree, lon0, lat0, latMin, latMax);
  }

  /** Nearest edge within maxDistance metres (leg measured with haversine), or null. */
  snap(lon: number, lat: number, maxDistance: number): Snap | null {
    const tree = this.tree;
    if (!tree) return null;
    const g = this.g;
    const x = (lon - this.lon0) * this.kx;
    const y = (lat - this.lat0) * this.ky;
    const local = metresPerDegree(lat);
    const lx = local.x;
    const ly = local.y;
    const limit = maxDistance * this.slack + 1;
    // Search a growing box: once the best segment found is nearer than the box half-width (allowing
    // for the plane's scale error), no segment outside the box can be nearer.
    let r = Math.min(START_RADIUS, limit);
    let best = -1;
    let bestPlanar = Infinity;
    let bestT = 0;
    for (;;) {
      const cands = tree.search(x - r, y - r, x + r, y + r);
      for (let i = 0; i < cands.length; i++) {
        const e = cands[i];
        const a = g.edgeA[e];
        const b = g.edgeB[e];
        // perpendicular foot in the plane local to the point (metres)
        const ax = (g.lon[a] - lon) * lx;
        const ay = (g.lat[a] - lat) * ly;
        const dx = (g.lon[b] - g.lon[a]) * lx;
        const dy = (g.lat[b] - g.lat[a]) * ly;
        const len2 = dx * dx + dy * dy;
        let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const fx = ax + t * dx;
        const fy = ay + t * dy;
        const d = Math.sqrt(fx * fx + fy * fy);
        if (d < bestPlanar || (d === bestPlanar && e < best)) {
          bestPlanar = d;
          best = e;
          bestT = t;
        }
      }
      if (bestPlanar * this.slack <= r || r >= limit) break;
      r = Math.min(r * 4, limit);
    }
    if (best < 0) return null;
    const a = g.edgeA[best];
    const b = g.edgeB[best];
    const leg = haversine(lon, lat, g.lon[a] + bestT * (g.lon[b] - g.lon[a]), g.lat[a] + bestT * (g.lat[b] - g.lat[a]));
    return leg <= maxDistance ? { edge: best, t: bestT, leg } : null;
  }
}
