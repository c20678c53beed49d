// The built network as plain typed arrays, so it can be posted to a worker with its buffers
// transferred (zero copy) instead of cloned, and rebuilt there without recomputing anything.
import type { ChainGraph } from './chains';
import type { StreetEdges } from './graph';
import type { NetworkIssue } from './issues';
import { EdgeIndex, type SegmentGrid } from './snap';

export interface NetworkStats {
  roads: number;
  segments: number;
  duplicateSegments: number;
  zeroLengthSegments: number;
  nodes: number;
  edges: number;
  /** nodes of degree ≠ 2 and the chains between them: the graph searches run on */
  junctions: number;
  chains: number;
  components: number;
}

export interface TransferableNetwork {
  format: 'yl-network/1';
  snapDistance: number;
  graph: StreetEdges;
  chains: ChainGraph;
  index: SegmentGrid;
  issues: NetworkIssue[];
  stats: NetworkStats;
}

export function packNetwork(
  graph: StreetEdges,
  chains: ChainGraph,
  index: EdgeIndex,
  snapDistance: number,
  issues: NetworkIssue[],
  stats: NetworkStats,
): { data: TransferableNetwork; transfer: ArrayBuffer[] } {
  const data: TransferableNetwork = {
    format: 'yl-network/1',
    snapDistance,
    graph,
    chains,
    index: index.grid,
    issues,
    stats,
  };
  const arrays = [...Object.values(graph), ...Object.values(chains), ...Object.values(index.grid)].filter(ArrayBuffer.isView);
  const transfer = [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
  return { data, transfer };
}

export function unpackNetwork(data: TransferableNetwork): { graph: StreetEdges; chains: ChainGraph; index: EdgeIndex } {
  if (data?.format !== 'yl-network/1') throw new Error(`fromTransferable: expected format "yl-network/1", got ${JSON.stringify(data?.format)}`);
  const { graph, chains } = data;
  return { graph, chains, index: new EdgeIndex(graph, data.index) };
}
