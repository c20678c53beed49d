// Contraction of shape points: most nodes of a real street network only bend a street (degree 2).
// Searches run on "junctions" (nodes of degree ≠ 2) joined by "chains" (the runs of edges between
// them) — usually 3–5× fewer nodes — while points still snap to the exact original segments and
// distances stay exact: a point on a chain is `pos` metres from the chain's start junction.
import type { StreetGraph } from './graph';

/** What the Dijkstra search needs: CSR adjacency with weights. */
export interface Adjacency {
  nodeCount: number;
  offsets: Uint32Array;
  adjNode: Uint32Array;
  adjWeight: Float64Array;
}

export interface ChainGraph extends Adjacency {
  /** nodeCount = number of junctions; junction → original node, original node → junction or −1 */
  junctionNode: Uint32Array;
  nodeJunction: Int32Array;
  chainCount: number;
  /** end junctions and length (metres) of each chain */
  chainStart: Uint32Array;
  chainEnd: Uint32Array;
  chainLength: Float64Array;
  /** chain of each original edge and the positions (metres from the chain start) of its A and B ends */
  edgeChain: Uint32Array;
  edgePosA: Float64Array;
  edgePosB: Float64Array;
  /** original edges of chain c, in order from its start: chainEdges[chainEdgeOffsets[c] .. chainEdgeOffsets[c+1]-1] */
  chainEdgeOffsets: Uint32Array;
  chainEdges: Uint32Array;
  /** chain of each adjacency slot (the search graph's edges are chains) */
  adjChain: Uint32Array;
  /** for shape points (non-junction nodes): their chain and position; −1 / NaN for junctions */
  nodeChain: Int32Array;
  nodePos: Float64Array;
}

export function contract(g: StreetGraph): ChainGraph {
  const n = g.nodeCount;
  const degree = (u: number): number => g.offsets[u + 1] - g.offsets[u];
  const isJunction = new Uint8Array(n);
  for (let u = 0; u < n; u++) if (degree(u) !== 2) isJunction[u] = 1;

  const edgeChain = new Uint32Array(g.edgeCount).fill(0xffffffff);
  const edgePosA = new Float64Array(g.edgeCount);
  const edgePosB = new Float64Array(g.edgeCount);
  const nodeChain = new Int32Array(n).fill(-1);
  const nodePos = new Float64Array(n).fill(Number.NaN);
  // every chain holds at least one edge, and every edge is in one chain: sized by the edges
  const chainStartNode = new Uint32Array(g.edgeCount);
  const chainEndNode = new Uint32Array(g.edgeCount);
  const chainLengthAll = new Float64Array(g.edgeCount);
  const chainEdgeOffsetsAll = new Uint32Array(g.edgeCount + 1);
  const chainEdges = new Uint32Array(g.edgeCount);
  let C = 0;
  let edgesIn = 0;

  const walk = (start: number, firstSlot: number): void => {
    const c = C;
    let u = start;
    let slot = firstSlot;
    let pos = 0;
    for (;;) {
      const e = g.adjEdge[slot];
      const v = g.adjNode[slot];
      edgeChain[e] = c;
      const len = g.edgeLength[e];
      if (g.edgeA[e] === u) {
        edgePosA[e] = pos;
        edgePosB[e] = pos + len;
      } else {
        edgePosB[e] = pos;
        edgePosA[e] = pos + len;
      }
      chainEdges[edgesIn++] = e;
      pos += len;
      if (isJunction[v]) {
        chainEndNode[c] = v;
        break;
      }
      nodeChain[v] = c;
      nodePos[v] = pos;
      // continue through the shape point by its other edge
      const s0 = g.offsets[v];
      slot = g.adjEdge[s0] === e ? s0 + 1 : s0;
      u = v;
    }
    chainStartNode[c] = start;
    chainLengthAll[c] = pos;
    chainEdgeOffsetsAll[++C] = edgesIn;
  };

  for (let u = 0; u < n; u++) {
    if (!isJunction[u]) continue;
    for (let k = g.offsets[u]; k < g.offsets[u + 1]; k++) if (edgeChain[g.adjEdge[k]] === 0xffffffff) walk(u, k);
  }
  // rings made only of shape points (a closed street with no junction): make one node a junction
  for (let e = 0; e < g.edgeCount; e++) {
    if (edgeChain[e] !== 0xffffffff) continue;
    const u = g.edgeA[e];
    isJunction[u] = 1;
    nodeChain[u] = -1;
    nodePos[u] = Number.NaN;
    walk(u, g.offsets[u]);
  }

  const junctionNode: number[] = [];
  const nodeJunction = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++)
    if (isJunction[u]) {
      nodeJunction[u] = junctionNode.length;
      junctionNode.push(u);
    }
  const J = junctionNode.length;
  const chainLength = chainLengthAll.slice(0, C);
  const chainStart = new Uint32Array(C);
  const chainEnd = new Uint32Array(C);
  const deg = new Uint32Array(J + 1);
  for (let c = 0; c < C; c++) {
    chainStart[c] = nodeJunction[chainStartNode[c]];
    chainEnd[c] = nodeJunction[chainEndNode[c]];
    deg[chainStart[c] + 1]++;
    deg[chainEnd[c] + 1]++;
  }
  const offsets = new Uint32Array(J + 1);
  for (let j = 0; j < J; j++) offsets[j + 1] = offsets[j] + deg[j + 1];
  const fill = offsets.slice(0, J);
  const adjNode = new Uint32Array(2 * C);
  const adjWeight = new Float64Array(2 * C);
  const adjChain = new Uint32Array(2 * C);
  for (let c = 0; c < C; c++) {
    let k = fill[chainStart[c]]++;
    adjNode[k] = chainEnd[c];
    adjWeight[k] = chainLength[c];
    adjChain[k] = c;
    k = fill[chainEnd[c]]++;
    adjNode[k] = chainStart[c];
    adjWeight[k] = chainLength[c];
    adjChain[k] = c;
  }
  return {
    nodeCount: J,
    offsets,
    adjNode,
    adjWeight,
    adjChain,
    junctionNode: Uint32Array.from(junctionNode),
    nodeJunction,
    chainCount: C,
    chainStart,
    chainEnd,
    chainLength,
    edgeChain,
    edgePosA,
    edgePosB,
    chainEdgeOffsets: chainEdgeOffsetsAll.slice(0, C + 1),
    chainEdges,
    nodeChain,
    nodePos,
  };
}
