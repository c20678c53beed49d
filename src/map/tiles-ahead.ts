// The tiles MapLibre will ask for of a flat view (no pitch or bearing: its coveringTiles then
// takes the tiles under the view's box), so the page can ask the worker for an opened project's
// outline tiles as soon as the map is framed on it, not only once the page's thread is free for
// the map's next frame (MapView.askAhead).
import { mercatorX as mercX, mercatorY as mercY } from '../core/mercator';

/** [z, x, y] of the 512-pixel tiles of a source up to `maxzoom` under `bounds` (west, south,
 *  east, north) at map zoom `zoom`: tile zoom ⌊zoom⌋ (MapLibre's for 512-pixel tiles), at most
 *  `maxzoom` (over-zoomed beyond). */
export function tilesInView(bounds: readonly [number, number, number, number], zoom: number, maxzoom: number): [number, number, number][] {
  const z = Math.max(0, Math.min(Math.floor(zoom), maxzoom));
  const n = 2 ** z;
  const [west, south, east, north] = bounds;
  const clamp = (v: number) => Math.max(0, Math.min(n - 1, v));
  // a tile whose edge is the view's edge is not under the view
  const [x0, x1] = [clamp(Math.floor(mercX(west) * n)), clamp(Math.ceil(mercX(east) * n) - 1)];
  const [y0, y1] = [clamp(Math.floor(mercY(north) * n)), clamp(Math.ceil(mercY(south) * n) - 1)];
  const out: [number, number, number][] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) out.push([z, x, y]);
  return out;
}
