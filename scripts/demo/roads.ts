// SIMULATED walkable street network. Lines share a node wherever they meet at a junction
// (same node object → identical rounded coordinates); lines that merely cross do not connect,
// like a bridge. Pieces: the urban street grids around the blocks (nodes every quarter block),
// a short cross of lanes through each village, rural roads linking villages (a minimum spanning
// tree over each village's nearest neighbours plus some loops), roads between 街道 seats, and
// finally connectors that join any leftover piece to the largest one.
import type { Road } from '../../src/core/model';
import type { Layout } from './communities';
import type { Frame } from './frame';
import { PointGrid, dist, pointInRing } from './geometry';
import type { Rng } from './prng';
import type { LonLat, XY } from './projection';

/** node spacing along rural roads at size 1, metres */
const LINK_STEP = 120;
/** node spacing along roads between seats at size 1, metres */
const ARTERIAL_STEP = 250;
/** links are checked against the town blocks at least this often, metres */
const BLOCK_CHECK_STEP = 10;
/** chance to keep a non-tree link to a near neighbour (makes loops, so one closed road is no dead end) */
const LOOP_SHARE = 0.3;

class UnionFind {
  private readonly parent: number[] = [];
  add(): void {
    this.parent.push(this.parent.length);
  }
  find(a: number): number {
    const p = this.parent;
    while (p[a] !== a) {
      p[a] = p[p[a]];
      a = p[a];
    }
    return a;
  }
  union(a: number, b: number): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return false;
    this.parent[ra] = rb;
    return true;
  }
}

export interface Network {
  nodes: XY[];
  lonlat: LonLat[];
  roads: { highway: string; nodes: number[] }[];
}

class Builder {
  readonly nodes: XY[] = [];
  readonly lonlat: LonLat[] = [];
  readonly roads: { highway: string; nodes: number[] }[] = [];
  readonly uf = new UnionFind();
  private readonly keyed = new Map<string, number>();
  /** `inBlock(p)`: does p lie in a town block (where no road may pass)? */
  constructor(
    private readonly frame: Frame,
    private readonly inBlock: (p: XY) => boolean = () => false,
  ) {}

  node(p: XY, key?: string): number {
    if (key !== undefined) {
      const known = this.keyed.get(key);
      if (known !== undefined) return known;
    }
    const id = this.nodes.length;
    this.nodes.push(p);
    this.lonlat.push(this.frame.proj.toLonLat(p));
    this.uf.add();
    if (key !== undefined) this.keyed.set(key, id);
    return id;
  }

  road(highway: string, nodes: number[]): void {
    for (let k = 1; k < nodes.length; k++) this.uf.union(nodes[k - 1], nodes[k]);
    this.roads.push({ highway, nodes });
  }

  /** A road from node a to node b with fresh nodes every `step` metres, bent by a gentle sine.
   *  Returns false (and adds nothing) if the road would leave the district outline or cross a town block. */
  link(highway: string, a: number, b: number, step: number, rng: Rng): boolean {
    const [pa, pb] = [this.nodes[a], this.nodes[b]];
    const len = dist(pa, pb);
    const n = Math.max(1, Math.round(len / step));
    const bend = rng.uniform(-0.04, 0.04) * len;
    const [nx, ny] = [-(pb[1] - pa[1]) / (len || 1), (pb[0] - pa[0]) / (len || 1)];
    const at = (t: number): XY => {
      const off = bend * Math.sin(Math.PI * t);
      return [pa[0] + t * (pb[0] - pa[0]) + off * nx, pa[1] + t * (pb[1] - pa[1]) + off * ny];
    };
    // check every half step (and the nodes) against the outline before adding anything
    // (a is inside; if the boundary is farther from a than the whole curve reaches, no test is needed)
    const reach = len * 1.05;
    if (this.frame.boundary.distance(pa, reach + 1) <= reach) for (let k = 1; k < 2 * n; k++) if (!this.frame.boundary.contains(at(k / (2 * n)), 0)) return false;
    // and every few metres against the blocks: a road runs between them, never across a corner
    const m = Math.ceil(len / BLOCK_CHECK_STEP);
    for (let k = 1; k < m; k++) if (this.inBlock(at(k / m))) return false;
    const ids = [a];
    for (let k = 1; k < n; k++) ids.push(this.node(at(k / n)));
    ids.push(b);
    this.road(highway, ids);
    return true;
  }
}

