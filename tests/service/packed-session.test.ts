// The session keeps an opened project's communities and streets packed (core/packed-outlines.ts): no community
// holds its outline as GeoJSON, and the opening's path — the first analysis along the streets, the
// ring checks left for later, the map's dots — builds none through the units' getters. What it
// answers is what the file's GeoJSON gives: a cold evaluation of the parsed layers, the project
// file written back, the full issue list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate';
import { outlinesOf, packedAt, packedLabel, readAt } from '../../src/core/packed-outlines';
import { generateBenchCity } from '../../scripts/bench-city/city';
import { packLoaded, unpackLoaded } from '../../src/worker/packed-project';
import { reachEngineFor } from '../../src/core/reach/choose';
import { resolveParams } from '../../src/core/params';
import { parseProject, projectToJson } from '../../src/schemas';
import { createAnalysisSession } from '../../src/service/session';
import { type Json, messy, seeded } from '../schemas/messy-json';

const text = readFileSync('data/demo/project.json', 'utf8');

/** the file read without the session: plain GeoJSON, every check run at once */
function parsedPlain() {
  const parsed = parseProject(text, 'project.json');
  if (!parsed.ok) throw new Error('the demo does not load');
  return parsed;
}

describe('a project opened in the session keeps its communities and streets packed', () => {
  it('no community or street holds an outline of its own; the opening builds none, and answers as the GeoJSON does', async () => {
    const session = createAnalysisSession();
    const r = session.load(text, 'project.json');
    if (!r.ok) throw new Error('the demo does not load');
    const plain = parsedPlain();
    const communities = r.project.communities; // in-process: the session's own units
    expect(communities.length).toBe(plain.project.communities.length);
    let polygons = 0;
    for (const c of communities) {
      if (c.geometry.type === 'Point') continue;
      polygons++;
      expect(packedAt(c)).not.toBeNull();
      // a getter over the packing, no `value` (no coordinates arrays kept)
      expect(Object.getOwnPropertyDescriptor(c, 'geometry')?.get).toBeTypeOf('function');
    }
    expect(polygons).toBeGreaterThan(100);
    // the streets too
    expect(r.project.streets.length).toBeGreaterThan(0);
    for (const s of r.project.streets) expect(Object.getOwnPropertyDescriptor(s, 'geometry')?.get).toBeTypeOf('function');
    // from here on, building an outline through a unit is counted: the opening's path reads packed
    let built = 0;
    for (const c of [...communities, ...r.project.streets]) {
      if (!packedAt(c)) continue;
      const get = Object.getOwnPropertyDescriptor(c, 'geometry')?.get as () => unknown;
      Object.defineProperty(c, 'geometry', {
        enumerable: true,
        configurable: true,
        get() {
          built++;
          return get.call(this);
        },
      });
    }
    const req = { profile: 'combined', params: { reach: 'network' as const } };
    const a = session.analyse(req);
    expect(a.reach).toBe('network');
    const tile = await session.unitTile('dots', 12, 3380, 1652);
    expect(session.checkedIssues()).toEqual(plain.issues);
    expect(built).toBe(0);
    void tile; // asked only so that the dots count for `built` above

    // the same verdicts as a cold evaluation of the file's GeoJSON
    const params = resolveParams(req.params);
    const cold = evaluate({ ...plain.project }, { profile: 'combined', params, reach: reachEngineFor(params, plain.project.roads) });
    expect(a.evaluation.results).toEqual(cold.results);
    expect(a.evaluation.issues).toEqual(cold.issues);

    // and the file written back is byte for byte what the GeoJSON writes
    const settings = { profile: 'combined', params: {}, other: plain.other };
    expect(session.projectText(settings)).toBe(JSON.stringify(projectToJson({ ...plain.project, profile: 'combined', params: {} }, plain.other)));
  }, 120_000);

  it('the demo’s outlines (6 decimals) are held as integers of 1e-7 degree, in the session and on the page, and read back as the file wrote them', () => {
    const session = createAnalysisSession();
    const r = session.load(text, 'project.json');
    if (!r.ok) throw new Error('the demo does not load');
    expect(outlinesOf(r.project.communities).xy).toBeInstanceOf(Int32Array);
    const [sent, buffers] = packLoaded(r);
    if (!sent.ok) throw new Error('not sent');
    expect(sent.project.communities.packed.xy).toBeInstanceOf(Int32Array);
    const page = unpackLoaded(structuredClone(sent, { transfer: buffers }));
    if (!page.ok) throw new Error('not unpacked');
    const plain = parsedPlain().project;
    expect(page.project.communities.map((c) => c.geometry)).toEqual(plain.communities.map((c) => c.geometry));
    expect(page.project.streets.map((c) => c.geometry)).toEqual(plain.streets.map((c) => c.geometry));
  });

  it('served cross-origin isolated, the page shares the session’s packing (no copy of its own, nothing transferred), reads the file’s outlines, and the session answers as one that never shared', async () => {
    const session = createAnalysisSession();
    const r = session.load(text, 'project.json');
    if (!r.ok) throw new Error('the demo does not load');
    const own = outlinesOf(r.project.communities);
    const [sent, buffers] = packLoaded(r, true);
    if (!sent.ok) throw new Error('not sent');
    expect(buffers).toEqual([]);
    for (const layer of [sent.project.communities, sent.project.streets]) {
      for (const a of Object.values(layer.packed)) if (typeof a !== 'number') expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    }
    // the session's units read the shared buffers: one copy of the outlines for both sides
    expect(outlinesOf(r.project.communities)).toBe(own);
    expect(packedAt(r.project.communities[0])?.packed.xy).toBe(sent.project.communities.packed.xy);
    expect(packedAt(r.project.streets[0])?.packed.xy).toBe(sent.project.streets.packed.xy);
    // a structured clone (the message to the page) shares a SharedArrayBuffer's memory, it does not copy it
    const page = unpackLoaded(structuredClone(sent));
    if (!page.ok) throw new Error('not unpacked');
    const pageXy = packedAt(page.project.communities[0])?.packed.xy as Int32Array;
    const probe = pageXy[0];
    (sent.project.communities.packed.xy as Int32Array)[0] = probe + 1;
    expect(pageXy[0]).toBe(probe + 1);
    (sent.project.communities.packed.xy as Int32Array)[0] = probe;
    const plain = parsedPlain().project;
    expect(page.project.communities.map((c) => c.geometry)).toEqual(plain.communities.map((c) => c.geometry));
    expect(page.project.streets.map((c) => c.geometry)).toEqual(plain.streets.map((c) => c.geometry));
    // the session reads its moved packing: its tiles and verdicts are those of a session that sent a copy
    const cold = createAnalysisSession();
    const rc = cold.load(text, 'project.json');
    if (!rc.ok) throw new Error('the demo does not load');
    packLoaded(rc, false);
    const [lon, lat] = packedLabel(r.project.communities[7]) as [number, number];
    const [z, x, y] = [13, Math.floor(((lon + 180) / 360) * 2 ** 13), Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** 13)];
    const tile = await session.unitTile('communities', z, x, y);
    expect(tile).not.toBeNull();
    expect(tile).toEqual(await cold.unitTile('communities', z, x, y));
    expect(await session.unitTile('streets', z, x, y)).toEqual(await cold.unitTile('streets', z, x, y));
    expect(session.analyse({ profile: 'combined', params: {} }).evaluation.results).toEqual(cold.analyse({ profile: 'combined', params: {} }).evaluation.results);
  }, 120_000);

  it('after an edit of a community (a new array: the edited unit plain, the rest packed) the analysis equals a cold one', () => {
    const session = createAnalysisSession();
    const r = session.load(text, 'project.json');
    if (!r.ok) throw new Error('the demo does not load');
    const first = session.analyse({ profile: 'ca', params: {} });
    const c = r.project.communities[7];
    const moved = { ...c, population: (c.population ?? 0) + 5000 };
    const e = session.analyseEdits([{ id: 'e', note: { key: 'x' }, put: [{ layer: 'communities', feature: moved }] }], { profile: 'ca', params: {}, base: first.serial });
    expect(e.delta).not.toBeNull();
    const plain = parsedPlain().project;
    const edited = { ...plain, communities: plain.communities.map((x, i) => (i === 7 ? { ...x, population: (x.population ?? 0) + 5000 } : x)) };
    const params = resolveParams({});
    const cold = evaluate(edited, { profile: 'ca', params, reach: reachEngineFor(params, plain.roads) });
    expect(session.analyse({ profile: 'ca', params: {} }).evaluation.results).toEqual(cold.results);
  }, 120_000);

  it('the map’s tiles of an edited communities array read the untouched outlines from the one packing (no copy), and are what a cold opening cuts', async () => {
    const { stats: _, ...city } = generateBenchCity({ seed: 3, communities: 2000, facilities: 200, roadNodes: 8_000, streets: 4 });
    const file = JSON.stringify(projectToJson(city));
    const session = createAnalysisSession();
    const r = session.load(file, 'city.json');
    if (!r.ok) throw new Error('the city does not load');
    const packed = outlinesOf(r.project.communities);
    expect(packed.xy.byteLength).toBeGreaterThan(2_000_000);
    // the city's coordinates have 7 decimals: communities and streets are held as integers
    expect(packed.xy).toBeInstanceOf(Int32Array);
    expect(outlinesOf(r.project.streets).xy).toBeInstanceOf(Int32Array);
    // the tile under community 7 at zoom 11, before and after an edit of it
    const [lon, lat] = packedLabel(r.project.communities[7]) as [number, number];
    const [z, x, y] = [11, Math.floor(((lon + 180) / 360) * 2 ** 11), Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** 11)];
    expect(await session.unitTile('communities', z, x, y)).not.toBeNull();
    const c = r.project.communities[7];
    session.setEdits([{ id: 'e', note: { key: 'x' }, put: [{ layer: 'communities', feature: { ...c, population: (c.population ?? 0) + 5000 } }] }]);
    const before = process.memoryUsage().arrayBuffers;
    const tile = await session.unitTile('communities', z, x, y);
    // a copy of the packing would be all of its bytes again; what is left is the tile's own scratch
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(packed.xy.byteLength / 4);
    const edited = JSON.parse(file) as { communities: { features: { properties: { population?: number } }[] } };
    edited.communities.features[7].properties.population = (c.population ?? 0) + 5000;
    const cold = createAnalysisSession();
    expect(cold.load(JSON.stringify(edited), 'city.json').ok).toBe(true);
    expect(tile).toEqual(await cold.unitTile('communities', z, x, y));
  }, 120_000);
});

