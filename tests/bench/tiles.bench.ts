// The communities' vector tiles on the realistic large city (scripts/bench-city), in Node: the
// tiler cutting per request from packed outlines (service/outline-tiles.ts) against geojson-vt with
// MapLibre's GeoJSON settings (what cut them before: it converted every outline on the first
// request and kept that projected copy), in the same process:
//   CPU of the first tile at the fitted view (the map framing the whole city), of all that view's
//   tiles, and of zoom-15 tiles after them; memory held after the fitted view's tiles (array
//   buffers and heap, after a full GC).
// BENCH_CITY_COMMUNITIES=N picks the size (default 5 000; 20 000 for the memory goal's city).
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import { benchCityFile } from '../../scripts/bench-city/generate';
import type { Community } from '../../src/core/model';
import { keepPacked, outlinesOf, packOutlines, unpackOutlines } from '../../src/core/packed-outlines';
import { coverageAreas } from '../../src/core/coverage-areas';
import { createAnalysisSession } from '../../src/service/session';
import type { ServiceAreas } from '../../src/service/service-areas';
import { createUnitTiles } from '../../src/service/unit-tiles';
import { parseProject } from '../../src/schemas';
import { outlineTile } from '../../src/service/outline-tiles';
import type { BenchRow } from './run';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** the old tiler: geojson-vt over every unit, as unit-tiles.ts built it before */
function geojsonVtTiler(units: readonly Community[]) {
  const fc: FeatureCollection = { type: 'FeatureCollection', features: units.map((u) => ({ type: 'Feature', geometry: u.geometry, properties: { id: u.id, name: u.name } })) };
  const index = new GeoJSONVT(fc, { maxZoom: 15, indexMaxZoom: 5, tolerance: 3, extent: 4096, buffer: 64 });
  return (z: number, x: number, y: number) => {
    const t = index.getTile(z, x, y);
    if (t && z === 15) (t as { source?: unknown }).source = null;
    return t && t.features.length > 0 ? fromGeojsonVt({ communities: t }, { version: 2, extent: 4096 }) : null;
  };
}

/** the old circles' tiler: geojson-vt over the areas as people read them, as unit-tiles.ts built it before */
function createGeojsonVtAreas(areas: ServiceAreas) {
  const shown = coverageAreas(areas);
  const fc: FeatureCollection = { ...shown, features: shown.features.map((f) => ({ ...f, properties: { circle: f.properties.circle, facility: f.properties.facility } })) };
  const index = new GeoJSONVT(fc, { maxZoom: 15, indexMaxZoom: 5, tolerance: 3, extent: 4096, buffer: 64 });
  return (z: number, x: number, y: number) => {
    const t = index.getTile(z, x, y);
    if (t && z === 15) (t as { source?: unknown }).source = null;
    return t && t.features.length > 0 ? fromGeojsonVt({ circles: t }, { version: 2, extent: 4096 }) : null;
  };
}

/** CPU ms and wall ms of f */
function timed<T>(f: () => T): { cpu: number; wall: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall, value };
}

function held(): { buffers: number; heap: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { buffers: m.arrayBuffers / 2 ** 20, heap: m.heapUsed / 2 ** 20 };
}

/** the middle value (the upper of the two middle ones) */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A full GC leaves sweeping to V8's background threads, whose CPU process.cpuUsage counts: let
 *  it finish before timing. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

const mercX = (lon: number) => lon / 360 + 0.5;
const mercY = (lat: number) => 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);

