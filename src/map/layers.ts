// Pure builder: theme + what the user switched on → the analysis layers drawn over the base map.
// Validated against the style spec in tests/map/layers.test.ts.
import type { ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, LayerSpecification, VectorSourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { Level } from '../core/model';
import type { LayerGroup } from '../state/layers';
import type { Verdict } from '../core/report/verdicts';
import { CAPACITY_RADIUS, CIRCLE_COLOURS, KIND_STYLES, OUTSIDE_COLOUR, OUTSIDE_HATCH, SELECTION_COLOUR, VERDICT_COLOURS } from './theme';
import { CLUSTER_OPTIONS, clusterLayers, clustered, NOT_CLUSTER } from './facility-clusters';

export const SOURCES = {
  streets: 'a-streets',
  communities: 'a-communities',
  /** one point per community: its verdict stays visible at district zoom, where polygons are specks */
  communityDots: 'a-community-dots',
  facilities: 'a-facilities',
  circles: 'a-circles',
} as const;
export type SourceId = (typeof SOURCES)[keyof typeof SOURCES];

/** Layers a click can hit, in priority order (a facility on top of a community on top of a street). */
export const CLICKABLE: readonly { layer: string; level: Level }[] = [
  { layer: 'a-facilities-marker', level: 'facility' },
  { layer: 'a-communities-fill', level: 'community' },
  { layer: 'a-communities-point', level: 'community' },
  { layer: 'a-communities-dot', level: 'community' },
  { layer: 'a-streets-fill', level: 'street' },
];

export interface OverlayOptions {
  visible: Readonly<Record<LayerGroup, boolean>>;
  selection: { level: Level; id: string } | null;
  /** the circle groups drawn (all when not said) */
  circles?: readonly string[];
}

/** The sources that may come as vector tiles cut by the analysis worker (service/unit-tiles.ts),
 *  with the name of their one source layer. */
export const TILED = {
  [SOURCES.communities]: 'communities',
  [SOURCES.streets]: 'streets',
  [SOURCES.circles]: 'circles',
  [SOURCES.communityDots]: 'dots',
} as const;
export type TiledSourceId = keyof typeof TILED;
/** deepest zoom the worker's tiles are asked for; MapLibre over-zooms them beyond */
export const UNIT_TILES_MAX_ZOOM = 15;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

type OverlaySources = Record<Exclude<SourceId, TiledSourceId>, GeoJSONSourceSpecification> & Record<TiledSourceId, GeoJSONSourceSpecification | VectorSourceSpecification>;

/** `tiles`: the tile URL of each tiled source (its vector source replaces the GeoJSON one). */
export function overlaySources(data: Partial<Record<SourceId, FeatureCollection>> = {}, tiles: Partial<Record<TiledSourceId, string>> = {}): OverlaySources {
  const src = (id: SourceId): GeoJSONSourceSpecification => ({ type: 'geojson', data: data[id] ?? EMPTY, promoteId: 'id' });
  const unit = (id: TiledSourceId, maxzoom = UNIT_TILES_MAX_ZOOM, geojson = {}): GeoJSONSourceSpecification | VectorSourceSpecification => {
    const url = tiles[id];
    return url ? { type: 'vector', tiles: [url], maxzoom, promoteId: 'id' } : { ...src(id), ...geojson };
  };
  return {
    [SOURCES.streets]: unit(SOURCES.streets),
    [SOURCES.communities]: unit(SOURCES.communities),
    [SOURCES.communityDots]: unit(SOURCES.communityDots, DOTS_TILES_MAX_ZOOM, DOTS_SOURCE),
    // tens of thousands of facilities: clustered below street zoom (facility-clusters.ts)
    [SOURCES.facilities]: { ...src(SOURCES.facilities), ...(clustered(data[SOURCES.facilities]) ? CLUSTER_OPTIONS : {}) },
    [SOURCES.circles]: unit(SOURCES.circles),
  } as OverlaySources;
}

/** The layers with the source layer named where their source is tiled (a vector source needs it). */
export function withSourceLayers(layers: LayerSpecification[], tiled: readonly TiledSourceId[]): LayerSpecification[] {
  if (tiled.length === 0) return layers;
  return layers.map((l) =>
    'source' in l && (tiled as readonly string[]).includes(l.source) ? ({ ...l, 'source-layer': TILED[l.source as TiledSourceId] } as LayerSpecification) : l,
  );
}

// Verdicts and the outside flag live in feature state, not in the GeoJSON: a profile switch then
// only updates states (cheap) instead of re-sending and re-tiling every polygon.
function verdictColour(): ExpressionSpecification {
  const v = (k: Verdict): [Verdict, string] => [k, VERDICT_COLOURS[k]];
  return ['match', ['coalesce', ['feature-state', 'verdict'], 'none'], ...v('fail'), ...v('pass'), ...v('na'), VERDICT_COLOURS.none] as ExpressionSpecification;
}

const isOutside: ExpressionSpecification = ['==', ['coalesce', ['feature-state', 'outside'], false], true];
/** A size for the communities outside every circle, 0 for the others. Filters cannot read feature
 *  state, so the outside layers hold every community and their opacity hid the others — but each was
 *  still drawn: at the 20 000-community city's fitted view the invisible rings of the inside dots
 *  were ≈ 85 of a profile change's 340 ms frame in software WebGL. A circle of radius and stroke 0 and
 *  a line of width 0 are drawn as nothing (MapLibre's shaders give them no area). */
const onlyOutside = (size: number): ExpressionSpecification => ['case', isOutside, size, 0];

const circleColour = ['match', ['get', 'circle'], 'childcare', CIRCLE_COLOURS.childcare, CIRCLE_COLOURS.elderly] as ExpressionSpecification;
/** a walk area merged over a whole group (network mode), not one facility's circle */
const merged: ExpressionSpecification = ['==', ['get', 'facility'], '*'];

function kindColour(): ExpressionSpecification {
  const pairs = Object.entries(KIND_STYLES).flatMap(([kind, s]) => [kind, s.colour]);
  // the spec's tuple type cannot express a variable number of match arms
  return ['match', ['get', 'kind'], ...pairs, '#555555'] as unknown as ExpressionSpecification;
}

/** Radius by capacity at street zooms, shrunk to 40 % at district zoom so hundreds of markers
 *  do not bury the community colours (zoom must be the outer interpolation in MapLibre). */
function capacityRadius(): ExpressionSpecification {
  const byCapacity = ['interpolate', ['linear'], ['coalesce', ['get', 'capacity'], 0], ...CAPACITY_RADIUS.flat()] as ExpressionSpecification;
  return ['interpolate', ['linear'], ['zoom'], 9, ['*', 0.4, byCapacity], 14, byCapacity];
}

/** below this zoom communities are a few pixels wide: draw them as dots as well */
export const DOTS_UNTIL_ZOOM = 12.5;
/** MapLibre's worker keeps every tile it cut of a GeoJSON source, each with its own copy of the
 *  points in it (and, below the deepest tile asked for, their source copy too): 14 copies of each
 *  dot at the default settings (measured by a heap snapshot). Tiles stop at zoom 10 (over-zoomed to
 *  12.5: 1 tile unit ≈ 0.35 px there) and carry no buffer: circles are not clipped to their tile,
 *  and a query around a point reaches the neighbouring tile (MapLibre pads it by the circle's
 *  radius), so a dot on a tile's edge is drawn and found once, by its own tile. */
const DOTS_SOURCE = { maxzoom: 10, buffer: 0 } as const;
/** The main map's dots come as tiles the analysis worker cuts per request and keeps nothing of
 *  (service/unit-tiles.ts `dotTile`); down to zoom 12, over-zoomed to 12.5. */
const DOTS_TILES_MAX_ZOOM = 12;

/** Fills without MapLibre's antialiasing pass (a 1-pixel line of the fill's colour around every
 *  ring, drawn again each frame): each of these fills has a line layer over its edges anyway (the
 *  communities' white outline, the streets' dashes, the circles' and the outside communities' edge),
 *  and in software WebGL the pass cost ≈ 12 of 95 ms a frame of a drag on the 1 500-community city
 *  and ≈ 16 of 155 ms of a profile change's frame on the 5 000-community one. */
const NO_EDGE_PASS = { 'fill-antialias': false } as const;

const vis = (on: boolean): 'visible' | 'none' => (on ? 'visible' : 'none');
const idIs = (id: string | undefined): FilterSpecification => ['==', ['get', 'id'], id ?? ''];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const isArea: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];
/** only the circle groups switched on (the circles' source holds every group) */
const groups = (o: OverlayOptions): { filter?: FilterSpecification } => (o.circles ? { filter: ['in', ['get', 'circle'], ['literal', [...o.circles]]] } : {});

