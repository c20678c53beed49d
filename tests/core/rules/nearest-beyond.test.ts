// The nearest facility beyond the circle, told to a community with none inside it, is searched for
// the communities outside the circle only, each once per layers (rules/coverage.ts nearestBeyond):
// searched for every community at once it cost the large city's first analysis 1–1.7 s of CPU.
// Layout in metres east/north (fixtures.ts); the straight circle of the defaults is 810 m.
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../../src/core/params';
import { buildContext } from '../../../src/core/rules/context';
import { nearestOfKinds } from '../../../src/core/rules/coverage';
import { community, facility, layers, point, rect, street } from '../fixtures';

const A = community('A', { geometry: rect(0, 0, 100, 100), population: 100, households: 40 }); // F at 0 m: inside
const C = community('C', { geometry: rect(1200, 0, 1300, 100), population: 100, households: 40 }); // ≈ 1 200 m: outside
const D = community('D', { geometry: rect(5000, 0, 5100, 100), population: 100, households: 40 }); // ≈ 5 000 m: outside
const S = street('S', 'street', rect(-1000, -1000, 6000, 1000));
const F = facility('F', 'elderly_daycare', { geometry: point(50, 50), places: 10 });
const data = layers({ communities: [A, C, D], streets: [S], facilities: [F] });

describe('nearest facility beyond the circle', () => {
  it('is searched for the communities outside the circle alone, and names the facility with its distance', () => {
    const ctx = buildContext(data, resolveParams({ reach: 'straight' }));
    const near = nearestOfKinds(ctx, ['elderly_daycare']);
    expect(near.map((n) => n?.id)).toEqual(['F', 'F', 'F']);
    // by hand: the outlines' middles lie 1 200 m and 5 000 m east of F
    expect(near[1]?.distance).toBeCloseTo(1200, -1);
    expect(near[2]?.distance).toBeCloseTo(5000, -1);
    const beyond = ctx.memo.get('beyond:elderly_daycare') as { known: Uint8Array };
    expect([...beyond.known]).toEqual([0, 1, 1]);
  });

  it('a longer circle takes C inside (D alone is searched); a shorter one on the same layers adds C to what it holds', () => {
    // layers of their own: the first test's preparation would hand its searches on (same layers)
    const data = layers({ communities: [A, C, D], streets: [S], facilities: [F] });
    const long = buildContext(data, resolveParams({ reach: 'straight', circleMinutes: 30 }));
    nearestOfKinds(long, ['elderly_daycare']);
    const kept = long.memo.get('beyond:elderly_daycare') as { known: Uint8Array };
    expect([...kept.known]).toEqual([0, 0, 1]);
    const short = buildContext(data, resolveParams({ reach: 'straight', circleMinutes: 15 }));
    const near = nearestOfKinds(short, ['elderly_daycare']);
    expect(near[1]?.distance).toBeCloseTo(1200, -1);
    expect(near[2]?.distance).toBeCloseTo(5000, -1);
    // the same columns, handed on and completed (context.ts, RADIUS_FREE)
    expect(short.memo.get('beyond:elderly_daycare')).toBe(kept);
    expect([...kept.known]).toEqual([0, 1, 1]);
  });
});
