// Vector tiles of the communities and streets, cut in the worker from the geometry it already
// holds, per request from their packed outlines (outline-tiles.ts). The page's map fetches them
// through a custom protocol (map/MapView.ts) instead of handing MapLibre a GeoJSON copy of every
// outline: for a city of 3.5 M vertices that copy was cloned to MapLibre's worker on the page's
// thread and held there a third time. Each feature carries only `id` (the map's promoteId:
// verdicts stay feature state): nothing on the map reads a name, and the 20 000-community city's
// names were ≈ 40 % of its outline and dot tiles' bytes, each decoded by MapLibre twice (its
// worker, then the page as feature state is set). The circles and walk areas come the same way
// (`circles`, with their group and facility, cut by the same cutter from the areas the session
// keeps packed, small holes filled as coverage-areas.ts says): a large city's 1.1 M walk-area
// vertices were cloned to MapLibre's worker and held there as GeoJSON and as its index, besides
// the page's own copy, and later converted and held again by geojson-vt here.
import type { GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { MultiPolygon, Polygon } from 'geojson';
import { filledHole } from '../core/coverage-areas';
import { keptLabelPoint } from '../core/label-point';
import { mercatorX, mercatorY } from '../core/mercator';
import { type OutlineUnit, outlineTile, prepareOutlines } from './outline-tiles';
import { packedLabel } from '../core/packed-outlines';
import type { ServiceAreas } from './service-areas';

export type TileLayer = 'communities' | 'streets' | 'circles' | 'dots';

type Unit = OutlineUnit;

/** The tiles of the worker's layers; what they keep is kept per array (the outlines' and areas' box
 *  index in outline-tiles.ts, the dots' places here), so it goes with the array. */
export function createUnitTiles() {
  // the dots: each community's label point (the one the page's packed outlines carry), in web
  // Mercator's unit square, per communities array; a tile is a scan of them (no copy per tile)
  const dotsOf = new WeakMap<readonly Unit[], { x: Float64Array; y: Float64Array }>();
  const dotPlaces = (units: readonly Unit[]) => {
    const kept = dotsOf.get(units);
    if (kept) return kept;
    const x = new Float64Array(units.length);
    const y = new Float64Array(units.length);
    units.forEach((u, i) => {
      // a packed outline brings its label point: its outline is not built
      const [lon, lat] = packedLabel(u) ?? (u.geometry.type === 'Point' ? u.geometry.coordinates : keptLabelPoint(u.geometry as Polygon | MultiPolygon));
      x[i] = mercatorX(lon);
      y[i] = mercatorY(lat);
    });
    dotsOf.set(units, { x, y });
    return { x, y };
  };
  return {
    /** The dots of the communities in the tile as MVT bytes (source layer `dots`, each with its
     *  `id`), or null where it holds none. No buffer: a circle is not clipped to its tile. */
    dotTile(units: readonly Unit[], z: number, x: number, y: number): Uint8Array | null {
      const { x: xs, y: ys } = dotPlaces(units);
      const n = 2 ** z;
      const features: GeoJSONVTTile['features'] = [];
      for (let i = 0; i < units.length; i++) {
        const px = (xs[i] * n - x) * 4096;
        const py = (ys[i] * n - y) * 4096;
        if (px >= 0 && px < 4096 && py >= 0 && py < 4096) features.push({ type: 1, geometry: [[Math.round(px), Math.round(py)]], tags: { id: units[i].id } });
      }
      if (features.length === 0) return null;
      return fromGeojsonVt({ dots: { features, transformed: true, source: null, x, y, z } }, { version: 2, extent: 4096 });
    },
    /** What the first tiles of these layers need, made ahead of their requests (prepareOutlines) */
    prepare(layers: { communities: readonly Unit[]; streets: readonly Unit[] }): void {
      prepareOutlines(layers.communities);
      prepareOutlines(layers.streets);
      dotPlaces(layers.communities);
    },
    /** The tile as MVT bytes (one source layer named after the layer), or null where it holds nothing. */
    tile(layer: 'communities' | 'streets', units: readonly Unit[], z: number, x: number, y: number): Uint8Array | null {
      return outlineTile(layer, units, z, x, y);
    },
    /** A tile of circles or walk areas (source layer `circles`; each feature's `circle` group and
     *  `facility`, '*' for a group's merged walk area), drawn as people read them (coverageAreas);
     *  null where they hold nothing, or for areas no longer held. */
    areaTile(areas: ServiceAreas | null, z: number, x: number, y: number): Uint8Array | null {
      if (!areas) return null;
      return outlineTile('circles', areas.features, z, x, y, { tags: (f) => ({ circle: f.properties.circle, facility: f.properties.facility }), filled: filledHole });
    },
  };
}