/** the demo as a planner's tools might write it: holes, a multipolygon, 3-D positions, -0 and
 *  exponents, every kind of whitespace, escaped keys and unicode names (tests/schemas/messy-json.ts) */
function messyDemo(edit: (d: { communities: { features: Record<string, unknown>[] }; streets: { features: Record<string, unknown>[] } }) => void = () => undefined): string {
  const d = JSON.parse(text);
  const cs = d.communities.features as { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] } }[];
  // a hole: the outline shrunk a little about its first vertex
  const [x0, y0] = cs[3].geometry.coordinates[0][0];
  cs[3].geometry.coordinates.push(cs[3].geometry.coordinates[0].map(([x, y]) => [x0 + (x - x0) * 0.3, y0 + (y - y0) * 0.3]).reverse());
  // two parts
  cs[4].geometry = { type: 'MultiPolygon', coordinates: [cs[4].geometry.coordinates, cs[5].geometry.coordinates] } as never;
  // heights (the packing keeps these as the file has them)
  cs[6].geometry.coordinates = cs[6].geometry.coordinates.map((ring) => ring.map(([x, y]) => [x, y, 12.5]));
  cs[7].properties.name = '长安区 "东" 社区 \u2028 é';
  edit(d);
  return messy(d as Json, seeded(7));
}

