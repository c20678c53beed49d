// Walk areas already worked out are answered again when the circle settings come back (circle
// minutes 15 → 12 → 15 on a large city: seconds of walking and tracing), and never after the
// facilities changed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../src/service/session';

const demo = readFileSync('data/demo/project.json', 'utf8');

describe('walk areas kept by the session', () => {
  it('15 → 12 → 15 minutes: the 15-minute answer again, equal to a fresh session; an edit of the facilities works them out anew', () => {
    const s = createAnalysisSession();
    if (!s.load(demo, 'project.json').ok) throw new Error('demo did not load');
    const req = (circleMinutes: number) => ({ profile: 'combined', params: { reach: 'network' as const, circleMinutes } });
    const a15 = s.walkAreas(req(15));
    const a12 = s.walkAreas(req(12));
    expect(a12).not.toEqual(a15); // the shorter walk reaches less
    expect(s.walkAreas(req(15))).toBe(a15);
    const fresh = createAnalysisSession();
    fresh.load(demo, 'project.json');
    expect(a15).toEqual(fresh.walkAreas(req(15)));

    const [f] = s.analyse(req(15)).evaluation.results.filter((r) => r.unit.level === 'facility');
    expect(f).toBeDefined();
    s.setEdits([{ id: 'e1', note: { key: 'x' }, delete: [{ layer: 'facilities', id: f.unit.id }] }]);
    const after = s.walkAreas(req(15));
    expect(after).not.toBe(a15);
  });
});
