// A shorter circle reuses the walks of a longer one, cut at the new radius (rules/context.ts): the
// circle-minutes change on a large city walked from every facility again. The answer must be the
// one a fresh evaluation at that radius gives, on the demo's street network and in straight mode.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate';
import { createNetworkEngine } from '../../src/core/reach/network-engine';
import type { ReachEngine } from '../../src/core/reach/types';
import { parseProject } from '../../src/schemas/project';

const FILE = 'data/demo/project.json';

function demo() {
  const loaded = parseProject(readFileSync(FILE, 'utf8'), FILE);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
  const p = loaded.project;
  return { communities: p.communities, facilities: p.facilities, streets: p.streets, roads: p.roads, area: p.area };
}

/** the network engine, counting the walks it is asked for */
function counted(roads: ReturnType<typeof demo>['roads']): { engine: ReachEngine; walks: () => number } {
  const engine = createNetworkEngine(roads, { snapDistance: 100 });
  let n = 0;
  // a walk is asked through either method (the rules ask bySupply, anything else pairs)
  const pairs: typeof engine.pairs = (q) => {
    n++;
    return engine.pairs(q);
  };
  const bySupply: typeof engine.bySupply = (q) => {
    n++;
    return engine.bySupply(q);
  };
  return { engine: Object.assign(Object.create(engine) as typeof engine, { pairs, bySupply }), walks: () => n };
}

describe('circle minutes made shorter', () => {
  it('network: 15 → 12 → 15 → 10 → 13 → 15 minutes walk nothing again after the first, and equal fresh evaluations', () => {
    const data = demo();
    const { engine, walks } = counted(data.roads);
    evaluate(data, { profile: 'combined', params: { reach: 'network', circleMinutes: 15 }, reach: engine });
    const first = walks();
    expect(first).toBeGreaterThan(0);
    for (const minutes of [12, 15, 10, 13, 15]) {
      const got = evaluate(data, { profile: 'combined', params: { reach: 'network', circleMinutes: minutes }, reach: engine });
      expect(walks(), `${minutes} min`).toBe(first);
      // a fresh evaluation: other arrays (nothing kept) and another engine
      const fresh = { ...data, communities: [...data.communities] };
      const want = evaluate(fresh, { profile: 'combined', params: { reach: 'network', circleMinutes: minutes }, reach: createNetworkEngine(data.roads, { snapDistance: 100 }) });
      expect(got.results, `${minutes} min`).toEqual(want.results);
      expect(got.coverage, `${minutes} min`).toEqual(want.coverage);
    }
  });

  it('a longer circle than any kept walks again', () => {
    const data = demo();
    const { engine, walks } = counted(data.roads);
    evaluate(data, { profile: 'ca', params: { reach: 'network', circleMinutes: 10 }, reach: engine });
    const first = walks();
    evaluate(data, { profile: 'ca', params: { reach: 'network', circleMinutes: 20 }, reach: engine });
    expect(walks()).toBeGreaterThan(first);
  });

  it('straight lines: 15 → 8 minutes equals a fresh evaluation', () => {
    const data = demo();
    evaluate(data, { profile: 'combined', params: { reach: 'straight', circleMinutes: 15 } });
    const got = evaluate(data, { profile: 'combined', params: { reach: 'straight', circleMinutes: 8 } });
    const want = evaluate({ ...data, communities: [...data.communities] }, { profile: 'combined', params: { reach: 'straight', circleMinutes: 8 } });
    expect(got.results).toEqual(want.results);
    expect(got.coverage).toEqual(want.coverage);
    // the shorter circle leaves more outside, so the cut did cut
    const out = (e: typeof got) => e.coverage.reduce((s, c) => s + c.outside.length, 0);
    expect(out(got)).toBeGreaterThan(out(evaluate(data, { profile: 'combined', params: { reach: 'straight', circleMinutes: 15 } })));
  });
});