describe('a project opened from messy text reads as JSON.parse reads it', () => {
  it('the same issues, verdicts and project written back as the file parsed whole', async () => {
    const messyText = messyDemo();
    const plain = parseProject(messyText, 'project.json');
    if (!plain.ok) throw new Error('the messy demo does not load');
    const session = createAnalysisSession();
    const r = session.load(messyText, 'project.json');
    if (!r.ok) throw new Error('the messy demo does not open');
    // the outlines were read into a packing, but the one with heights: from the file's arrays
    const scanned = parseProject(messyText, 'project.json', { scan: true });
    if (!scanned.ok) throw new Error('the messy demo does not load scanned');
    expect(scanned.project.communities.filter((c) => readAt(c.geometry)).length).toBe(plain.project.communities.filter((c) => c.geometry.type !== 'Point').length - 1);
    expect(readAt(scanned.project.communities[6].geometry)).toBeNull();
    expect(r.project.communities[7].name).toBe('长安区 "东" 社区 \u2028 é');
    const a = session.analyse({ profile: 'combined', params: {} });
    expect(session.checkedIssues() ?? r.project.issues).toEqual(plain.issues);
    const params = resolveParams({});
    const cold = evaluate({ ...plain.project }, { profile: 'combined', params, reach: reachEngineFor(params, plain.project.roads) });
    expect(a.evaluation.results).toEqual(cold.results);
    const settings = { profile: 'combined', params: {}, other: plain.other };
    const written = JSON.stringify(projectToJson({ ...plain.project, profile: 'combined', params: {} }, plain.other));
    expect(session.projectText(settings)).toBe(written);
    // the same file picked (its bytes read, with a byte-order mark): the same project
    const picked = createAnalysisSession();
    const p = await picked.loadFile(new Blob([`\uFEFF${messyText}`]), 'project.json');
    expect(p.ok && p.project.issues).toEqual(r.project.issues);
    expect(picked.projectText(settings)).toBe(written);
  }, 120_000);

  it('a broken outline or text gets the very problems the file parsed whole gets', () => {
    type Demo = Parameters<NonNullable<Parameters<typeof messyDemo>[0]>>[0];
    const ring = (d: Demo, i: number) => (d.communities.features[i].geometry as { coordinates: number[][][] }).coordinates[0];
    const broken: ((d: Demo) => void)[] = [
      (d) => ring(d, 1).pop(), // not closed
      (d) => ring(d, 2).splice(1, ring(d, 2).length - 3), // fewer than 4 positions
      (d) => {
        ring(d, 3)[2][1] = 95; // latitude beyond 90
      },
      (d) => {
        (d.streets.features[0].geometry as { coordinates: number[][][] }).coordinates = ring(d, 1).map(([x, y]) => [y, x]) as never; // a depth its type does not have
      },
      (d) => {
        const g = d.communities.features[8].geometry as { type: string; coordinates: number[][][] };
        g.coordinates = g.coordinates.map((r) => r.map(([x, y]) => [y, x])); // swapped: latitude beyond 90
      },
      (d) => {
        (d.communities.features[9].geometry as { type: string }).type = 'MultiPolygon'; // a type its depth is not
      },
      (d) => {
        (d.communities.features[10] as { geometry: unknown }).geometry = { type: 'Polygon', coordinates: [[]] };
      },
    ];
    let refused = 0;
    for (const edit of broken) {
      const t = messyDemo(edit);
      const plain = parseProject(t, 'project.json');
      if (!plain.ok) refused++;
      const r = createAnalysisSession().load(t, 'project.json');
      expect(r.ok).toBe(plain.ok);
      if (!plain.ok) expect(r).toEqual({ ok: false, problems: plain.problems });
      else if (r.ok) expect(r.project.issues).toEqual(plain.issues.filter((i) => i.msg.key !== 'issue.selfIntersection'));
    }
    expect(refused).toBe(broken.length);
    // text cut short: JSON.parse's own message
    const cut = messyDemo().slice(0, 5_000);
    const plain = parseProject(cut, 'project.json');
    expect(plain.ok).toBe(false);
    expect(createAnalysisSession().load(cut, 'project.json')).toEqual(plain);
  }, 120_000);
});
