// Measuring distances on the map: click points, read each segment's and the total length; the
// line and its points are drawn as an extra overlay (MapView.setExtra). While measuring, the map's
// own clicks are muted (a point is not also a selection) and a double-click adds a point instead
// of zooming. The lengths are great-circle (haversine) metres between the clicked points.
import { signal, type ReadonlySignal } from '@preact/signals';
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

export interface MeasureHost {
  maplibre(): MaplibreMap;
  muteClicks(muted: boolean): void;
  draw(fc: FeatureCollection): void;
}

/** one app's measuring (createApp puts it among the map's handles): on or off, the points clicked so far, and the steps */
export interface Measure {
  measuring: ReadonlySignal<boolean>;
  points: ReadonlySignal<LonLat[]>;
  /** MapPane lends its map (null when the map goes) */
  attach(h: MeasureHost | null): void;
  start(): void;
  /** removes the points, keeps measuring */
  clear(): void;
  /** leaves measuring: the line goes too */
  stop(): void;
}

export function createMeasure(): Measure {
  const measuring = signal(false);
  const points = signal<LonLat[]>([]);
  let host: MeasureHost | null = null;
  let stopListening: (() => void) | null = null;

  const stop = (): void => {
    stopListening?.();
    stopListening = null;
    measuring.value = false;
    points.value = [];
    host?.draw(measureFeatures([]));
  };

  const start = (): void => {
    if (!host || measuring.peek()) return;
    const h = host;
    const map = h.maplibre();
    points.value = [];
    measuring.value = true;
    h.muteClicks(true);
    map.doubleClickZoom.disable();
    map.getCanvas().style.cursor = 'crosshair';
    const onClick = (e: MapMouseEvent) => {
      points.value = [...points.peek(), [e.lngLat.lng, e.lngLat.lat]];
      h.draw(measureFeatures(points.value));
    };
    map.on('click', onClick);
    stopListening = () => {
      map.off('click', onClick);
      map.doubleClickZoom.enable();
      map.getCanvas().style.cursor = '';
      h.muteClicks(false);
    };
    h.draw(measureFeatures([]));
  };

  return {
    measuring,
    points,
    attach(h) {
      if (!h) stop();
      host = h;
    },
    start,
    clear() {
      points.value = [];
      host?.draw(measureFeatures([]));
    },
    stop,
  };
}
