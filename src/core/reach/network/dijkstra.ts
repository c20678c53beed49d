// Shortest walks on the street graph with a distance cutoff. One workspace is reused across runs:
// only the nodes a run touched are reset, so a run costs what it reaches, not the whole city.
import { MinHeap } from './heap';
import type { Adjacency } from './chains';

export class Dijkstra {
  /** metres from the nearest seed; Infinity where not reached within the cutoff */
  readonly dist: Float64Array;
  /** label of the seed that reached the node first (multi-source), -1 where not reached */
  readonly label: Int32Array;
  /** nodes reached by the last run, in no particular order: touched[0 .. touchedCount-1] */
  touched: Uint32Array;
  touchedCount = 0;
  private readonly heap = new MinHeap();

  constructor(private readonly g: Adjacency) {
    this.dist = new Float64Array(g.nodeCount).fill(Infinity);
    this.label = new Int32Array(g.nodeCount).fill(-1);
    this.touched = new Uint32Array(Math.min(g.nodeCount, 1024) || 1);
  }

  /** Forget the last run (cost: nodes it touched). */
  reset(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const u = this.touched[i];
      this.dist[u] = Infinity;
      this.label[u] = -1;
    }
    this.touchedCount = 0;
    this.heap.clear();
  }

  /**
   * Multi-source Dijkstra: seed s starts at node seedNode[s] with distance seedDist[s] and
   * carries label seedLabel[s]. Nodes farther than cutoff are left unreached.
   */
  run(seedNode: ArrayLike<number>, seedDist: ArrayLike<number>, seedLabel: ArrayLike<number>, cutoff: number): void {
    this.reset();
    const { dist, label, heap } = this;
    const { offsets, adjNode, adjWeight } = this.g;
    for (let s = 0; s < seedNode.length; s++) {
      const u = seedNode[s];
      const d = seedDist[s];
      if (d <= cutoff && d < dist[u]) {
        if (dist[u] === Infinity) this.touch(u);
        dist[u] = d;
        label[u] = seedLabel[s];
        heap.push(d, u);
      }
    }
    while (heap.length > 0) {
      const du = heap.peekKey();
      const u = heap.pop();
      if (du > dist[u]) continue; // stale entry
      const lu = label[u];
      for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
        const v = adjNode[k];
        const dv = du + adjWeight[k];
        if (dv <= cutoff && dv < dist[v]) {
          if (dist[v] === Infinity) this.touch(v);
          dist[v] = dv;
          label[v] = lu;
          heap.push(dv, v);
        }
      }
    }
  }

  private touch(u: number): void {
    if (this.touchedCount === this.touched.length) {
      const next = new Uint32Array(this.touched.length * 2);
      next.set(this.touched);
      this.touched = next;
    }
    this.touched[this.touchedCount++] = u;
  }
}

/**
 * The k nearest distinct seeds of every node (k-shortest-sources Dijkstra): a node accepts at most
 * one entry per seed label and at most k labels, in order of distance. Returns, per node, k slots
 * of (label, distance), label -1 where fewer than k seeds are within the cutoff.
 */
export function kNearestSeeds(
  g: Adjacency,
  seedNode: ArrayLike<number>,
  seedDist: ArrayLike<number>,
  seedLabel: ArrayLike<number>,
  k: number,
  cutoff: number,
): { labels: Int32Array; dists: Float64Array } {
  const n = g.nodeCount;
  const labels = new Int32Array(n * k).fill(-1);
  const dists = new Float64Array(n * k).fill(Infinity);
  const count = new Uint8Array(n);
  // heap entries carry an index into growable (node, label) arrays
  let entNode = new Uint32Array(1024);
  let entLabel = new Int32Array(1024);
  let entries = 0;
  const heap = new MinHeap();
  const push = (d: number, node: number, lab: number): void => {
    if (entries === entNode.length) {
      const a = new Uint32Array(entries * 2);
      a.set(entNode);
      entNode = a;
      const b = new Int32Array(entries * 2);
      b.set(entLabel);
      entLabel = b;
    }
    entNode[entries] = node;
    entLabel[entries] = lab;
    heap.push(d, entries++);
  };
  for (let s = 0; s < seedNode.length; s++) if (seedDist[s] <= cutoff) push(seedDist[s], seedNode[s], seedLabel[s]);
  const { offsets, adjNode, adjWeight } = g;
  while (heap.length > 0) {
    const d = heap.peekKey();
    const e = heap.pop();
    const u = entNode[e];
    const lab = entLabel[e];
    const c = count[u];
    if (c >= k) continue;
    let dup = false;
    for (let j = 0; j < c; j++) if (labels[u * k + j] === lab) dup = true;
    if (dup) continue;
    labels[u * k + c] = lab;
    dists[u * k + c] = d;
    count[u] = c + 1;
    for (let q = offsets[u], end = offsets[u + 1]; q < end; q++) {
      const v = adjNode[q];
      const dv = d + adjWeight[q];
      if (dv <= cutoff && count[v] < k) push(dv, v, lab);
    }
  }
  return { labels, dists };
}
