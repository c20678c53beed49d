// What the page needs to show the mapping step without holding the whole layer: the worker keeps
// the SourceLayer, sends this small summary across, and later runs importLayer on the mapping the
// user confirmed. Also the reference positions for shiftHint, taken from data already loaded.
import type { Position } from 'geojson';
import type { Layers, Msg } from '../core/model';
import { guessMapping, layoutKey } from './fields';
import { bboxOf, eachPosition, type BBox } from './geometry';
import type { CrsInfo, LayerKind, Mapping, SourceLayer, WebCoords } from './types';

export interface LayerSummary {
  name: string;
  format: SourceLayer['format'];
  count: number;
  withoutGeometry: number;
  geometryTypes: Record<string, number>;
  columns: string[];
  /** first rows, for the mapping preview */
  sample: { number: number; properties: Record<string, unknown> }[];
  crs: CrsInfo;
  coords: WebCoords;
  encoding?: SourceLayer['encoding'];
  notes: Msg[];
  mapping: Mapping;
  layoutKey: string;
}

export function layerSummary(layer: SourceLayer, kind: LayerKind, sampleRows = 5): LayerSummary {
  const geometryTypes: Record<string, number> = {};
  let withoutGeometry = 0;
  for (const f of layer.features) {
    if (!f.geometry) withoutGeometry++;
    else geometryTypes[f.geometry.type] = (geometryTypes[f.geometry.type] ?? 0) + 1;
  }
  return {
    name: layer.name,
    format: layer.format,
    count: layer.features.length,
    withoutGeometry,
    geometryTypes,
    columns: layer.columns,
    sample: layer.features.slice(0, sampleRows).map((f) => ({ number: f.number, properties: f.properties })),
    crs: layer.crs,
    coords: layer.coords,
    encoding: layer.encoding,
    notes: layer.notes,
    mapping: guessMapping(layer.columns, kind),
    layoutKey: layoutKey(layer.columns, kind),
  };
}

/**
 * The study area's box for importLayer's `area`: streets (街道/镇 outlines) when loaded, else
 * communities; undefined when nothing is loaded yet (then only "outside China" is checked).
 */
export function areaBox(layers: Layers): BBox | undefined {
  const from = layers.streets.length ? layers.streets : layers.communities;
  if (from.length === 0) return undefined;
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const x of from) {
    const g = bboxOf(x.geometry);
    b[0] = Math.min(b[0], g[0]);
    b[1] = Math.min(b[1], g[1]);
    b[2] = Math.max(b[2], g[2]);
    b[3] = Math.max(b[3], g[3]);
  }
  return b;
}

/** Road vertices, community outlines and facility points already on the map, thinned to at most `max`. */
export function referencePositions(layers: Layers, max = 20_000): Position[] {
  const all: Position[] = [];
  const take = (g: Parameters<typeof eachPosition>[0]) => eachPosition(g, (p) => all.push(p));
  for (const r of layers.roads) take(r.geometry);
  for (const c of layers.communities) take(c.geometry);
  for (const f of layers.facilities) take(f.geometry);
  if (all.length <= max) return all;
  const step = all.length / max;
  return Array.from({ length: max }, (_, i) => all[Math.floor(i * step)]);
}
