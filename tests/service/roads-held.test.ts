// After the first analysis along the streets the session holds the roads packed only
// (core/reach/network/packed-roads.ts): nothing of the file's GeoJSON lines is left — the
// evaluation kept for the next edit holds the packed roads, not the ones read — and the first edit
// after opening is answered from that evaluation (some communities redone, not all).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEdit } from '../../src/core/scenario/ops';
import { parseProject } from '../../src/schemas';
import { facilityPoint } from '../../src/service/service-areas';
import { createAnalysisSession } from '../../src/service/session';
import { heldAfterGc } from '../held';

/** the demo opened in a new session; of the file's roads only WeakRefs to their lines are left */
function opened() {
  const parsed = parseProject(readFileSync('data/demo/project.json', 'utf8'), 'project.json');
  if (!parsed.ok) throw new Error('the demo does not load');
  const session = createAnalysisSession();
  const lines = parsed.project.roads.map((r) => new WeakRef(r.geometry.coordinates));
  const project = session.open(parsed);
  return { session, lines, project };
}

describe('the roads after the first analysis along the streets', () => {
  it('are held packed only, and the first edit is answered from the kept evaluation', async () => {
    const { session, lines, project } = opened();
    expect(lines.length).toBeGreaterThan(1_000);
    const req = { profile: 'combined', params: { reach: 'network' as const } };
    const first = session.analyse({ ...req, areas: false });
    expect(first.reach).toBe('network');
    expect(await heldAfterGc(lines)).toBe(0);
    // a facility moved a few metres: only the communities near it are evaluated again
    const f = project.facilities[0];
    const [x, y] = facilityPoint(f);
    const edit = buildEdit({ ...project, roads: [] }, { type: 'moveFacility', id: f.id, to: [x + 1e-4, y] }, 'e1');
    if (!edit.ok) throw new Error('the move is refused');
    const e = session.analyseEdits([edit.edit], { ...req, base: first.serial });
    expect(e.delta).not.toBeNull();
    expect(e.redone).not.toBeNull();
    expect(e.redone).toBeLessThan(project.communities.length);
  });
});
