// The main map draws communities and streets from vector tiles the analysis worker cuts from its
// own copy (service/unit-tiles.ts), not from a GeoJSON copy handed to MapLibre. On a generated city
// of irregular, detailed outlines (scripts/bench-city), the colour on screen under each of several
// communities is the colour of its verdict, the verdicts taken from an analysis session run here in
// Node on the same file; a click there selects that community (hit-testing reads the tiles).
// The page's copy of those outlines is packed (core/packed-outlines.ts): opening the city grows
// the page's JS heap by far less than its vertices would take as GeoJSON arrays; and it is the
// worker's own packing, shared (the page is served cross-origin isolated), not a copy.
import { mkdirSync, writeFileSync } from 'node:fs';
import { booleanPointInPolygon, center, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, Geometry, LineString, MultiLineString, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateBenchCity } from '../../scripts/bench-city/city';
import { labelPoint } from '../../src/core/label-point';
import { unitKey } from '../../src/core/model';
import { arraySource } from '../../src/core/report/result-columns';
import { verdictsByUnit, type Verdict } from '../../src/core/report/verdicts';
import { projectToJson } from '../../src/schemas';
import { createAnalysisSession } from '../../src/service/session';
import { AppDriver } from './driver';

const FILE = 'tests/output/tiles-e2e/tile-city.json';
const vertexCount = (g: Geometry): number =>
  g.type === 'Polygon' ? g.coordinates.reduce((n, r) => n + r.length, 0) : g.type === 'MultiPolygon' ? g.coordinates.flat(1).reduce((n, r) => n + r.length, 0) : 0;
const hex = (c: string) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));
// the blank base's background and the community fill's colours and opacity (map/style.ts, map/theme.ts, map/layers.ts)
const BACKGROUND = hex('#f4f1ea');
const FILL: Record<Verdict, string> = { fail: '#d7191c', pass: '#2b83ba', na: '#a6a6a6', none: '#e8e8e8' };
const shown = (v: Verdict) => hex(FILL[v]).map((c, i) => Math.round(0.55 * c + 0.45 * BACKGROUND[i]));

