// A facility being dragged — its handle and its circle (or walk area) — drawn in an SVG over the
// map instead of through MapLibre's sources. On a software renderer (SwiftShader in headless
// Chromium, a remote desktop without a GPU) every MapLibre frame fills every layer's pixels again:
// ≈ 70 ms of the GPU process at half the pixel ratio on the 1 500-community city, so a drag whose
// handle and circle were MapLibre sources (terra-draw's, then one of ours) drew at most ≈ 14–19
// frames a second. Here a mouse move redraws one path and one dot (the browser's own rasteriser,
// only where they changed), and MapLibre draws again only when the drag's verdicts change
// (feature state) or the camera moves. An SVG, not a canvas: the map's one canvas stays MapLibre's.
import type { FeatureCollection, Position } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { LonLat } from './draw';

/** the drawing tools' purple (map/draw-terra.ts) */
const COLOUR = '#7b2cbf';
const FILL = 'rgba(123, 44, 191, 0.1)';
/** the handle's radius and white rim, CSS pixels (terra-draw's selected point: 9 and 2) */
const HANDLE_RADIUS = 9;
const HANDLE_RIM = 2;
/** a press this close to the handle (CSS pixels) takes it; farther away the map pans */
const HIT_RADIUS = 20;
/** a press moved less than this (CSS pixels) is a click, not a drag (MapLibre's clickTolerance) */
const CLICK_TOLERANCE = 3;

export interface Dragging {
  /** ends the drag without a drop (`done` is not called) */
  stop(): void;
}

const SVG = 'http://www.w3.org/2000/svg';

export class DragOverlay {
  private readonly svg: SVGSVGElement;
  private readonly path: SVGPathElement;
  private readonly dot: SVGCircleElement;
  private handle: LonLat | null = null;
  private area: FeatureCollection | null = null;
  private queued = false;
  /** frames drawn with something on them so far (on the element as data-frames: the drag bench and
   *  drag-city.e2e count the handle's and circle's frames during a drag from it) */
  private drawn = 0;

  constructor(private readonly map: MaplibreMap) {
    const el = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>): SVGElementTagNameMap[K] => {
      const e = document.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      return e;
    };
    this.svg = el('svg', { class: 'drag-overlay', 'aria-hidden': 'true' });
    // over the map's canvas, letting every pointer event through to it
    Object.assign(this.svg.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none', overflow: 'hidden' });
    this.svg.style.display = 'none';
    // as the moving circle's MapLibre layers drew it: fill 0.1, a 2-pixel line dashed 3 : 2 of its width
    this.path = el('path', { fill: FILL, 'fill-rule': 'evenodd', stroke: COLOUR, 'stroke-width': '2', 'stroke-dasharray': '6 4' });
    this.dot = el('circle', { r: String(HANDLE_RADIUS), fill: COLOUR, stroke: '#ffffff', 'stroke-width': String(HANDLE_RIM) });
    this.svg.append(this.path, this.dot);
    map.getCanvasContainer().appendChild(this.svg);
    // the camera moved (a pan, a zoom, a resize): the drawn positions follow
    map.on('move', () => this.schedule());
    map.on('resize', () => this.schedule());
  }

  /** The circle or walk area drawn with the handle (null: none). */
  setArea(area: FeatureCollection | null): void {
    if (area === this.area) return;
    this.area = area;
    this.schedule();
  }

