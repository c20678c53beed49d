// What every reader does after parsing: transform to lon/lat, convert web-map coordinates,
// and gather the column names in file order.
import type { Geometry } from 'geojson';
import { toLonLat } from '../crs';
import { mapPositions, normalizeGeometry } from '../geometry';
import { convertGeometry } from '../webmap';
import type { CrsInfo, SourceFeature, WebCoords } from '../types';

export function reproject(g: Geometry | null, crs: CrsInfo, coords: WebCoords): Geometry | null {
  if (!g) return null;
  g = normalizeGeometry(g);
  const fn = toLonLat(crs);
  const ll = fn
    ? mapPositions(g, (p) => {
        const [x, y] = fn([p[0], p[1]]);
        return [x, y];
      })
    : g;
  return convertGeometry(ll, coords);
}

export function columnsOf(features: SourceFeature[]): string[] {
  const seen = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties)) seen.add(k);
  return [...seen];
}

/** Calls onProgress at most ~100 times over a loop of n items. */
export function progressEvery(n: number, onProgress?: (f: number) => void, from = 0, to = 1): (i: number) => void {
  if (!onProgress || n === 0) return () => {};
  const step = Math.max(1, Math.floor(n / 100));
  return (i) => {
    if (i % step === 0) onProgress(from + ((to - from) * i) / n);
  };
}