describe('communities drawn from the worker’s vector tiles', () => {
  const driver = new AppDriver(inject('appUrl'));
  /** a few communities of each verdict whose box centre lies well inside the outline (the map centres on it) */
  let picks: { id: string; verdict: Verdict }[] = [];
  /** each community's dot, where the page puts it (a point on its outline, core/label-point.ts) */
  let dots: { id: string; at: number[] }[] = [];
  /** vertices of the city's community and street outlines, counted here */
  let vertices = 0;
  /** the page's JS heap after a full GC (MB) with the demo open, and with the city open */
  const heap = { demo: 0, city: 0 };
  /** the page thread's own array buffers after a full GC (MB; memory shared with a worker is not its own) */
  const buffers = { demo: 0, city: 0 };
  /** whether the page and the analysis worker are cross-origin isolated (they share the packed outlines) */
  let isolated: boolean[] = [];

  beforeAll(async () => {
    // no roads: straight-line reach keeps the analysis quick; the outlines are what is tested
    const { stats: _stats, ...city } = generateBenchCity({ communities: 600, facilities: 300, roadNodes: 4000, streets: 4 });
    const text = JSON.stringify(projectToJson({ ...city, roads: [] }));
    mkdirSync('tests/output/tiles-e2e', { recursive: true });
    writeFileSync(FILE, text);
    const session = createAnalysisSession();
    const loaded = session.load(text, 'tile-city.json');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const { evaluation } = session.analyse({ profile: loaded.project.profile, params: loaded.project.params });
    const verdicts = verdictsByUnit(arraySource(evaluation.results), null);
    const byVerdict = new Map<Verdict, { id: string; verdict: Verdict }[]>();
    for (const c of loaded.project.communities) {
      if (c.geometry.type !== 'Polygon') continue;
      const f: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: c.geometry };
      const at = center(f); // the box centre, where the map centres a unit when it lies inside (map/focus.ts, turf pointOnFeature)
      const edge = polygonToLine(f) as Feature<LineString | MultiLineString>;
      // 25 m from the edge: more than the outline and selection lines are wide at zoom 15
      if (!booleanPointInPolygon(at, f) || pointToLineDistance(at, edge as Feature<LineString>, { units: 'meters' }) < 25) continue;
      const verdict = verdicts.get(unitKey('community', c.id)) ?? 'none';
      const list = byVerdict.get(verdict) ?? [];
      if (list.length < 3) list.push({ id: c.id, verdict });
      byVerdict.set(verdict, list);
    }
    picks = [...byVerdict.values()].flat();
    dots = loaded.project.communities.map((c) => ({ id: c.id, at: c.geometry.type === 'Point' ? c.geometry.coordinates : labelPoint(c.geometry) }));
    vertices = [...loaded.project.communities, ...loaded.project.streets].reduce((sum, u) => sum + vertexCount(u.geometry), 0);
    await driver.start();
    await driver.given.appOpened();
    const cdp = await driver.page.context().newCDPSession(driver.page);
    const pageHeap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize: number };
      return [u.usedSize / 2 ** 20, u.backingStorageSize / 2 ** 20];
    };
    [heap.demo, buffers.demo] = await pageHeap();
    await driver.when.projectFilePicked(FILE);
    [heap.city, buffers.city] = await pageHeap();
    const worker = driver.page.workers().find((w) => /\/worker-[^/]*\.js$/.test(w.url()));
    isolated = [await driver.page.evaluate(() => self.crossOriginIsolated), (await worker?.evaluate(() => self.crossOriginIsolated)) ?? false];
    await cdp.detach();
    await driver.when.basemapChosen('none');
    for (const group of ['streets', 'circles', 'outside', 'facilities']) await driver.when.layerToggled(group);
  }, 240_000);
  afterAll(() => driver.stop());

  it('holds the outlines packed: the page heap grows by less than half of what the vertices take as arrays', () => {
    // as GeoJSON each [x, y] is at least an array header and an element store of two 8-byte numbers
    // in V8 (40 bytes with compressed pointers, more without); packed they are 16 bytes outside
    // the JS heap. The demo it replaces is far smaller than this city.
    const asArrays = (vertices * 40) / 2 ** 20;
    expect(vertices).toBeGreaterThan(200_000);
    expect(heap.city - heap.demo).toBeLessThan(asArrays / 2);
  });

  it('shares the packed outlines with the analysis worker: both cross-origin isolated, the page’s own array buffers grow by less than the packing takes', () => {
    expect(isolated).toEqual([true, true]);
    // packed as integers of 1e-7 degree, 8 bytes a vertex: a copy of its own on the page would be all of them
    const packing = (vertices * 8) / 2 ** 20;
    expect(packing).toBeGreaterThan(1.5);
    expect(buffers.city - buffers.demo).toBeLessThan(packing);
  });

  it('colours each community by its verdict, read from tiles, and a click there selects it', async () => {
    expect(await driver.page.getAttribute('[data-testid=map]', 'data-units')).toBe('tiles');
    // at least two verdicts among the picks, or the colours prove little
    expect(new Set(picks.map((p) => p.verdict)).size).toBeGreaterThanOrEqual(2);
    for (const { id, verdict } of picks) {
      await driver.when.rowClicked('community', id); // zooms to it, centred on a point on it
      const rgb = await driver.page.evaluate(() => {
        const map = document.querySelector('[data-testid=map] canvas') as HTMLCanvasElement;
        const c = document.createElement('canvas');
        c.width = map.width;
        c.height = map.height;
        const g = c.getContext('2d') as CanvasRenderingContext2D;
        g.drawImage(map, 0, 0);
        return [...g.getImageData(Math.floor(map.width / 2), Math.floor(map.height / 2), 1, 1).data.slice(0, 3)];
      });
      const want = shown(verdict);
      expect({ id, verdict, rgb: rgb.map((v, i) => Math.abs(v - want[i]) <= 12) }).toEqual({ id, verdict, rgb: [true, true, true] });
      await driver.when.detailClosed();
      await driver.when.mapCentreClicked();
      await driver.page.waitForSelector(`[data-testid=detail][data-id="${id}"]`);
      await driver.when.detailClosed();
    }
    expect(driver.pageErrors).toEqual([]);
  });

  // The main map's dots are tiles the analysis worker cuts per request from the label points, with
  // no buffer, down to zoom 12 (service/unit-tiles.ts dotTile): every community of the file gets its
  // dot, each once and in its place, zoomed out and at zoom 12 with tile edges in view.
  it('draws a dot for every community of the file at district zoom, each once, across tile edges', async () => {
    const zoom = async () => Number(await driver.page.getAttribute('[data-testid=map]', 'data-zoom'));
    // one button press, and the map idle at its new zoom
    const step = async (dir: 'in' | 'out') => {
      const was = await driver.page.getAttribute('[data-testid=map]', 'data-zoom');
      await driver.page.click(`[data-testid=map] .maplibregl-ctrl-zoom-${dir}`);
      await driver.page.waitForSelector(`[data-testid=map][data-idle=true]:not([data-zoom="${was}"])`, { timeout: 30_000 });
      await driver.mapIdle();
    };
    const drawn = async () => {
      await driver.mapProbed();
      const ids = (await driver.page.getAttribute('[data-testid=map]', 'data-dots-shown')) ?? '';
      const bounds = ((await driver.page.getAttribute('[data-testid=map]', 'data-bounds')) ?? '').split(',').map(Number);
      return { ids: ids === '' ? [] : ids.split(' '), bounds };
    };
    /** the file's communities whose dot lies inside the box, and those too near its edge to call */
    const inside = ([w, s, e, n]: number[]) => {
      const mx = (e - w) * 0.01;
      const my = (n - s) * 0.01;
      const within = (m: number, k: number, [x, y]: number[]) => x > w + m && x < e - m && y > s + k && y < n - k;
      return {
        sure: dots
          .filter((d) => within(mx, my, d.at))
          .map((d) => d.id)
          .sort(),
        edge: new Set(dots.filter((d) => within(-mx, -my, d.at) && !within(mx, my, d.at)).map((d) => d.id)),
      };
    };
    while ((await zoom()) >= 10) await step('out');
    const far = await drawn();
    // the whole city in view: all its dots, each once
    expect(inside(far.bounds).sure.length).toBe(dots.length);
    expect(far.ids).toEqual(dots.map((d) => d.id).sort());
    // zoom 12: several tiles, their edges in view
    while ((await zoom()) < 12) await step('in');
    expect(await zoom()).toBeLessThan(12.5);
    const near = await drawn();
    const want = inside(near.bounds);
    expect(want.sure.length).toBeGreaterThan(10);
    expect(near.ids.filter((id) => !want.edge.has(id))).toEqual(want.sure);
    expect(driver.pageErrors).toEqual([]);
  });
});
