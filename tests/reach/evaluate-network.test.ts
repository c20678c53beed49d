// The rules on the demo project with reach = network: a walk along streets is never shorter than
// the straight line between its ends (every leg and edge is a great-circle arc), so every community
// outside the straight-line circles must also be outside the walking ones — and the river, gaps and
// missing streets of the demo should leave some more outside.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate';
import { parseProject } from '../../src/schemas/project';

const FILE = 'data/demo/project.json';

describe('evaluate() with the network engine on the demo project', () => {
  it('walking circles cover a subset of what straight circles cover', () => {
    const loaded = parseProject(readFileSync(FILE, 'utf8'), FILE);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
    const p = loaded.project;
    const data = { communities: p.communities, facilities: p.facilities, streets: p.streets, roads: p.roads, area: p.area };
    expect(p.roads.length).toBeGreaterThan(100);
    const straight = evaluate(data, { profile: 'combined', params: { reach: 'straight' } });
    const network = evaluate(data, { profile: 'combined', params: { reach: 'network' } });
    for (const circle of ['elderly', 'childcare']) {
      const s = straight.coverage.find((c) => c.circle === circle);
      const n = network.coverage.find((c) => c.circle === circle);
      expect(s && n).toBeTruthy();
      const nOut = new Set(n!.outside);
      for (const id of s!.outside) expect(nOut.has(id), `${circle}: ${id}`).toBe(true);
      expect(n!.outside.length, circle).toBeGreaterThan(s!.outside.length);
      expect(n!.residentsOutside).toBeGreaterThanOrEqual(s!.residentsOutside);
    }
  });
});
