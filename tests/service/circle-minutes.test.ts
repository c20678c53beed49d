// Circle minutes changed on a session that already analysed other minutes: the session answers from
// what it kept — the walks cut from longer ones, the preparations of minutes seen before, and what
// depends on no radius (the nearest facility beyond any circle and the walk from the facilities of
// each kinds that found it, the facilities' columns, scopes:
// rules/context.ts, RADIUS_FREE) — and must answer exactly what a fresh session at those minutes
// does, on a small synthetic city with a curved street network (network reach) and in straight lines.
import { describe, expect, it, vi } from 'vitest';
import { generateBenchCity } from '../../scripts/bench-city/city';
import type { Evaluation } from '../../src/core/evaluate';
import type { NearestFacilityRef } from '../../src/core/model';
import { Dijkstra } from '../../src/core/reach/network/dijkstra';
import { projectToJson } from '../../src/schemas';
import { createAnalysisSession } from '../../src/service/session';

const { stats: _, ...city } = generateBenchCity({ seed: 5, communities: 200, facilities: 90, roadNodes: 6_000, streets: 3 });
const text = JSON.stringify(projectToJson(city));

function session() {
  const s = createAnalysisSession();
  const out = s.load(text, 'city.json');
  if (!out.ok) throw new Error(JSON.stringify(out.problems.slice(0, 3)));
  return s;
}

const req = (reach: 'network' | 'straight', circleMinutes: number, profile = 'combined') => ({ profile, params: { reach, circleMinutes } });

/** the community rows naming a nearest facility beyond the circle (those that fail it) */
function beyond(e: Evaluation): number {
  return e.results.filter((r) => r.unit.level === 'community' && r.status === 'fail' && (r as { nearest?: NearestFacilityRef }).nearest !== undefined).length;
}

describe('circle minutes changed on a session that kept other minutes', () => {
  for (const reach of ['network', 'straight'] as const)
    it(`${reach}: 15 → 12 → 13 → 15 → 20 → 15 → 8 equal a fresh session's analysis at each`, () => {
      const s = session();
      s.analyse(req(reach, 15));
      let shorter = 0;
      for (const minutes of [12, 13, 15, 20, 15, 8]) {
        const got = s.analyse(req(reach, minutes)).evaluation;
        const want = session().analyse(req(reach, minutes)).evaluation;
        expect(got.results, `${minutes} min`).toEqual(want.results);
        expect(got.coverage, `${minutes} min`).toEqual(want.coverage);
        if (minutes < 15) shorter += beyond(got);
      }
      // the shorter circles leave communities outside, told their nearest facility beyond it
      expect(shorter).toBeGreaterThan(0);
    });

  it('network: shorter circles walk no street again — the nearest facility beyond them is read from the search kept per kinds — and equal a fresh session', () => {
    const s = session();
    s.analyse(req('network', 15));
    const runs = vi.spyOn(Dijkstra.prototype, 'run');
    const got = new Map<number, Evaluation>();
    const walked: number[] = [];
    for (const minutes of [12, 10]) {
      runs.mockClear();
      got.set(minutes, s.analyse(req('network', minutes)).evaluation);
      walked.push(runs.mock.calls.length);
    }
    runs.mockRestore();
    expect(walked).toEqual([0, 0]);
    for (const [minutes, e] of got) {
      expect(beyond(e), `${minutes} min`).toBeGreaterThan(0);
      expect(e.results, `${minutes} min`).toEqual(session().analyse(req('network', minutes)).evaluation.results);
    }
  });

  it('network: another profile between the changes, and an edit of the facilities after them, equal a fresh session', () => {
    const s = session();
    s.analyse(req('network', 15));
    s.analyse(req('network', 10, 'ca'));
    expect(s.analyse(req('network', 10)).evaluation.results).toEqual(session().analyse(req('network', 10)).evaluation.results);
    const f = city.facilities[3];
    const [x, y] = f.geometry.coordinates as [number, number];
    const moved = { ...f, geometry: { type: 'Point' as const, coordinates: [x + 0.004, y] } };
    const edits = [{ id: 'e1', note: { key: 'x' }, put: [{ layer: 'facilities' as const, feature: moved }] }];
    s.setEdits(edits);
    const fresh = session();
    fresh.setEdits(edits);
    for (const minutes of [12, 15])
      expect(s.analyse(req('network', minutes)).evaluation.results, `${minutes} min`).toEqual(fresh.analyse(req('network', minutes)).evaluation.results);
  });
});
