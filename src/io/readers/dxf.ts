// AutoCAD DXF from planning drawings: closed polylines become polygons, open ones lines, points
// and block inserts points; TEXT/MTEXT lying inside a polygon becomes its "label" (community
// names are usually written into the outline). One layer per DXF layer, so the user can choose.
// Drawings are in local metres (Gauss-Krüger), so the CRS comes from the user or the numbers.
import DxfParser from 'dxf-parser';
import type { Geometry, Position } from 'geojson';
import { pointInRing } from '../../core/geo';
import type { Msg } from '../../core/model';
import { crsFromUser, guessCrs } from '../crs';
import { fail } from '../errors';
import type { CrsInfo, ReadOptions, SourceFeature, SourceLayer } from '../types';
import { reproject } from './common';
import { errorMessage } from '../../core/errors';

interface Pt {
  x: number;
  y: number;
}
interface Ent {
  type: string;
  layer?: string;
  handle?: string | number;
  vertices?: Pt[];
  shape?: boolean;
  position?: Pt;
  startPoint?: Pt;
  center?: Pt;
  text?: string;
  name?: string;
}

interface Drawn {
  layer: string;
  handle: string;
  type: string;
  geometry: Geometry;
  label?: string;
}

export function readDxf(file: string, text: string, opts: ReadOptions): SourceLayer[] {
  let entities: Ent[];
  const said: string[] = [];
  try {
    const dxf = quietly(said, () => new DxfParser().parseSync(text));
    entities = (dxf?.entities ?? []) as unknown as Ent[];
  } catch (e) {
    return fail('io.err.dxfSyntax', { file, detail: errorMessage(e) });
  }
  const drawn: Drawn[] = [];
  const texts: { layer: string; at: Pt; text: string }[] = [];
  for (const e of entities) {
    const layer = e.layer ?? '0';
    const handle = String(e.handle ?? drawn.length + 1);
    const ring = (e.vertices ?? []).map((v): Position => [v.x, v.y]);
    if ((e.type === 'LWPOLYLINE' || e.type === 'POLYLINE') && ring.length >= 2) {
      const closed = e.shape === true || (ring.length >= 4 && same(ring[0], ring[ring.length - 1]));
      if (closed && ring.length >= 3) {
        const r = same(ring[0], ring[ring.length - 1]) ? ring : [...ring, ring[0]];
        drawn.push({ layer, handle, type: e.type, geometry: { type: 'Polygon', coordinates: [r] } });
      } else drawn.push({ layer, handle, type: e.type, geometry: { type: 'LineString', coordinates: ring } });
    } else if (e.type === 'LINE' && ring.length === 2) {
      drawn.push({ layer, handle, type: e.type, geometry: { type: 'LineString', coordinates: ring } });
    } else if ((e.type === 'POINT' || e.type === 'INSERT') && e.position) {
      drawn.push({ layer, handle, type: e.type, geometry: { type: 'Point', coordinates: [e.position.x, e.position.y] } });
    } else if ((e.type === 'TEXT' || e.type === 'MTEXT') && e.text) {
      const at = e.startPoint ?? e.position;
      if (at) texts.push({ layer, at, text: cleanText(e.text) });
    }
  }
  for (const d of drawn) {
    if (d.geometry.type !== 'Polygon') continue;
    const ring = d.geometry.coordinates[0];
    const inside = texts.filter((t) => pointInRing(t.at.x, t.at.y, ring));
    if (inside.length) d.label = inside.map((t) => t.text).join(' ');
  }
  const layerNames = [...new Set(drawn.map((d) => d.layer))];
  if (layerNames.length === 0) {
    // dxf-parser skips HATCH entities; GIS programs write filled polygons as hatches, so say so
    const hatches = (text.match(/\n\s*0\r?\nHATCH\r?\n/g) ?? []).length;
    fail(hatches ? 'io.err.dxfOnlyHatches' : 'io.err.dxfNothing', { file, hatches });
  }
  const wanted = opts.layers?.length ? layerNames.filter((n) => opts.layers?.includes(n)) : layerNames;
  if (wanted.length === 0) fail('io.err.noSuchLayer', { file, layers: (opts.layers ?? []).join(', '), available: layerNames.join(', ') });

  const sample = drawn.slice(0, 200).map((d) => firstXY(d.geometry));
  const notes: Msg[] = said.length ? [{ key: 'io.note.dxfWarnings', args: { count: said.length, first: said[0].slice(0, 160) } }] : [];
  const crs = chooseCrs(file, sample, opts, notes);
  const coords = opts.coords ?? 'wgs84';
  return wanted.map((name) => {
    const features = drawn
      .filter((d) => d.layer === name)
      .map(
        (d, i): SourceFeature => ({
          number: i + 1,
          geometry: reproject(d.geometry, crs, coords),
          properties: { handle: d.handle, layer: d.layer, entity: d.type, ...(d.label ? { label: d.label } : {}) },
        }),
      );
    return { name, format: 'dxf', numbering: 'feature', crs, coords, columns: ['handle', 'layer', 'entity', 'label'], features, notes };
  });
}

function chooseCrs(file: string, sample: Position[], opts: ReadOptions, notes: Msg[]): CrsInfo {
  if (opts.crs) return crsFromUser(opts.crs);
  const g = guessCrs(
    sample.map((p) => p[0]),
    sample.map((p) => p[1]),
    opts.area,
  );
  if (!g) fail('io.err.crsMissing', { file, layer: 'DXF', x: String(sample[0]?.[0] ?? '—'), y: String(sample[0]?.[1] ?? '—') });
  notes.push({ key: 'io.note.crsGuessed', args: { crs: g.code } });
  return g;
}

function firstXY(g: Geometry): Position {
  if (g.type === 'Point') return g.coordinates;
  if (g.type === 'LineString') return g.coordinates[0];
  if (g.type === 'Polygon') return g.coordinates[0][0];
  return [NaN, NaN];
}

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** MTEXT formatting codes out, \U+XXXX escapes (non-ASCII in older DXF) decoded. */
function cleanText(s: string): string {
  return s
    .replace(/\\U\+([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\P/g, ' ')
    .replace(/\\[A-Za-z][^;\\]*;/g, '')
    .replace(/[{}]/g, '')
    .trim();
}

/** dxf-parser prints its warnings to the console (75 lines before a real error): collect them
 *  instead, for one note. The parse is synchronous, so nothing else writes meanwhile. */
function quietly<T>(said: string[], fn: () => T): T {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  const keep = (...a: unknown[]) => {
    said.push(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
  };
  console.log = keep;
  console.warn = keep;
  console.error = keep;
  try {
    return fn();
  } finally {
    Object.assign(console, saved);
  }
}
