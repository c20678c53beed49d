// Drawing on the map: place a point, draw a polygon and reshape a polygon with terra-draw (a
// maintained drawing library) and its MapLibre adapter; drag a point with our own handle drawn over
// the map (drag-overlay.ts: a move redraws no MapLibre layer). A terra-draw drawing starts it, ends with one
// answer (or null when stopped) and stops it again, so terra-draw holds nothing between drawings
// (and a base-map switch in between cannot leave it with lost layers).
//
// Other code uses the tiny API of `Drawing`; MapPane makes the one instance for the page's map and
// puts it in the app's map ports (state/map-ports.ts), where the tools reach it.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { GeoJSONStoreFeatures, TerraDraw } from 'terra-draw';
import type { DragOverlay } from './drag-overlay';

// terra-draw is loaded with the first drawing (its own chunk, ≈ 40 kB gzipped the page need not
// load to open a project); `loading` is true meanwhile, so the page can say so
type Terra = typeof import('./draw-terra');
let terra: Terra | null = null;
let terraLoad: Promise<Terra> | null = null;

export type LonLat = [number, number];
/** a closed polygon ring: first point = last point, at least 4 points */
export type Ring = LonLat[];

export type DrawKind = 'point' | 'polygon' | 'drag' | 'reshape';

export interface Drawing {
  /** what is being drawn now, or null */
  readonly active: ReadonlySignal<DrawKind | null>;
  /** the drawing tools' code is being fetched (the first drawing of the session) */
  readonly loading: ReadonlySignal<boolean>;
  /** One click on the map → its position; null if stopped first. `keep`: the point stays shown
   *  (e.g. while a form about it is open) until stop() or the next drawing. */
  placePoint(opts?: { keep?: boolean }): Promise<LonLat | null>;
  /** Click the corners, click the first one (or double-click) to close → the ring; null if
   *  stopped. `keep` as for placePoint. */
  drawPolygon(opts?: { keep?: boolean }): Promise<Ring | null>;
  /** A draggable handle at `at`; resolves with where it was dropped (null if stopped).
   *  `onMove` hears every position on the way (several per frame: throttle it). */
  dragPoint(at: LonLat, onMove?: (p: LonLat) => void): Promise<LonLat | null>;
  /** The outline shown with draggable corners (a midpoint dragged adds one); resolves with the
   *  reshaped ring when finish() is called, null if stopped. */
  reshapePolygon(ring: Ring): Promise<Ring | null>;
  /** Ends a reshape with the outline as it is now. */
  finish(): void;
  /** Ends the drawing in progress (its promise resolves null) and clears a kept shape. */
  stop(): void;
}

/** What MapView lends for drawing: the MapLibre map, a switch that mutes its own clicks
 *  (a click that places a point must not also select a unit), and the SVG over the map where
 *  a dragged point is drawn (drag-overlay.ts: not a MapLibre source, so a move redraws no layer). */
export interface DrawHost {
  maplibre(): MaplibreMap;
  muteClicks(muted: boolean): void;
  overlay(): DragOverlay;
}

