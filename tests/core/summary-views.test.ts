// Counts count each unit once per rule, by the deciding (on-site, 配建) view: ca.households on the
// demo used to say 60 pass + 102 fail for its 81 new communities (both views added together).
import { describe, expect, it } from 'vitest';
import { loadProjectPath } from '../../src/cli/load-project';
import { evaluate } from '../../src/core/evaluate';
import { summarise } from '../../src/core/report';

describe('summary counts by the deciding view', () => {
  it('ca.households on the demo: pass + fail + n/a = the number of new communities', () => {
    const loaded = loadProjectPath('data/demo/project.json');
    if (!loaded.ok) throw new Error('demo unreadable');
    const p = loaded.project;
    const newCommunities = p.communities.filter((c) => c.type === 'new').length;
    const ev = evaluate(p, { profile: 'ca', params: { ...p.params, reach: 'straight' } });
    const s = summarise(ev);
    const h = s.byRule.find((r) => r.key === 'ca.households');
    expect(h && h.pass + h.fail + h.na).toBe(newCommunities);
    // both views are still in the results (the panel shows the catchment one beside)
    expect(ev.results.filter((r) => r.rule === 'ca.households').length).toBe(2 * newCommunities);
    // totals = the sum over rules
    expect(s.totals.pass + s.totals.fail + s.totals.na).toBe(s.byRule.reduce((n, r) => n + r.pass + r.fail + r.na, 0));
  });
});
