// patchReach(): the walks of every community after an edit of facilities, patched from the last
// assembly (only the rows of communities whose columns changed sorted again, the rest copied and
// renumbered), must equal assembleReach() of the new columns — the same rows in the same order,
// ties of distance by facility index. Random sequences of adds, deletes, moves (a new column under
// the same id) and reorders, with distances drawn from a few values so ties are common.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleReach, patchReach, type CommunityReach, type ReachColumn } from '../../src/core/reach/community-reach';

const N = 12;

const column = fc
  .record({
    members: fc.uniqueArray(fc.integer({ min: 0, max: N - 1 }), { maxLength: 6 }),
    distances: fc.array(fc.constantFrom(0, 10, 25, 25, 40, 100), { minLength: 6, maxLength: 6 }),
    via: fc.integer({ min: 0, max: 3 }),
    unplaced: fc.boolean(),
  })
  .map(
    ({ members, distances, via, unplaced }): ReachColumn => ({
      community: Uint32Array.from(members),
      distance: Float64Array.from(members, (_, k) => distances[k]),
      via: Uint8Array.from(members, () => via),
      unplaced,
    }),
  );

type Step = { type: 'add'; col: ReachColumn } | { type: 'delete'; at: number } | { type: 'move'; at: number; col: ReachColumn } | { type: 'swap'; at: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  column.map((col) => ({ type: 'add' as const, col })),
  fc.nat().map((at) => ({ type: 'delete' as const, at })),
  fc.tuple(fc.nat(), column).map(([at, col]) => ({ type: 'move' as const, at, col })),
  fc.nat().map((at) => ({ type: 'swap' as const, at })),
);

/** each community's row (its pairs in order: facility, metres, how) and the unplaced lists; the
 *  pair arrays may hold pairs no row reads (rows written after the others by an edit) */
const plain = (r: CommunityReach) => ({
  rows: [...r.start].map((from, c) => Array.from({ length: r.end[c] - from }, (_, k) => [r.supply[from + k], r.distance[from + k], r.via[from + k]])),
  unplacedDemand: r.unplacedDemand,
  unplacedSupply: r.unplacedSupply,
});

describe('patchReach', () => {
  it('equals assembleReach after every step of random edits', () => {
    fc.assert(
      fc.property(
        fc.array(column, { maxLength: 8 }),
        fc.array(step, { maxLength: 12 }),
        fc.uniqueArray(fc.integer({ min: 0, max: N - 1 }), { maxLength: 3 }),
        (start, steps, unplaced) => {
          let next = 0;
          let facilities = start.map((col) => ({ id: `f${next++}`, col }));
          const ids = () => facilities.map((f) => f.id);
          const cols = () => facilities.map((f) => f.col);
          let last = { ids: ids(), reach: assembleReach(cols(), N, unplaced) };
          const earlier: { last: typeof last; want: ReturnType<typeof plain> }[] = [];
          for (const s of steps) {
            const k = facilities.length;
            if (s.type === 'add') facilities = [...facilities, { id: `f${next++}`, col: s.col }];
            else if (k === 0) continue;
            else if (s.type === 'delete') facilities = facilities.filter((_, j) => j !== s.at % k);
            else if (s.type === 'move') facilities = facilities.map((f, j) => (j === s.at % k ? { id: f.id, col: s.col } : f));
            else {
              // two facilities change places in the list: kept columns out of order (assembled in full)
              const a = s.at % k;
              const b = (a + 1) % k;
              facilities = facilities.map((f, j) => (j === a ? facilities[b] : j === b ? facilities[a] : f));
            }
            const reach = patchReach(last, ids(), cols(), N, unplaced);
            const want = plain(assembleReach(cols(), N, unplaced));
            expect(plain(reach)).toEqual(want);
            // a patch of an earlier reach too (the arrays shared with it: its rows written after
            // every row written so far, never over another reach's)
            if (s.type === 'move' && earlier.length > 0) patchReach(earlier[earlier.length - 1].last, ids(), cols(), N, unplaced);
            earlier.push({ last: { ids: ids(), reach }, want });
            last = { ids: ids(), reach };
          }
          // every reach still reads its own rows after the patches that followed it
          for (const e of earlier) expect(plain(e.last.reach)).toEqual(e.want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a move renumbers nothing and keeps the rows it does not reach (by hand)', () => {
    // community 0 reaches f0 (10 m) and f1 (25 m); community 1 reaches f1 (40 m); f1 moves to reach
    // community 2 alone (10 m): 0 keeps f0, 1 reaches nothing, 2 reaches f1
    const col = (members: number[], d: number[]): ReachColumn => ({
      community: Uint32Array.from(members),
      distance: Float64Array.from(d),
      via: new Uint8Array(members.length),
      unplaced: false,
    });
    const f0 = col([0], [10]);
    const before = assembleReach([f0, col([0, 1], [25, 40])], 3, []);
    const after = patchReach({ ids: ['a', 'b'], reach: before }, ['a', 'b'], [f0, col([2], [10])], 3, []);
    expect(plain(after).rows).toEqual([[[0, 10, 0]], [], [[1, 10, 0]]]);
  });
});
