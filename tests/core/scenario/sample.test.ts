// The whole path on the real sample project (data/sample, parsed by the real project schema and
// evaluated by the real rule engine): add a childcare centre in a community that fails its quota,
// see the verdict turn, compare with the baseline, cost it, undo it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/evaluate';
import { representativePoint } from '../../../src/core/geo';
import type { Project } from '../../../src/core/model';
import { compare } from '../../../src/core/scenario/compare';
import { scenarioCost } from '../../../src/core/scenario/cost';
import { costItems } from '../../../src/core/scenario/diff';
import { commit, EMPTY_HISTORY, undo } from '../../../src/core/scenario/history';
import { addFacility } from '../../../src/core/scenario/ops';
import { parseProject } from '../../../src/schemas/project';
import { deepFreeze } from './fixtures';

function sample(): Project {
  const r = parseProject(readFileSync('data/sample/project.json', 'utf8'), 'data/sample/project.json');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return deepFreeze(r.project);
}

describe('scenario on the sample project', () => {
  const base = sample();
  const c3 = base.communities.find((c) => c.id === 'C3');
  if (!c3) throw new Error('sample has no C3');

  it('a new childcare centre turns C3 (南塬新区) from fail to pass on wy.places.new', () => {
    const before = evaluate(base, { profile: 'wy' });
    const onsite = (e: typeof before) => e.results.find((r) => r.rule === 'wy.places.new' && r.unit.id === 'C3' && r.view === 'onsite');
    // C3: 1000 residents, 5 places on site → 5 per 1000 < 10: fail, short 5 places
    expect(onsite(before)).toMatchObject({ status: 'fail', value: 5, shortfall: 5 });

    const add = addFacility(
      base,
      {
        facility: {
          id: 'new-1',
          name: '南塬托育中心',
          kind: 'childcare_centre',
          places: 10,
          inclusive: true,
          geometry: { type: 'Point', coordinates: representativePoint(c3.geometry) },
          extra: {},
        },
      },
      'e1',
    );
    if (!add.ok) throw new Error(add.reason.key);
    const s1 = commit({ layers: base, history: EMPTY_HISTORY }, add.edit);
    const after = evaluate(s1.layers, { profile: 'wy' });
    // 5 + 10 = 15 places per 1000 ≥ 10: pass
    expect(onsite(after)).toMatchObject({ status: 'pass', value: 15, shortfall: 0 });

    const cost = scenarioCost(costItems(base, s1.layers).items, 'wy');
    // C3 is a new (urban) community: 10 new urban places × 2500 = 25,000 CNY
    expect([cost.pricedBy, cost.total, cost.places.count]).toEqual(['cf', 25_000, 10]);
    // operating at full: 10 × 100 × 12 = 12,000 CNY a year
    expect(cost.operatingPerYearAtFull).toBe(12_000);

    const cmp = compare(before, after, base, s1.layers, cost);
    const c3change = cmp.changed.find((c) => c.id === 'C3');
    expect(c3change?.rules).toContainEqual({ rule: 'wy.places.new', view: 'onsite', from: 'fail', to: 'pass', valueA: 5, valueB: 15 });
    const k = cmp.rules.find((r) => r.rule === 'wy.places.new' && r.level === 'community' && r.view === 'onsite');
    expect(k?.pass.delta).toBe(1);
    expect(cmp.capacity.places.delta).toBe(10);

    // undo: back to the very same layers and the same verdicts
    const u = undo(s1);
    expect(u.layers).toStrictEqual(base);
    expect(evaluate(u.layers, { profile: 'wy' }).results).toEqual(before.results);
  });
});
