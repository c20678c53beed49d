// The session keeps the circles and walk areas it hands out packed (core/packed-outlines.ts: 16
// bytes a vertex; 8 for the walk areas, traced to 1e-7 degree), each outline built again when read. What it answers is compared with the same
// walk and circles made here directly from the project file, never packed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { circleDistance, resolveParams } from '../../src/core/params';
import { outlinesOf } from '../../src/core/packed-outlines';
import { parseProject } from '../../src/schemas';
import { reachFor } from '../../src/service/reach';
import { CIRCLE_GROUPS, serviceAreas, straightArea, straightRadius, type ServiceAreas } from '../../src/service/service-areas';
import { createAnalysisSession } from '../../src/service/session';

const text = readFileSync('data/demo/project.json', 'utf8');
const parsed = parseProject(JSON.parse(text) as unknown, 'project.json');
if (!parsed.ok) throw new Error('the demo did not parse');
const { facilities, roads } = parsed.project;

/** the areas without the session's id */
const plain = ({ id: _, ...a }: ServiceAreas) => a;

describe('the areas a session hands out are kept packed and read back whole', () => {
  const session = createAnalysisSession();
  if (!session.load(text, 'project.json').ok) throw new Error('the demo did not load');

  it('network walk areas', () => {
    const params = resolveParams({ reach: 'network' });
    const walk = session.walkAreas({ profile: 'combined', params });
    const area = reachFor(params, roads, null).area;
    if (!area) throw new Error('no network');
    expect(plain(walk)).toEqual(serviceAreas(facilities, params, CIRCLE_GROUPS, area, circleDistance(params)));
    // the outline is a getter over the packed arrays, not an array kept in the feature
    expect(Object.getOwnPropertyDescriptor(walk.features[0], 'geometry')?.get).toBeTypeOf('function');
    // asked again: the same kept answer
    expect(session.walkAreas({ profile: 'combined', params })).toBe(walk);
    // traced to 1e-7 degree (each coordinate an integer of 1e-7 that divides back exactly, as the
    // walk made here shows too), so they are kept as integers: 8 bytes a vertex
    const coords = walk.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(3));
    expect(coords.length).toBeGreaterThan(1000);
    for (const x of coords) expect(Math.round(x * 1e7) / 1e7).toBe(x);
    expect(outlinesOf(walk.features).xy).toBeInstanceOf(Int32Array);
  });

  it('straight circles', () => {
    const params = resolveParams({ reach: 'straight' });
    const circles = session.analyse({ profile: 'combined', params }).serviceAreas as ServiceAreas;
    expect(circles.features.length).toBeGreaterThan(10);
    expect(plain(circles)).toEqual(serviceAreas(facilities, params, CIRCLE_GROUPS, straightArea, straightRadius(params)));
  });
});
