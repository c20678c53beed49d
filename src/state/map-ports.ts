// The page map's handles, one set per app (createApp): MapPane fills them when it creates the map
// and empties them when the map goes; saved views, print, autosave, the PNG export and the editing
// tools reach the map through them and do nothing while it is absent.
import { signal, type Signal } from '@preact/signals';
import type { Drawing } from '../map/draw';
import type { MapView, UnitTiles } from '../map/MapView';
import type { Measure } from '../map/measure';
import type { MapHandle } from './views';

/** Makes a map in a container (MapView in the page; the port lets a test or another renderer stand in). */
export type MapFactory = (...args: ConstructorParameters<typeof MapView>) => MapView;

export interface MapPorts {
  /** makes the page's maps (the main map, the compare maps) */
  create: MapFactory;
  /** the main map's extent now, a way to frame one, and its rotation */
  main: { current: MapHandle | null };
  /** the main map's canvas at a pixel ratio (the PNG export, the site report) */
  capture: { current: ((pixelRatio: number) => Promise<HTMLCanvasElement>) | null };
  /** the drawing tools on the main map (map/draw.ts); a signal, so tools show once the map exists */
  drawing: Signal<Drawing | null>;
  /** measuring distances on the main map (map/measure.ts: made by createApp, lent the map by MapPane) */
  measure: Measure;
  /** the analysis worker's vector tiles of communities and streets, which the main map draws
   *  (null: it is fed their GeoJSON instead, as in tests whose client has no tiles) */
  unitTiles: UnitTiles | null;
}

export function createMapPorts(measure: Measure, create: MapFactory, unitTiles: UnitTiles | null = null): MapPorts {
  return { create, main: { current: null }, capture: { current: null }, drawing: signal<Drawing | null>(null), measure, unitTiles };
}