/** builds the grids; returns each street's grid junction nodes (empty without a grid) */
function gridRoads(b: Builder, layout: Layout): number[][] {
  const junctions: number[][] = layout.grids.map(() => []);
  layout.grids.forEach((g, si) => {
    if (!g) return;
    const blocks = layout.communities.filter((c) => c.street === si && c.block).map((c) => c.block as [number, number]);
    const h = new Set<string>(); // horizontal edge starting at node (i, j)
    const v = new Set<string>(); // vertical edge starting at node (i, j)
    const ir = g.irregular;
    // a wall between two blocks of one superblock carries no street
    const add = (set: Set<string>, dir: 'h' | 'v', i: number, j: number) => {
      if (!ir?.isWall(dir, i, j)) set.add(`${i},${j}`);
    };
    for (const [i, j] of blocks) {
      add(h, 'h', i, j);
      add(h, 'h', i, j + 1);
      add(v, 'v', i, j);
      add(v, 'v', i + 1, j);
    }
    const q = g.pitch / 4;
    // the position of quarter-grid node (qi, qj): on the square grid, or on the irregular blocks' curved street
    const at = (qi: number, qj: number): XY => {
      if (!ir) return [g.origin[0] + qi * q, g.origin[1] + qj * q];
      const [i, j] = [Math.floor(qi / 4), Math.floor(qj / 4)];
      if (qj % 4 === 0) return ir.along('h', i, qj / 4, (qi - 4 * i) / 4);
      return ir.along('v', qi / 4, j, (qj - 4 * j) / 4);
    };
    // quarter-grid node (qi, qj); junctions are the nodes with both indices divisible by 4
    const nodeAt = (qi: number, qj: number): number => b.node(at(qi, qj), `g${si}:${qi}:${qj}`);
    const runs = (edges: Set<string>, horizontal: boolean): void => {
      const lines = new Map<number, number[]>();
      for (const e of edges) {
        const [i, j] = e.split(',').map(Number);
        const [line, pos] = horizontal ? [j, i] : [i, j];
        const l = lines.get(line);
        if (l) l.push(pos);
        else lines.set(line, [pos]);
      }
      for (const [line, positions] of [...lines.entries()].sort((x, y) => x[0] - y[0])) {
        positions.sort((x, y) => x - y);
        let start = 0;
        for (let k = 1; k <= positions.length; k++) {
          if (k < positions.length && positions[k] === positions[k - 1] + 1) continue;
          const [from, to] = [positions[start], positions[k - 1] + 1];
          const ids: number[] = [];
          for (let s = 4 * from; s <= 4 * to; s++) ids.push(horizontal ? nodeAt(s, 4 * line) : nodeAt(4 * line, s));
          // every third grid line is a through road
          b.road(line % 3 === 0 ? 'tertiary' : 'residential', ids);
          start = k;
        }
      }
    };
    runs(h, true);
    runs(v, false);
    for (const e of h) {
      const [i, j] = e.split(',').map(Number);
      junctions[si].push(nodeAt(4 * i, 4 * j), nodeAt(4 * i + 4, 4 * j));
    }
  });
  return junctions.map((js) => [...new Set(js)]);
}

function villageLanes(b: Builder, layout: Layout, rng: Rng): Map<number, number> {
  const centreNode = new Map<number, number>(); // community index → node
  layout.communities.forEach((c, ci) => {
    if (c.urban) return;
    const centre = b.node(c.centre);
    centreNode.set(ci, centre);
    const t = rng.uniform(0, Math.PI);
    for (const angle of [t, t + Math.PI / 2]) {
      const [dx, dy] = [Math.cos(angle) * c.radius * 0.7, Math.sin(angle) * c.radius * 0.7];
      const ids = [-1, -0.5, 0, 0.5, 1].map((f) => (f === 0 ? centre : b.node([c.centre[0] + f * dx, c.centre[1] + f * dy])));
      b.road('residential', ids);
    }
  });
  return centreNode;
}

function ruralLinks(b: Builder, villageNodes: number[], junctions: number[], scale: number, rng: Rng): void {
  const pts = [...villageNodes, ...junctions];
  const xy = pts.map((n) => b.nodes[n]);
  const index = new PointGrid(xy, 800 * scale);
  const isVillage = (i: number): boolean => i < villageNodes.length;
  const edges: { a: number; b: number; len: number; nn: number }[] = [];
  villageNodes.forEach((_, i) => {
    const near = index.nearest(xy[i], 5, (j) => j === i);
    // at most one link into the urban grid per village: its nearest junction
    const firstJunction = near.find((j) => !isVillage(j));
    const keep = near.filter((j) => isVillage(j) || j === firstJunction);
    const nn = keep.length ? dist(xy[i], xy[keep[0]]) : 0;
    for (const j of keep.slice(0, 4)) edges.push({ a: pts[i], b: pts[j], len: dist(xy[i], xy[j]), nn });
  });
  edges.sort((e, f) => e.len - f.len || e.a - f.a || e.b - f.b);
  const done = new Set<string>();
  for (const e of edges) {
    const key = e.a < e.b ? `${e.a}-${e.b}` : `${e.b}-${e.a}`;
    if (done.has(key)) continue;
    const joins = b.uf.find(e.a) !== b.uf.find(e.b);
    if ((joins || (rng.chance(LOOP_SHARE) && e.len < 1.5 * e.nn)) && b.link('unclassified', e.a, e.b, LINK_STEP * scale, rng)) done.add(key);
  }
}