export default async function (): Promise<BenchRow[]> {
  const n = Number(process.env.BENCH_CITY_COMMUNITIES ?? 5_000);
  const file = benchCityFile({ communities: n });
  const parsed = parseProject(JSON.parse(readFileSync(file.path, 'utf8')), 'city.json');
  if (!parsed.ok) throw new Error('the bench city does not load');
  const units = parsed.project.communities;
  const vertices = outlinesOf(units.slice()).xy.length / 2;

  // the fitted view: the city's box framed in a 1000 × 700 px map with 24 px padding (MapView's
  // fitBounds), 512 px tiles; the map asks for the tiles at the floor of that zoom, centre first
  const box = outlinesOf(units.slice()).box;
  let [w, s, e, nn] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < units.length; i++) {
    if (Number.isNaN(box[4 * i])) continue;
    [w, s, e, nn] = [Math.min(w, box[4 * i]), Math.min(s, box[4 * i + 1]), Math.max(e, box[4 * i + 2]), Math.max(nn, box[4 * i + 3])];
  }
  const zoom = Math.log2(Math.min((1000 - 48) / ((mercX(e) - mercX(w)) * 512), (700 - 48) / ((mercY(s) - mercY(nn)) * 512)));
  const z = Math.floor(zoom);
  const at = (lon: number, lat: number, k = z) => [Math.floor(mercX(lon) * 2 ** k), Math.floor(mercY(lat) * 2 ** k)];
  const [x0, y0] = at(w, nn);
  const [x1, y1] = at(e, s);
  const [cx, cy] = at((w + e) / 2, (s + nn) / 2);
  const view: [number, number, number][] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) view.push([z, x, y]);
  view.sort((a, b) => Math.hypot(a[1] - cx, a[2] - cy) - Math.hypot(b[1] - cx, b[2] - cy));
  // zoom-15 tiles spread over the city (each under another zoom-11 tile where the city has them)
  const deep: [number, number, number][] = [];
  for (let k = 1; k <= 7; k++) {
    const [x, y] = at(w + ((e - w) * k) / 8, s + ((nn - s) * ((k * 3) % 8)) / 8, 15);
    deep.push([15, x, y]);
  }

  type Tiler = (z: number, x: number, y: number) => Uint8Array | null;
  // geojson-vt reads the GeoJSON as it was parsed (as the worker held it); the cutter reads the
  // communities as the session holds them now (keepPacked: outlinesOf finds their packing, which
  // the session keeps anyway), so neither run counts a packing
  const run = async <T>(make: (us: T) => Tiler, hold: () => T) => {
    const us = hold(); // a new array: nothing kept from an earlier run
    await settle(); // a new job: what earlier jobs held only by a WeakRef (a built outline) can go
    const before = held();
    await settle();
    const first = timed(() => {
      const tiler = make(us);
      return { tiler, bytes: tiler(...view[0]) };
    });
    const tiler = first.value.tiler;
    const rest = timed(() => view.slice(1).reduce((sum, t) => sum + (tiler(...t)?.length ?? 0), first.value.bytes?.length ?? 0));
    await settle();
    const after = held();
    const deepMs = deep.map((t) => timed(() => tiler(...t)).cpu);
    return {
      first,
      all: { cpu: first.cpu + rest.cpu, wall: first.wall + rest.wall, bytes: rest.value },
      held: { buffers: after.buffers - before.buffers, heap: after.heap - before.heap },
      deep: median(deepMs),
    };
  };
  const runs = { old: [] as Awaited<ReturnType<typeof run>>[], cut: [] as Awaited<ReturnType<typeof run>>[] };
  for (let r = 0; r < 5; r++) {
    runs.old.push(await run(geojsonVtTiler, () => units.slice()));
    runs.cut.push(
      await run(
        (us) => (z, x, y) => outlineTile('communities', us, z, x, y),
        () => keepPacked(units.slice()),
      ),
    );
  }
  // the walk areas of the combined profile, as the session hands them out (packed, each outline a
  // getter): geojson-vt read them through coverageAreas (building every outline), the cutter reads
  // their packing; a new copy each run, packed outside the timing as the session packs them
  const session = createAnalysisSession();
  if (!session.load(readFileSync(file.path, 'utf8'), 'city.json').ok) throw new Error('the bench city does not load');
  const walk = session.walkAreas({ profile: parsed.project.profile, params: { ...parsed.project.params, reach: 'network' } });
  const walkVertices = outlinesOf(walk.features).xy.length / 2;
  const freshWalk = (): ServiceAreas => ({ ...walk, features: unpackOutlines(packOutlines(walk.features)) });
  const areaRuns = { old: [] as Awaited<ReturnType<typeof run>>[], cut: [] as Awaited<ReturnType<typeof run>>[] };
  for (let r = 0; r < 3; r++) {
    areaRuns.old.push(await run(createGeojsonVtAreas, freshWalk));
    areaRuns.cut.push(await run((a: ServiceAreas) => (z, x, y) => createUnitTiles().areaTile(a, z, x, y), freshWalk));
  }
  const amed = (k: 'old' | 'cut', f: (r: Awaited<ReturnType<typeof run>>) => number) => median(areaRuns[k].map(f));
  // packing plain GeoJSON (what the first tile cost besides, before the session kept its communities packed)
  const packMs = median([0, 1, 2].map(() => timed(() => outlinesOf(units.slice())).cpu));
  const med = (k: 'old' | 'cut', f: (r: Awaited<ReturnType<typeof run>>) => number) => median(runs[k].map(f));
  const label = `city ${n / 1000}k (${(vertices / 1e6).toFixed(2)} M outline vertices)`;
  const heldOld = { buffers: med('old', (r) => r.held.buffers), heap: med('old', (r) => r.held.heap) };
  const heldCut = { buffers: med('cut', (r) => r.held.buffers), heap: med('cut', (r) => r.held.heap) };
  const packedMB = (vertices * 16) / 2 ** 20;
  const load = `load ${(await import('node:os')).loadavg()[0].toFixed(1)}`;
  return [
    {
      name: `${label}: first tile of the fitted view (zoom ${z}), CPU`,
      ms: med('cut', (r) => r.first.cpu),
      baseline: { name: 'geojson-vt', ms: med('old', (r) => r.first.cpu) },
      note: `wall ${med('cut', (r) => r.first.wall).toFixed(0)} ms (geojson-vt ${med('old', (r) => r.first.wall).toFixed(0)} ms); the communities as the session holds them, packed (packing plain GeoJSON would add ${packMs.toFixed(0)} ms CPU); median of 5; ${load}`,
    },
    {
      name: `${label}: all ${view.length} tiles of the fitted view, CPU`,
      ms: med('cut', (r) => r.all.cpu),
      baseline: { name: 'geojson-vt', ms: med('old', (r) => r.all.cpu) },
      note: `wall ${med('cut', (r) => r.all.wall).toFixed(0)} ms (geojson-vt ${med('old', (r) => r.all.wall).toFixed(0)} ms); ${(med('cut', (r) => r.all.bytes) / 1e6).toFixed(1)} MB of tiles (geojson-vt ${(med('old', (r) => r.all.bytes) / 1e6).toFixed(1)} MB)`,
    },
    {
      name: `${label}: a zoom-15 tile after the fitted view, CPU`,
      ms: med('cut', (r) => r.deep),
      baseline: { name: 'geojson-vt', ms: med('old', (r) => r.deep) },
      note: `median of ${deep.length} tiles spread over the city, × 5 runs`,
    },
    {
      name: `${label}: held after the fitted view's tiles, array buffers (MB, not ms)`,
      ms: heldCut.buffers,
      note: `geojson-vt ${heldOld.buffers.toFixed(1)} MB: ${(heldOld.buffers / Math.max(heldCut.buffers, 0.1)).toFixed(1)}× as much; besides the session's packed communities (${packedMB.toFixed(1)} MB, held anyway): the box index`,
    },
    {
      name: `${label}: walk areas (${(walkVertices / 1e6).toFixed(2)} M vertices), first tile of the fitted view, CPU`,
      ms: amed('cut', (r) => r.first.cpu),
      baseline: { name: 'geojson-vt', ms: amed('old', (r) => r.first.cpu) },
      note: `all ${view.length} tiles ${amed('cut', (r) => r.all.cpu).toFixed(0)} ms (geojson-vt ${amed('old', (r) => r.all.cpu).toFixed(0)} ms); held after them: array buffers ${amed('cut', (r) => r.held.buffers).toFixed(1)} MB, heap ${amed('cut', (r) => r.held.heap).toFixed(1)} MB (geojson-vt ${amed('old', (r) => r.held.buffers).toFixed(1)} MB, ${amed('old', (r) => r.held.heap).toFixed(1)} MB); median of 3`,
    },
    {
      name: `${label}: held after the fitted view's tiles, JS heap (MB, not ms)`,
      ms: heldCut.heap,
      note: `geojson-vt ${heldOld.heap.toFixed(1)} MB; after a full GC, median of 5`,
    },
  ];
}
