// Points copied from Chinese web maps: 高德/腾讯 (GCJ-02) and 百度 (BD-09) → WGS84, through gcoord
// (its inverse is iterative and accurate to well under a metre). Also a hint when a layer looks
// shifted against data already on the map.
import gcoord from 'gcoord';
import Flatbush from 'flatbush';
import type { Geometry, Position } from 'geojson';
import { eachPosition, mapPositions } from './geometry';
import type { SourceFeature, WebCoords } from './types';

const FROM = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

export function toWgs84(p: Position, from: WebCoords): Position {
  if (from === 'wgs84') return p;
  const [x, y] = gcoord.transform([p[0], p[1]] as [number, number], FROM[from], gcoord.WGS84);
  return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
}

/** The reverse, used by tests and to draw "what the file would look like" previews. */
export function fromWgs84(p: Position, to: WebCoords): Position {
  if (to === 'wgs84') return p;
  const [x, y] = gcoord.transform([p[0], p[1]] as [number, number], gcoord.WGS84, FROM[to]);
  return [x, y];
}

export function convertGeometry(g: Geometry, from: WebCoords): Geometry {
  return from === 'wgs84' ? g : mapPositions(g, (p) => toWgs84(p, from));
}

/** Words in file or column names that say where the points were copied from. */
export function coordsFromNames(names: string[]): WebCoords | undefined {
  const s = names.join(' ').toLowerCase();
  if (/bd-?09|baidu|百度|bmap/.test(s)) return 'bd09';
  if (/gcj|amap|gaode|高德|腾讯|tencent|火星/.test(s)) return 'gcj02';
  return undefined;
}

export interface ShiftHint {
  /** the reading whose points lie closest to the reference data */
  best: WebCoords;
  /** median metres from each point to the nearest reference position, per reading */
  medianMetres: Record<WebCoords, number>;
}

const M_PER_DEG = 111_320;

/**
 * Tries the file as WGS84, GCJ-02 and BD-09 and measures, for each, the median distance from its
 * points to the nearest position of reference data already on the map (road vertices, community
 * corners). The offsets are 300–700 m (GCJ-02) and about 1 km (BD-09) in mainland cities, but
 * against dense reference data a wrong reading still lands near *some* vertex, so the test is
 * relative: a conversion is suggested when it at least halves the WGS84 median and gains ≥ 20 m.
 * Distances use a local equirectangular approximation (cos of the mean latitude), fine at city scale.
 */
export function shiftHint(features: SourceFeature[], reference: Position[], maxPoints = 2000): ShiftHint | undefined {
  const pts: Position[] = [];
  for (const f of features) {
    if (f.geometry) eachPosition(f.geometry, (p) => pts.length < maxPoints && pts.push(p));
    if (pts.length >= maxPoints) break;
  }
  if (pts.length === 0 || reference.length === 0) return undefined;
  const lat0 = reference.reduce((s, p) => s + p[1], 0) / reference.length;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const index = new Flatbush(reference.length);
  for (const p of reference) index.add(p[0] * kx, p[1]);
  index.finish();
  const median = (from: WebCoords): number => {
    const d = pts.map((p) => nearestMetres(index, reference, toWgs84(p, from), kx));
    d.sort((a, b) => a - b);
    return d[Math.floor(d.length / 2)];
  };
  const medianMetres = { wgs84: median('wgs84'), gcj02: median('gcj02'), bd09: median('bd09') };
  const [first] = (['wgs84', 'gcj02', 'bd09'] as WebCoords[]).sort((a, b) => medianMetres[a] - medianMetres[b]);
  const clear = first !== 'wgs84' && medianMetres[first] * 2 <= medianMetres.wgs84 && medianMetres.wgs84 - medianMetres[first] >= 20;
  return { best: clear ? first : 'wgs84', medianMetres };
}

/** a point farther than this from every reference position (degrees of latitude, ≈ 57 km) counts as
 *  infinitely far: it says nothing about a shift */
const NEAREST_WITHIN = 0.512;

function nearestMetres(index: Flatbush, ref: Position[], p: Position, kx: number): number {
  // the nearest reference position (a best-first search of the tree, not a scan of a radius)
  const [i] = index.neighbors(p[0] * kx, p[1], 1, NEAREST_WITHIN);
  if (i === undefined) return Infinity;
  return Math.hypot((ref[i][0] - p[0]) * kx, ref[i][1] - p[1]) * M_PER_DEG;
}