export function createDrawing(host: DrawHost): Drawing {
  const active = signal<DrawKind | null>(null);
  const loading = signal(false);
  /** a drawing asked for while the tools load: stop() cancels it (it then resolves null) */
  let waiting: { cancel: () => void } | null = null;
  /** the drawing in progress: terra-draw's (kept shown when asked), or a dragged point's `halt` */
  let current: { draw?: TerraDraw; halt?: () => void; finish: (v: unknown) => void } | null = null;
  /** a reshape in progress: how to read its outline now */
  let reshaping: (() => Ring | null) | null = null;
  /** a finished shape still shown (keep: true), read-only */
  let shown: TerraDraw | null = null;

  function halt(draw: TerraDraw): void {
    try {
      draw.stop();
    } catch {
      // the map may already be gone (page closing)
    }
  }

  function end(value: unknown, keep = false): void {
    if (waiting) {
      waiting.cancel();
      waiting = null;
    }
    reshaping = null;
    if (shown) halt(shown);
    shown = null;
    const c = current;
    if (!c) return;
    current = null;
    if (c.draw && keep && value !== null) {
      c.draw.setMode('static');
      shown = c.draw;
    } else if (c.draw) halt(c.draw);
    c.halt?.();
    // the click that finished the drawing reaches the map after terra-draw's pointerup:
    // keep it from selecting the unit under it
    setTimeout(() => {
      if (!current) host.muteClicks(false);
    }, 250);
    active.value = null;
    c.finish(value);
  }

  function begin<T>(kind: DrawKind, setup: (draw: TerraDraw, done: (v: T) => void) => void, keep = false): Promise<T | null> {
    end(null); // one drawing at a time
    if (!terra) return afterLoad(kind, () => begin(kind, setup, keep));
    const draw = terra.newTerraDraw(host.maplibre());
    return new Promise<T | null>((resolve) => {
      current = { draw, finish: (v) => resolve(v as T | null) };
      host.muteClicks(true);
      active.value = kind;
      draw.start();
      setup(draw, (v) => end(v, keep));
    });
  }

  function afterLoad<T>(kind: DrawKind, then: () => Promise<T | null>): Promise<T | null> {
    host.muteClicks(true);
    active.value = kind;
    loading.value = true;
    terraLoad ??= import('./draw-terra').then((m) => (terra = m));
    return new Promise<T | null>((resolve, reject) => {
      let cancelled = false;
      const me = {
        cancel: () => {
          cancelled = true;
          loading.value = false;
          active.value = null;
          host.muteClicks(false);
          resolve(null);
        },
      };
      waiting = me;
      terraLoad?.then(
        () => {
          if (cancelled) return;
          waiting = null;
          loading.value = false;
          then().then(resolve, reject);
        },
        (e: unknown) => {
          terraLoad = null; // a failed fetch may succeed next time
          if (!cancelled) me.cancel();
          reject(e);
        },
      );
    });
  }

  function geometryOf(draw: TerraDraw, id: string | number): GeoJSONStoreFeatures['geometry'] | undefined {
    return draw.getSnapshotFeature(id)?.geometry;
  }

  return {
    active,
    loading,

    placePoint(opts) {
      return begin<LonLat>(
        'point',
        (draw, done) => {
          draw.setMode('point');
          draw.on('finish', (id) => {
            const g = geometryOf(draw, id);
            if (g?.type === 'Point') done([g.coordinates[0], g.coordinates[1]]);
          });
        },
        opts?.keep,
      );
    },

    drawPolygon(opts) {
      return begin<Ring>(
        'polygon',
        (draw, done) => {
          draw.setMode('polygon');
          draw.on('finish', (id) => {
            const g = geometryOf(draw, id);
            if (g?.type === 'Polygon') done(g.coordinates[0].map((c) => [c[0], c[1]] as LonLat));
          });
        },
        opts?.keep,
      );
    },

    dragPoint(at, onMove) {
      // not terra-draw: its handle is a MapLibre source, and every move redrew the whole map
      end(null);
      return new Promise<LonLat | null>((resolve) => {
        const me = { halt: () => dragging.stop(), finish: (v: unknown) => resolve(v as LonLat | null) };
        current = me;
        host.muteClicks(true);
        active.value = 'drag';
        const dragging = host.overlay().drag(at, onMove, (to) => {
          if (current === me) end(to);
        });
      });
    },

    reshapePolygon(ring) {
      return begin<Ring>('reshape', (draw) => {
        draw.setMode('select');
        const coordinates = [ring.map(([x, y]) => [x, y])];
        const [added] = draw.addFeatures([{ type: 'Feature', geometry: { type: 'Polygon', coordinates }, properties: { mode: 'polygon' } }]);
        if (!added?.valid || added.id === undefined) {
          end(null);
          return;
        }
        const id = added.id;
        draw.selectFeature(id);
        reshaping = () => {
          const g = geometryOf(draw, id);
          return g?.type === 'Polygon' ? g.coordinates[0].map((c) => [c[0], c[1]] as LonLat) : null;
        };
      });
    },

    finish() {
      const read = reshaping;
      if (read) end(read());
    },

    stop() {
      end(null);
    },
  };
}
