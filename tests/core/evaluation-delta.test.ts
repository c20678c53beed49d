// The delta an edit sends (core/evaluation-delta.ts): which units' rows changed between two runs of
// the same rules, read per rule list, and the order applyDelta puts them in. Hand-made lists, so
// every expected unit and row is known without running the engine.
import { describe, expect, it } from 'vitest';
import { applyDelta, changedRows } from '../../src/core/evaluation-delta';
import type { Evaluation } from '../../src/core/evaluate';
import type { Level, RuleResult } from '../../src/core/model';

const citation = { document: 'd', clause: 'c', text: 't' };
const row = (rule: string, level: Level, id: string, value: number): RuleResult => ({
  rule,
  unit: { level, id },
  value,
  threshold: 1,
  measure: 'm',
  status: value >= 1 ? 'pass' : 'fail',
  shortfall: value >= 1 ? 0 : 1 - value,
  citation,
});
const ev = (results: RuleResult[]): Evaluation => ({ profile: 'p', params: {} as Evaluation['params'], results, issues: [], coverage: [] });

describe('changedRows: the units an edit changed beyond the communities, rule list by rule list', () => {
  // rule a: two community rows first (from[0] = 2), then F1, F2 and the area; rule b: F1, F2, F3
  const prev = [
    [row('a', 'community', 'C1', 1), row('a', 'community', 'C2', 0), row('a', 'facility', 'F1', 2), row('a', 'facility', 'F2', 2), row('a', 'area', 'area', 0.5)],
    [row('b', 'facility', 'F1', 1), row('b', 'facility', 'F2', 1), row('b', 'facility', 'F3', 0)],
  ];
  // after: C2 changed (not read: the communities are the caller's), F1 and the area the same in new
  // objects, F2's value in rule a changed; in rule b F2 is gone and F4 is new
  const next = [
    [row('a', 'community', 'C1', 1), row('a', 'community', 'C2', 3), row('a', 'facility', 'F1', 2), row('a', 'facility', 'F2', 0.25), row('a', 'area', 'area', 0.5)],
    [row('b', 'facility', 'F1', 1), row('b', 'facility', 'F3', 0), row('b', 'facility', 'F4', 2)],
  ];

  it('marks F2 (changed in one list, gone from the other) and F4 (new), and hands all their new rows in list order', () => {
    const d = changedRows(prev, next, [2, 0]);
    expect(d.units.map((u) => `${u.level}:${u.id}`).sort()).toEqual(['facility:F2', 'facility:F4']);
    expect(d.results).toEqual([next[0][3], next[1][2]]);
  });

  it('nothing changed beyond the communities: no unit, no row', () => {
    const copy = prev.map((l) => l.map((r) => ({ ...r, unit: { ...r.unit } })));
    copy[0][1] = row('a', 'community', 'C2', 9);
    expect(changedRows(prev, copy, [2, 0])).toEqual({ units: [], results: [] });
  });

  it('with the changed communities added, applyDelta gives the after rows per unit — F1, F3 and the area never sent', () => {
    const d = changedRows(prev, next, [2, 0]);
    const delta = { units: [{ level: 'community' as const, id: 'C2' }, ...d.units], results: [next[0][1], ...d.results], issues: [], coverage: [], total: 8 };
    const got = applyDelta(ev(prev.flat()), delta).results;
    // C2 has one row before and after: in its place; F2 goes from two rows to one: its rows go and
    // the new one comes last, then F4's
    expect(got).toEqual([prev[0][0], next[0][1], prev[0][2], prev[0][4], prev[1][0], prev[1][2], next[0][3], next[1][2]]);
    const perUnit = (rs: RuleResult[]) => {
      const m = new Map<string, RuleResult[]>();
      for (const r of rs) m.set(r.unit.id, [...(m.get(r.unit.id) ?? []), r]);
      return [...m].sort(([a], [b]) => (a < b ? -1 : 1));
    };
    expect(perUnit(got)).toEqual(perUnit(next.flat()));
  });
});
