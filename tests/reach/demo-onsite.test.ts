// On the demo: a community with an elderly-care centre inside its outline passes the elderly circle
// in every reach mode (issue: 航天社区 has 航天社区日间照料中心 inside it, 104 m straight, but the
// street walk from its middle went 1,128 m round the block and failed). "Inside" is decided here
// with Turf's point-in-polygon, independently of the engine's own on-site assignment.
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { loadProjectPath } from '../../src/cli/load-project';
import { evaluate } from '../../src/core/evaluate';
import { resolveParams } from '../../src/core/params';

const loaded = loadProjectPath('data/demo/project.json');
if (!loaded.ok) throw new Error('demo project unreadable');
const project = loaded.project;
const elderlyKinds = resolveParams({}).elderlyCircleKinds;

describe('demo: elderly-care centres inside their community', () => {
  const inside = project.communities.filter((c) => {
    const g = c.geometry;
    return g.type !== 'Point' && project.facilities.some((f) => elderlyKinds.includes(f.kind) && f.geometry.type === 'Point' && booleanPointInPolygon(f.geometry.coordinates, g));
  });

  it('there are such communities, 航天社区 among them', () => {
    expect(inside.length).toBeGreaterThan(50);
    expect(inside.map((c) => c.name)).toContain('航天社区居委会');
  });

  for (const reach of ['auto', 'network', 'straight'] as const) {
    it(`each passes the elderly circle with reach=${reach}`, () => {
      const ev = evaluate(project, { profile: 'ca', params: { ...project.params, reach } });
      const outside = new Set(ev.coverage.find((c) => c.circle === 'elderly')?.outside);
      const failing = inside.filter((c) => outside.has(c.id));
      expect(failing.map((c) => c.name)).toEqual([]);
      // the rule rows too (urban communities: ca.circle elderly part, distance 0 on site)
      const rows = ev.results.filter((r) => r.rule === 'ca.circle' && r.part === 'elderly' && r.unit.level === 'community' && inside.some((c) => c.id === r.unit.id));
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect([r.unit.name, r.status]).toEqual([r.unit.name, 'pass']);
    });
  }
});