export function overlayLayers(o: OverlayOptions): LayerSpecification[] {
  const sel = (level: Level) => (o.selection?.level === level ? o.selection.id : undefined);
  return [
    {
      id: 'a-streets-fill',
      type: 'fill',
      source: SOURCES.streets,
      layout: { visibility: vis(o.visible.streets) },
      paint: { 'fill-color': verdictColour(), 'fill-opacity': 0.12, ...NO_EDGE_PASS },
    },
    {
      id: 'a-streets-line',
      type: 'line',
      source: SOURCES.streets,
      layout: { visibility: vis(o.visible.streets), 'line-join': 'round' },
      paint: { 'line-color': '#3a3a3a', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1, 14, 2.5], 'line-dasharray': [3, 2] },
    },
    {
      // a tint under the communities: one merged walk area per group reads as one area; the many
      // overlapping straight circles stay faint so their overlaps do not darken into a blot
      id: 'a-circles-fill',
      type: 'fill',
      source: SOURCES.circles,
      ...groups(o),
      layout: { visibility: vis(o.visible.circles) },
      paint: { 'fill-color': circleColour, 'fill-opacity': ['case', merged, 0.22, 0.07], ...NO_EDGE_PASS },
    },
    {
      id: 'a-communities-fill',
      type: 'fill',
      source: SOURCES.communities,
      filter: isArea,
      layout: { visibility: vis(o.visible.communities) },
      paint: { 'fill-color': verdictColour(), 'fill-opacity': 0.55, ...NO_EDGE_PASS },
    },
    {
      id: 'a-communities-line',
      type: 'line',
      source: SOURCES.communities,
      filter: isArea,
      layout: { visibility: vis(o.visible.communities) },
      paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.3, 15, 1.5] },
    },
    {
      id: 'a-communities-point',
      type: 'circle',
      source: SOURCES.communities,
      filter: isPoint,
      layout: { visibility: vis(o.visible.communities) },
      paint: { 'circle-color': verdictColour(), 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
    },
    {
      // the edge of what is covered, above the community colours, so the area reads as one shape
      id: 'a-circles-line',
      type: 'line',
      source: SOURCES.circles,
      ...groups(o),
      layout: { visibility: vis(o.visible.circles), 'line-join': 'round' },
      paint: {
        'line-color': circleColour,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, ['case', merged, 1.2, 0.6], 15, ['case', merged, 2.5, 1.2]],
        'line-opacity': ['case', merged, 0.95, 0.6],
      },
    },
    {
      // outside every circle: hatched (the verdict colour still shows between the stripes) from
      // the zoom where communities are areas; below it the dots carry a thin ring instead
      id: 'a-outside-hatch',
      type: 'fill',
      source: SOURCES.communities,
      filter: isArea,
      minzoom: DOTS_UNTIL_ZOOM - 0.5,
      layout: { visibility: vis(o.visible.outside) },
      // filters cannot read feature state, so the layer is drawn for all and shown for the outside ones
      paint: { 'fill-pattern': OUTSIDE_HATCH, 'fill-opacity': ['case', isOutside, 0.85, 0], ...NO_EDGE_PASS },
    },
    {
      id: 'a-outside-line',
      type: 'line',
      source: SOURCES.communities,
      filter: isArea,
      minzoom: DOTS_UNTIL_ZOOM - 0.5,
      layout: { visibility: vis(o.visible.outside), 'line-join': 'round' },
      paint: {
        'line-opacity': ['case', isOutside, 1, 0],
        'line-color': OUTSIDE_COLOUR,
        'line-width': ['interpolate', ['linear'], ['zoom'], 12, onlyOutside(1), 16, onlyOutside(2.5)],
      },
    },
    {
      id: 'a-outside-point',
      type: 'circle',
      source: SOURCES.communities,
      filter: isPoint,
      layout: { visibility: vis(o.visible.outside) },
      paint: {
        'circle-stroke-opacity': ['case', isOutside, 1, 0],
        'circle-radius': onlyOutside(10),
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': OUTSIDE_COLOUR,
        'circle-stroke-width': onlyOutside(3),
      },
    },
    {
      id: 'a-facilities-marker',
      type: 'circle',
      source: SOURCES.facilities,
      filter: NOT_CLUSTER,
      layout: { visibility: vis(o.visible.facilities) },
      paint: {
        'circle-color': kindColour(),
        'circle-radius': capacityRadius(),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        // fainter at district zoom, so the verdict dots read first
        'circle-opacity': ['interpolate', ['linear'], ['zoom'], 9, 0.55, 12.5, 1],
      },
    },
    {
      // the kind's character on each marker; no glyphs URL in the style, so MapLibre draws it
      // with the machine's CJK font (works offline)
      id: 'a-facilities-glyph',
      type: 'symbol',
      source: SOURCES.facilities,
      filter: NOT_CLUSTER,
      minzoom: 12,
      layout: { visibility: vis(o.visible.facilities), 'text-field': ['get', 'glyph'], 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#ffffff' },
    },
    ...clusterLayers(SOURCES.facilities, vis(o.visible.facilities)),
    {
      // district zoom: a dot per community in its verdict colour, above the facility markers
      id: 'a-communities-dot',
      type: 'circle',
      source: SOURCES.communityDots,
      maxzoom: DOTS_UNTIL_ZOOM,
      layout: { visibility: vis(o.visible.communities) },
      paint: {
        'circle-color': verdictColour(),
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 12, 5],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 0.6,
      },
    },
    {
      id: 'a-outside-dot',
      type: 'circle',
      source: SOURCES.communityDots,
      maxzoom: DOTS_UNTIL_ZOOM,
      layout: { visibility: vis(o.visible.outside) },
      paint: {
        // a thin ring just outside the dot: the verdict colour still reads first
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, onlyOutside(3.4), 12, onlyOutside(6.5)],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': OUTSIDE_COLOUR,
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, onlyOutside(0.7), 12, onlyOutside(1.2)],
        // lighter while the whole district is in view, so a dense part does not turn orange
        'circle-stroke-opacity': ['interpolate', ['linear'], ['zoom'], 8, ['case', isOutside, 0.55, 0], 12, ['case', isOutside, 1, 0]],
      },
    },
    {
      id: 'a-selected-street',
      type: 'line',
      source: SOURCES.streets,
      filter: idIs(sel('street')),
      paint: { 'line-color': SELECTION_COLOUR, 'line-width': 5 },
    },
    {
      id: 'a-selected-community',
      type: 'line',
      source: SOURCES.communities,
      filter: idIs(sel('community')),
      paint: { 'line-color': SELECTION_COLOUR, 'line-width': 4 },
    },
    {
      id: 'a-selected-facility',
      type: 'circle',
      source: SOURCES.facilities,
      filter: idIs(sel('facility')),
      paint: { 'circle-radius': 20, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': SELECTION_COLOUR, 'circle-stroke-width': 3 },
    },
  ];
}
