// The engine survives a trip to a worker: structuredClone with transferred buffers, as postMessage does.
import { describe, expect, it } from 'vitest';
import { createNetworkEngine, fromTransferable } from '../../src/core/reach/network-engine';
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

  it('says what is wrong with data that is not a network', () => {
    expect(() => fromTransferable({ format: 'x' } as never)).toThrow(/expected format "yl-network\/1", got "x"/);
  });
});
