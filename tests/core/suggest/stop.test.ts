// Stopping a suggestion at a checkpoint: the run throws SuggestStopped at the very check that says
// stop — in the grid, in the pairs, in the selection — and returns nothing; the pausing variant
// gives the same answer as the straight run and stops after a pause when told to.
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Community, Layers } from '../../../src/core/model';
import { lazyGreedySteps } from '../../../src/core/suggest/solver';
import { runSteps, runStepsAsync, SuggestStopped } from '../../../src/core/suggest/steps';
import { suggestSites, suggestSitesAsync } from '../../../src/core/suggest/suggest';
import type { SuggestOptions, SuggestPhase } from '../../../src/core/suggest/types';
import { rng } from './instances';

// 600 communities scattered over a 6 km × 6 km square at 34.1° N; a 45 m grid over the square:
// ⌊~5,999 / 45⌋ + 1 = 134 per side (margins ≥ 7 m, so no cell on the boundary) → 17,956 cells,
// several checkpoints (every 4,096 items) in each phase
const lat0 = 34.1;
const dLat = 6000 / 111195;
const dLon = 6000 / (111195 * Math.cos((lat0 * Math.PI) / 180));
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [108.9, lat0],
      [108.9 + dLon, lat0],
      [108.9 + dLon, lat0 + dLat],
      [108.9, lat0 + dLat],
      [108.9, lat0],
    ],
  ],
};
const r = rng(3);
const communities: Community[] = Array.from({ length: 600 }, (_, i) => ({
  id: `c${i}`,
  name: `c${i}`,
  type: 'built',
  population: 100 + Math.floor(r() * 2000),
  geometry: { type: 'Point', coordinates: [108.9 + r() * dLon, lat0 + r() * dLat] },
  extra: {},
}));
const data: Layers = { communities, facilities: [], streets: [], roads: [] };
const options = (over: Partial<SuggestOptions> = {}): SuggestOptions => ({
  kind: 'childcare_centre',
  sites: 5,
  capacity: 40,
  candidates: { communities: true, grid: { area: square, spacing: 45 } },
  ...over,
});

/** the phase at each check of a full run */
function checksOfFullRun(): (SuggestPhase | 'start')[] {
  let phase: SuggestPhase | 'start' = 'start';
  const at: (SuggestPhase | 'start')[] = [];
  suggestSites(
    data,
    options({
      onPhase: (p) => (phase = p),
      shouldStop: () => {
        at.push(phase);
        return false;
      },
    }),
  );
  return at;
}

describe('stopping a suggestion', () => {
  const at = checksOfFullRun();

  it('has checkpoints in the candidates phase (grid, nearest communities, pairs) and in the selection', () => {
    expect(at.filter((p) => p === 'candidates').length).toBeGreaterThanOrEqual(10);
    expect(at.filter((p) => p === 'solve').length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['the first check of the candidates phase', () => at.indexOf('candidates') + 1],
    ['midway through the candidates phase', () => at.indexOf('candidates') + Math.floor(at.filter((p) => p === 'candidates').length / 2)],
    ['the first check of the selection', () => at.indexOf('solve') + 1],
    ['the last check of the selection', () => at.length],
  ])('stops at %s: SuggestStopped at that very check, nothing returned', (_, nth) => {
    const n = nth();
    let checks = 0;
    const phases: SuggestPhase[] = [];
    let result: unknown = 'none';
    expect(() => {
      result = suggestSites(data, options({ onPhase: (p) => phases.push(p), shouldStop: () => ++checks >= n }));
    }).toThrow(SuggestStopped);
    expect(checks).toBe(n);
    expect(result).toBe('none');
    // no phase begins after the stop
    expect(phases).toEqual(at[n - 1] === 'solve' ? ['candidates', 'solve'] : ['candidates']);
  });

  it('a run never told to stop gives the same answer as one without shouldStop', () => {
    const plain = suggestSites(data, options());
    const watched = suggestSites(data, options({ shouldStop: () => false }));
    expect({ ...watched, timings: null }).toEqual({ ...plain, timings: null });
    expect(plain.counts.candidates).toBe(600 + 134 * 134);
  });

  it('the lazy greedy alone stops at its checkpoints', () => {
    // 10,000 candidates each reaching one demand point: the first gain pass crosses 2 checkpoints
    const m = 10_000;
    const inst = {
      weight: new Float64Array(m).fill(1),
      offsets: Uint32Array.from({ length: m + 1 }, (_, j) => j),
      demand: Uint32Array.from({ length: m }, (_, j) => j),
      capacity: new Float64Array(m).fill(Infinity),
      cost: new Float64Array(m),
    };
    let checks = 0;
    expect(() => runSteps(lazyGreedySteps(inst, { maxSites: 3 }), () => ++checks >= 2)).toThrow(SuggestStopped);
    expect(checks).toBe(2);
    expect(runSteps(lazyGreedySteps(inst, { maxSites: 3 })).picks.map((p) => p.candidate)).toEqual([0, 1, 2]);
  });
});

describe('the pausing run (the worker’s)', () => {
  it('pauses at checkpoints and answers the same as the straight run', async () => {
    let pauses = 0;
    const pause = () => {
      pauses++;
      return Promise.resolve();
    };
    const paused = await suggestSitesAsync(data, options(), { pause, sliceMs: 0 });
    expect(pauses).toBeGreaterThan(10);
    expect({ ...paused, timings: null }).toEqual({ ...suggestSites(data, options()), timings: null });
  });

  it('a stop that turns true during a pause (a cancel message) ends the run after that pause', async () => {
    let pauses = 0;
    let cancelled = false;
    // the 3rd pause delivers a "cancel"
    const pause = () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          if (++pauses === 3) cancelled = true;
          resolve();
        }, 0),
      );
    await expect(suggestSitesAsync(data, options({ shouldStop: () => cancelled }), { pause, sliceMs: 0 })).rejects.toBeInstanceOf(SuggestStopped);
    expect(pauses).toBe(3);
  });

  it('pauses only when the slice of work is used up', async () => {
    // a clock that moves 10 ms per reading
    let t = 0;
    const now = () => (t += 10);
    let pauses = 0;
    let checks = 0;
    function* steps() {
      for (let k = 0; k < 30; k++) yield;
      return 'done';
    }
    expect(
      await runStepsAsync(steps(), {
        pause: async () => void pauses++,
        sliceMs: 25,
        now,
        shouldStop: () => {
          checks++;
          return false;
        },
      }),
    ).toBe('done');
    // readings: one at the start (10), one per checkpoint, one after each pause. The 1st, 2nd and
    // 3rd checkpoints read 20, 30, 40: 10, 20, 30 ms since 10, so the 3rd pauses; the reading
    // after it (50) starts the next slice: a pause every 3rd checkpoint → 30 / 3 = 10 pauses, and
    // shouldStop asked at each checkpoint and after each pause: 30 + 10
    expect(pauses).toBe(10);
    expect(checks).toBe(30 + 10);
  });
});
