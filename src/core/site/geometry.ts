// Is the site outline usable, and is it where the project is? A wrong coordinate system is the
// usual cause of a site that lands far away; the message names the likely cause so the reviewer
// can pick the right system instead of guessing.
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { areaM2, bboxOf, haversine, type BBox } from '../geo';
import type { Layers, Msg } from '../model';
import { ringCrossings } from '../self-intersections';

export type SiteArea = Polygon | MultiPolygon;

/** Mainland China and its islands, generous (as the importer's CHINA_BBOX): outside it a site is misplaced. */
const CHINA: BBox = { minX: 73, minY: 3, maxX: 136, maxY: 54 };
/** A site may reach this far beyond the box of the loaded area (a new estate at the edge of the built-up area). */
export const OUTSIDE_TOLERANCE_M = 2000;

export type GeometryCheck = { ok: true; geometry: SiteArea } | { ok: false; error: Msg };

function polygons(g: SiteArea): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Refuses what is not an outline: no polygon, no area, rings crossing themselves, numbers that are not lon/lat. */
export function checkSiteGeometry(g: Geometry | null | undefined, file: string): GeometryCheck {
  if (!g) return { ok: false, error: { key: 'site.err.noGeometry', args: { file } } };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return { ok: false, error: { key: 'site.err.notPolygon', args: { file, type: g.type } } };
  const polys = polygons(g);
  const rings = polys.flat();
  // stops at the third distinct point: an outline of half a million vertices needs no set of them all
  const threeDistinct = (r: Position[]) => {
    const seen = new Set<string>();
    for (const p of r) if (seen.add(`${p[0]},${p[1]}`).size >= 3) return true;
    return false;
  };
  if (polys.length === 0 || rings.length === 0 || polys.some((p) => p.length === 0 || p[0].length < 4 || !threeDistinct(p[0]))) {
    return { ok: false, error: { key: 'site.err.empty', args: { file } } };
  }
  for (const r of rings) {
    for (const p of r) {
      if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return { ok: false, error: { key: 'site.err.empty', args: { file } } };
      // beyond ±180 is metres, not degrees; a latitude of 90–180 is left to locateSite (swapped lon/lat)
      if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 180) return { ok: false, error: { key: 'site.err.projected', args: { file, x: p[0], y: p[1] } } };
    }
    const a = r[0];
    const b = r[r.length - 1];
    if (a[0] !== b[0] || a[1] !== b[1]) return { ok: false, error: { key: 'site.err.openRing', args: { file } } };
  }
  for (const p of polys) {
    const k = ringCrossings(p, 1);
    if (!k.ok) return { ok: false, error: { key: 'site.err.tooManyVertices', args: { file, vertices: k.vertices, max: k.max } } };
    if (k.at.length > 0) return { ok: false, error: { key: 'site.err.selfIntersect', args: { file, lon: k.at[0][0].toFixed(6), lat: k.at[0][1].toFixed(6) } } };
  }
  if (areaM2(g) < 1) return { ok: false, error: { key: 'site.err.empty', args: { file } } };
  return { ok: true, geometry: g };
}

/** The box of everything loaded: streets, communities and facilities. undefined for an empty project. */
export function projectBounds(layers: Pick<Layers, 'communities' | 'facilities' | 'streets'>): BBox | undefined {
  const b: BBox = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const x of [...layers.streets, ...layers.communities, ...layers.facilities]) {
    const g = bboxOf(x.geometry);
    b.minX = Math.min(b.minX, g.minX);
    b.minY = Math.min(b.minY, g.minY);
    b.maxX = Math.max(b.maxX, g.maxX);
    b.maxY = Math.max(b.maxY, g.maxY);
  }
  return Number.isFinite(b.minX) ? b : undefined;
}

/** Metres from box a to box b (0 when a lies within b), measured at b's latitude. */
function metresBeyond(a: BBox, b: BBox): number {
  const lat = (b.minY + b.maxY) / 2;
  const dx = Math.max(0, b.minX - a.minX, a.maxX - b.maxX);
  const dy = Math.max(0, b.minY - a.minY, a.maxY - b.maxY);
  return haversine([0, lat], [dx, lat]) + dy * 111_195;
}

function shifted(a: BBox, dx: number): BBox {
  return { minX: a.minX + dx, minY: a.minY, maxX: a.maxX + dx, maxY: a.maxY };
}

/**
 * Is the site inside the project's area (within OUTSIDE_TOLERANCE_M of its box)? If not, the
 * message says by how much and the likely cause: latitude and longitude swapped, a Gauss-Krüger
 * zone off by one or more (3° or 6° of longitude), outside China altogether (in the sea, or
 * metres read as degrees), or simply far away (another province or city).
 */
export function locateSite(g: SiteArea, bounds: BBox | undefined, file: string): { ok: true } | { ok: false; error: Msg } {
  const s = bboxOf(g);
  const inChina = s.minX >= CHINA.minX && s.maxX <= CHINA.maxX && s.minY >= CHINA.minY && s.maxY <= CHINA.maxY;
  if (!bounds) return inChina ? { ok: true } : { ok: false, error: { key: 'site.err.abroad', args: { file, lon: s.minX.toFixed(4), lat: s.minY.toFixed(4) } } };
  const off = metresBeyond(s, bounds);
  if (off <= OUTSIDE_TOLERANCE_M) return { ok: true };
  const km = Math.round(off / 100) / 10;
  const fits = (b: BBox) => metresBeyond(b, bounds) <= OUTSIDE_TOLERANCE_M;
  const swapped: BBox = { minX: s.minY, minY: s.minX, maxX: s.maxY, maxY: s.maxX };
  if (fits(swapped)) return { ok: false, error: { key: 'site.err.swapped', args: { file, km } } };
  for (const step of [3, 6]) {
    for (const k of [1, -1, 2, -2]) {
      if (fits(shifted(s, k * step))) return { ok: false, error: { key: 'site.err.zone', args: { file, km, degrees: -k * step, zones: Math.abs(k), width: step } } };
    }
  }
  if (!inChina) return { ok: false, error: { key: 'site.err.abroad', args: { file, lon: s.minX.toFixed(4), lat: s.minY.toFixed(4) } } };
  return { ok: false, error: { key: 'site.err.far', args: { file, km } } };
}
