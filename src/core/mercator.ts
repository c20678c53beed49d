// Web Mercator's unit square (0–1 across the world, y from the north edge): where tiles are cut
// (service/outline-tiles.ts, unit-tiles.ts) and which tiles a view covers (map/tiles-ahead.ts).

export const mercatorX = (lon: number): number => lon / 360 + 0.5;

/** unclamped: ±∞ at the poles */
export function mercatorY(lat: number): number {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
}