  /** A draggable handle at `at`: a press on it and a move drag it (`onMove` hears each position),
   *  the release ends with `done(where)`. The map does not pan while the handle is held. A press
   *  released without moving (a click, a tap, a hand's tremor) moves nothing and the handle stays
   *  ready; the handle keeps the offset it was grabbed at, so it does not jump under the pointer. */
  drag(at: LonLat, onMove: ((p: LonLat) => void) | undefined, done: (to: LonLat) => void): Dragging {
    const map = this.map;
    const container = map.getCanvasContainer();
    this.handle = at;
    this.schedule();
    let held: number | null = null;
    /** the press and the handle's offset from it (CSS pixels); `moved`: past the click tolerance */
    let grab = { x: 0, y: 0, dx: 0, dy: 0, moved: false };
    let panWas = false;
    const where = (e: PointerEvent): LonLat => {
      const r = container.getBoundingClientRect();
      const p = map.unproject([e.clientX - r.left + grab.dx, e.clientY - r.top + grab.dy]);
      return [p.lng, p.lat];
    };
    const down = (e: PointerEvent) => {
      if (held !== null || !this.handle || !e.isPrimary || (e.pointerType === 'mouse' && e.button !== 0)) return;
      const r = container.getBoundingClientRect();
      const h = map.project(this.handle);
      const [x, y] = [e.clientX - r.left, e.clientY - r.top];
      if (Math.hypot(x - h.x, y - h.y) > HIT_RADIUS) return;
      held = e.pointerId;
      grab = { x: e.clientX, y: e.clientY, dx: h.x - x, dy: h.y - y, moved: false };
      // before MapLibre's own mousedown/touchstart handlers see the press: no pan with the handle
      panWas = map.dragPan.isEnabled();
      map.dragPan.disable();
    };
    /** the handle let go of without a drop: back where the drag began, ready to be taken again */
    const letGo = () => {
      if (held !== null && panWas) map.dragPan.enable();
      held = null;
      if (!grab.moved) return;
      grab.moved = false;
      this.handle = at;
      this.schedule();
      onMove?.(at);
    };
    const move = (e: PointerEvent) => {
      if (e.pointerId !== held) return;
      // a release the page was not told of (the button let go in another window): no drop
      if (e.pointerType !== 'touch' && (e.buttons & 1) === 0) return letGo();
      if (!grab.moved && Math.hypot(e.clientX - grab.x, e.clientY - grab.y) < CLICK_TOLERANCE) return;
      grab.moved = true;
      this.handle = where(e);
      this.schedule();
      onMove?.(this.handle);
    };
    const up = (e: PointerEvent) => {
      if (e.pointerId !== held) return;
      if (!grab.moved) return letGo();
      this.handle = where(e);
      release();
      done(this.handle);
    };
    const release = () => {
      if (held !== null && panWas) map.dragPan.enable();
      held = null;
      container.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
    };
    // a touch taken over by the browser
    const cancel = (e: PointerEvent) => {
      if (e.pointerId === held) letGo();
    };
    container.addEventListener('pointerdown', down, true);
    // on the window: a release over the map's legend or panels (or outside the page) still drops
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    return {
      stop: () => {
        release();
        this.handle = null;
        this.schedule();
      },
    };
  }

  private schedule(): void {
    if (this.queued) return;
    this.queued = true;
    requestAnimationFrame(() => {
      this.queued = false;
      this.draw();
    });
  }

  private draw(): void {
    const hasArea = this.area !== null && this.area.features.length > 0;
    if (!this.handle && !hasArea) {
      this.svg.style.display = 'none';
      return;
    }
    const main = this.map.getCanvas();
    this.svg.setAttribute('width', String(main.clientWidth));
    this.svg.setAttribute('height', String(main.clientHeight));
    this.svg.style.display = '';
    this.path.setAttribute('d', hasArea && this.area ? this.pathOf(this.area) : '');
    if (this.handle) {
      const p = this.map.project(this.handle);
      this.dot.setAttribute('cx', p.x.toFixed(1));
      this.dot.setAttribute('cy', p.y.toFixed(1));
    }
    this.dot.style.display = this.handle ? '' : 'none';
    this.svg.dataset.frames = String(++this.drawn);
  }

  /** every polygon ring in screen pixels (holes cut by the even-odd rule) */
  private pathOf(area: FeatureCollection): string {
    const parts: string[] = [];
    const ring = (r: Position[]) => {
      r.forEach((pos, i) => {
        const p = this.map.project([pos[0], pos[1]]);
        parts.push(`${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`);
      });
      parts.push('Z');
    };
    for (const f of area.features) {
      const geom = f.geometry;
      if (geom?.type === 'Polygon') geom.coordinates.forEach(ring);
      else if (geom?.type === 'MultiPolygon') for (const poly of geom.coordinates) poly.forEach(ring);
    }
    return parts.join('');
  }

  destroy(): void {
    this.svg.remove();
  }
}