function arterials(b: Builder, frame: Frame, layout: Layout, grids: number[][], villageNodes: number[], scale: number, rng: Rng): void {
  // a street without a grid is reached at the village centre nearest its seat
  const villageIndex = new PointGrid(
    villageNodes.map((n) => b.nodes[n]),
    1000,
  );
  const anchors = grids.map((js, si) => (js.length ? js : [villageNodes[villageIndex.nearest(frame.seats[si], 1)[0]]]));
  // the anchor of street i facing point p: its node nearest p, on the town's edge, so the road does not cut through blocks
  const facing = (si: number, p: XY): number => anchors[si].reduce((best, n) => (dist(b.nodes[n], p) < dist(b.nodes[best], p) ? n : best));
  // 'primary' between two seats with a real town grid (five blocks or more)
  const urban = frame.seats.map((_, si) => layout.communities.filter((c) => c.street === si && c.block).length >= 5);
  const done = new Set<string>();
  frame.seats.forEach((s, i) => {
    const order = frame.seats
      .map((_, j) => j)
      .filter((j) => j !== i)
      .sort((a, c) => dist(frame.seats[a], s) - dist(frame.seats[c], s));
    for (const j of order.slice(0, 3)) {
      const key = i < j ? `${i}-${j}` : `${j}-${i}`;
      if (done.has(key)) continue;
      const from = facing(i, frame.seats[j]);
      const to = facing(j, b.nodes[from]);
      if (from === to) continue;
      if (b.link(urban[i] && urban[j] ? 'primary' : 'secondary', from, to, ARTERIAL_STEP * scale, rng)) done.add(key);
    }
  });
}

function connectLeftovers(b: Builder, scale: number, rng: Rng): void {
  const comps = new Map<number, number[]>();
  b.nodes.forEach((_, n) => {
    const r = b.uf.find(n);
    const c = comps.get(r);
    if (c) c.push(n);
    else comps.set(r, [n]);
  });
  if (comps.size <= 1) return;
  const nodes = b.nodes.slice(); // the index covers these; connector nodes added below are not targets
  const index = new PointGrid(nodes, 500 * scale);
  // smallest pieces first, each to the nearest node of any other piece (pieces merge as we go)
  const pieces = [...comps.values()].sort((x, y) => x.length - y.length || x[0] - y[0]).slice(0, -1);
  for (const comp of pieces) {
    const root = b.uf.find(comp[0]);
    const pairs: [number, number, number][] = [];
    // a sample of the piece's nodes is enough to find a short connector
    const step = Math.max(1, Math.floor(comp.length / 40));
    for (let s = 0; s < comp.length; s += step) {
      const n = comp[s];
      for (const m of index.nearest(nodes[n], 12, (i) => b.uf.find(i) === root)) pairs.push([dist(nodes[n], nodes[m]), n, m]);
    }
    pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    // the shortest connector that stays inside the outline; a piece no straight road can join stays apart
    pairs.some(([, n, m]) => b.link('unclassified', n, m, LINK_STEP * scale, rng));
  }
}

/** is p inside one of the layout's town blocks? */
function blockTest(layout: Layout): (p: XY) => boolean {
  const blocks = layout.communities.filter((c) => c.block);
  const index = new PointGrid(
    blocks.map((c) => c.centre),
    1000 * layout.scale,
  );
  // a block reaches at most about its half diagonal (plus a town-edge corner's push) from its centre
  const reach = Math.max(0, ...blocks.map((c) => c.radius)) * 1.5;
  return (p) => index.within(p, reach).some((i) => pointInRing(p[0], p[1], blocks[i].shape));
}

export function buildNetwork(frame: Frame, layout: Layout, rng: Rng): Network {
  const b = new Builder(frame, blockTest(layout));
  const junctions = gridRoads(b, layout);
  const centres = villageLanes(b, layout, rng.fork('lanes'));
  const villageNodes = [...centres.values()];
  ruralLinks(b, villageNodes, junctions.flat(), layout.scale, rng.fork('links'));
  arterials(b, frame, layout, junctions, villageNodes, layout.scale, rng.fork('arterials'));
  connectLeftovers(b, layout.scale, rng.fork('connectors'));
  return { nodes: b.nodes, lonlat: b.lonlat, roads: b.roads };
}

export function toRoads(net: Network): Road[] {
  const width = String(net.roads.length).length;
  return net.roads.map((r, i) => ({
    id: `r${String(i + 1).padStart(width, '0')}`,
    highway: r.highway,
    geometry: { type: 'LineString', coordinates: r.nodes.map((n) => net.lonlat[n]) },
  }));
}
