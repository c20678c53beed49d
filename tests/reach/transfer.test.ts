// The engine survives a trip to a worker: structuredClone with transferred buffers, as postMessage does.
// What the engine keeps: the street graph's nodes and edges, not its adjacency (the searches run on
// the chains; a large city's adjacency is 7.6 MB of the analysis worker's array buffers).
import { describe, expect, it } from 'vitest';
import { createNetworkEngine, fromTransferable } from '../../src/core/reach/network-engine';
import { buildGraph } from '../../src/core/reach/network/graph';
import { randomPlan, randomPoints, rng } from './reference';

describe('transferable network', () => {
  it('gives the same pairs after a structured clone with transfer', () => {
    const { roads, bbox } = randomPlan(4, 10);
    const r = rng(9);
    const demand = randomPoints(r, 50, bbox);
    const supply = randomPoints(r, 7, bbox);
    const engine = createNetworkEngine(roads, { snapDistance: 150 });
    const before = engine.pairs({ demand, supply, maxDistance: 700 });
    const { data, transfer } = engine.toTransferable();
    const moved = structuredClone(data, { transfer });
    expect(engine.graph.lon.byteLength).toBe(0); // detached: the buffers really moved
    const copy = fromTransferable(moved);
    const after = copy.pairs({ demand, supply, maxDistance: 700 });
    expect(after.offsets).toEqual(before.offsets);
    expect(after.supply).toEqual(before.supply);
    expect(after.distance).toEqual(before.distance);
    expect(before.supply.length).toBeGreaterThan(0);
  });

  it('keeps the street graph without its adjacency: the nodes and edges buildGraph gives, nothing more', () => {
    const { roads } = randomPlan(4, 10);
    const engine = createNetworkEngine(roads, { snapDistance: 150 });
    const { offsets, adjNode, adjEdge, adjWeight, ...edges } = buildGraph(roads).graph;
    expect(adjWeight.length).toBeGreaterThan(40);
    expect(Object.keys(engine.graph).sort()).toEqual(Object.keys(edges).sort());
    expect(engine.graph).toEqual(edges);
    // the bytes of the typed arrays among the values
    const bytes = (xs: readonly unknown[]) => xs.reduce((s: number, x) => s + (ArrayBuffer.isView(x) ? x.byteLength : 0), 0);
    const held = Object.values(engine.graph);
    expect(bytes(held)).toBe(bytes(Object.values(edges)));
    expect(bytes(held)).toBeLessThan(bytes([...held, offsets, adjNode, adjEdge, adjWeight]) - 16 * engine.graph.edgeCount);
  });

  it('says what is wrong with data that is not a network', () => {
    expect(() => fromTransferable({ format: 'x' } as never)).toThrow(/expected format "yl-network\/1", got "x"/);
  });
});
