// Measuring distances on the map: click points, read each segment's and the total length; the
// line and its points are drawn as an extra overlay (MapView.setExtra). While measuring, the map's
// own clicks are muted (a point is not also a selection) and a double-click adds a point instead
// of zooming. The lengths are great-circle (haversine) metres between the clicked points.
import { signal } from '@preact/signals';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { Map as MaplibreMap, MapMouseEvent } from 'maplibre-gl';
import { haversine } from '../core/geo';

export type LonLat = [number, number];
export const MEASURE_SOURCE = 'a-measure';
const COLOUR = '#111111';

/** segment lengths in metres between consecutive points, and their sum */
export function lengths(points: readonly LonLat[]): { segments: number[]; total: number } {
  const segments = points.slice(1).map((p, i) => haversine(points[i], p));
  return { segments, total: segments.reduce((a, b) => a + b, 0) };
}

/** "850 m" below a kilometre, "1.23 km" from there (planners read both) */
export function formatLength(m: number, lang: 'zh' | 'en' = 'zh'): string {
  const unit = lang === 'zh' ? { m: ' 米', km: ' 公里' } : { m: ' m', km: ' km' };
  return m < 1000 ? `${Math.round(m)}${unit.m}` : `${(m / 1000).toFixed(m < 10_000 ? 2 : 1)}${unit.km}`;
}

export function measureFeatures(points: readonly LonLat[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      ...(points.length > 1 ? [{ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: points.map((p) => [...p]) }, properties: {} }] : []),
      ...points.map((p, i) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [...p] }, properties: { n: i + 1 } })),
    ],
  };
}

export const MEASURE_LAYERS: LayerSpecification[] = [
  { id: 'a-measure-casing', type: 'line', source: MEASURE_SOURCE, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#ffffff', 'line-width': 6 } },
  {
    id: 'a-measure-line',
    type: 'line',
    source: MEASURE_SOURCE,
    filter: ['==', ['geometry-type'], 'LineString'],
    paint: { 'line-color': COLOUR, 'line-width': 2.5, 'line-dasharray': [3, 2] },
  },
  {
    id: 'a-measure-point',
    type: 'circle',
    source: MEASURE_SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 4.5, 'circle-color': '#ffffff', 'circle-stroke-color': COLOUR, 'circle-stroke-width': 2.5 },
  },
];

/** the measuring state the page shows: on or off, and the points clicked so far */
export const measuring = signal(false);
export const measurePoints = signal<LonLat[]>([]);

export interface MeasureHost {
  maplibre(): MaplibreMap;
  muteClicks(muted: boolean): void;
  draw(fc: FeatureCollection): void;
}

let host: MeasureHost | null = null;
let stopListening: (() => void) | null = null;

/** MapPane lends its map (null when the map goes) */
export function attachMeasure(h: MeasureHost | null): void {
  if (!h) stopMeasure();
  host = h;
}

export function startMeasure(): void {
  if (!host || measuring.peek()) return;
  const h = host;
  const map = h.maplibre();
  measurePoints.value = [];
  measuring.value = true;
  h.muteClicks(true);
  map.doubleClickZoom.disable();
  map.getCanvas().style.cursor = 'crosshair';
  const onClick = (e: MapMouseEvent) => {
    measurePoints.value = [...measurePoints.peek(), [e.lngLat.lng, e.lngLat.lat]];
    h.draw(measureFeatures(measurePoints.value));
  };
  map.on('click', onClick);
  stopListening = () => {
    map.off('click', onClick);
    map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = '';
    h.muteClicks(false);
  };
  h.draw(measureFeatures([]));
}

/** removes the points, keeps measuring */
export function clearMeasure(): void {
  measurePoints.value = [];
  host?.draw(measureFeatures([]));
}

/** leaves measuring: the line goes too */
export function stopMeasure(): void {
  stopListening?.();
  stopListening = null;
  measuring.value = false;
  measurePoints.value = [];
  host?.draw(measureFeatures([]));
}
