// Cuts named GeoJSON layers into MVT tiles: @maplibre/geojson-vt slices and simplifies,
// @maplibre/vt-pbf encodes. Only tiles that hold something are produced, found by descending
// from the tiles that cover the bounds at minZoom into the children of non-empty tiles.
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { TileInput } from './pmtiles-writer';

/** A feature property that hides the feature below this zoom (like tippecanoe's `tippecanoe.minzoom`). */
export const MINZOOM_PROPERTY = '_minzoom';

export type PropertyValue = string | number | boolean;
export type BasemapFeature = Feature<Geometry, Record<string, PropertyValue>>;
export type LayerSet = Record<string, FeatureCollection<Geometry, Record<string, PropertyValue>>>;

export interface TileOptions {
  minZoom: number;
  maxZoom: number;
  /** [minLon, minLat, maxLon, maxLat] to start from; tiles outside are never visited. */
  bounds: [number, number, number, number];
  /** geojson-vt simplification tolerance in tile pixels (its default 3 keeps lines smooth at 4096 extent). */
  tolerance?: number;
}

export interface VectorLayerInfo {
  id: string;
  fields: Record<string, 'String' | 'Number' | 'Boolean'>;
  minzoom: number;
  maxzoom: number;
}

export function lonToTileX(lon: number, z: number): number {
  const n = 2 ** z;
  return Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
}

export function latToTileY(lat: number, z: number): number {
  const n = 2 ** z;
  const phi = (lat * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n;
  return Math.min(n - 1, Math.max(0, Math.floor(y)));
}

/** TileJSON vector_layers: field types as seen in the data, the zooms each layer appears at. */
export function describeLayers(layers: LayerSet, minZoom: number, maxZoom: number): VectorLayerInfo[] {
  return Object.entries(layers).map(([id, fc]) => {
    const fields: VectorLayerInfo['fields'] = {};
    let lowest = maxZoom;
    for (const f of fc.features) {
      for (const [k, v] of Object.entries(f.properties)) {
        if (k === MINZOOM_PROPERTY) continue;
        fields[k] = typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String';
      }
      const mz = f.properties[MINZOOM_PROPERTY];
      lowest = Math.min(lowest, typeof mz === 'number' ? Math.max(mz, minZoom) : minZoom);
    }
    return { id, fields, minzoom: lowest, maxzoom: maxZoom };
  });
}

function visibleAt(tile: GeoJSONVTTile, z: number): GeoJSONVTTile | undefined {
  const features: GeoJSONVTFeature[] = [];
  for (const f of tile.features) {
    const mz = f.tags?.[MINZOOM_PROPERTY];
    if (typeof mz === 'number' && mz > z) continue;
    if (!f.tags || !(MINZOOM_PROPERTY in f.tags)) {
      features.push(f);
      continue;
    }
    const { [MINZOOM_PROPERTY]: _hidden, ...tags } = f.tags;
    features.push({ ...f, tags });
  }
  // Object.assign keeps the tile type (its features field is an intersection a spread cannot satisfy)
  return features.length > 0 ? Object.assign({}, tile, { features }) : undefined;
}

/** Returns one uncompressed MVT per non-empty tile. */
export function buildTiles(layers: LayerSet, options: TileOptions): TileInput[] {
  const { minZoom, maxZoom, bounds } = options;
  if (!(Number.isInteger(minZoom) && Number.isInteger(maxZoom) && minZoom >= 0 && minZoom <= maxZoom && maxZoom <= 24)) {
    throw new RangeError(`zoom range ${minZoom}–${maxZoom} must be integers with 0 ≤ min ≤ max ≤ 24 (geojson-vt's limit)`);
  }
  const indexes = Object.entries(layers)
    .filter(([, fc]) => fc.features.length > 0)
    .map(([name, fc]) => ({
      name,
      index: new GeoJSONVT(fc, { maxZoom, indexMaxZoom: Math.min(maxZoom, 5), tolerance: options.tolerance ?? 3, extent: 4096, buffer: 64 }),
    }));

  const out: TileInput[] = [];
  const visit = (z: number, x: number, y: number): void => {
    const present: Record<string, GeoJSONVTTile> = {};
    let anything = false;
    for (const { name, index } of indexes) {
      const tile = index.getTile(z, x, y);
      if (!tile || tile.features.length === 0) continue;
      anything = true;
      const shown = visibleAt(tile, z);
      if (shown) present[name] = shown;
    }
    if (!anything) return; // nothing here, so nothing in the children either
    if (Object.keys(present).length > 0) out.push({ z, x, y, data: fromGeojsonVt(present, { version: 2, extent: 4096 }) });
    if (z < maxZoom)
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const)
        visit(z + 1, 2 * x + dx, 2 * y + dy);
  };

  const [w, s, e, n] = bounds;
  for (let x = lonToTileX(w, minZoom); x <= lonToTileX(e, minZoom); x++) {
    for (let y = latToTileY(n, minZoom); y <= latToTileY(s, minZoom); y++) visit(minZoom, x, y);
  }
  return out;
}
