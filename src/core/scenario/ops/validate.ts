// Checks on what an edit operation is asked to write, so a bad form value becomes a clear
// message instead of a broken layer. Counts must be finite and ≥ 0; missing stays missing.
import { COMMUNITY_TYPES, FACILITY_KINDS, type Community, type Facility, type Msg } from '../../model';

export const CAPACITY_FIELDS = ['beds', 'nursingBeds', 'places', 'floorArea', 'landArea'] as const;
export type CapacityField = (typeof CAPACITY_FIELDS)[number];

/** fields counted in whole things (beds, places); areas may be fractional m² */
const WHOLE: ReadonlySet<string> = new Set(['beds', 'nursingBeds', 'places', 'population', 'households', 'elderly', 'infants']);

export function checkNumber(id: string, field: string, v: unknown): Msg | null {
  if (v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    return { key: 'scenario.error.badNumber', args: { id, field, value: String(v) } };
  }
  if (WHOLE.has(field) && !Number.isInteger(v)) {
    return { key: 'scenario.error.notWhole', args: { id, field, value: v } };
  }
  return null;
}

export function checkLonLat(id: string, p: unknown): Msg | null {
  const ok = Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
  return ok ? null : { key: 'scenario.error.badPosition', args: { id, value: JSON.stringify(p) } };
}

function checkRing(id: string, ring: unknown): Msg | null {
  if (!Array.isArray(ring) || ring.length < 4) return { key: 'scenario.error.badRing', args: { id } };
  for (const p of ring) {
    const m = checkLonLat(id, p);
    if (m) return m;
  }
  const a: unknown = ring[0];
  const b: unknown = ring[ring.length - 1];
  if (!Array.isArray(a) || !Array.isArray(b) || a[0] !== b[0] || a[1] !== b[1]) {
    return { key: 'scenario.error.badRing', args: { id } };
  }
  return null;
}

export function checkGeometry(id: string, g: Community['geometry'] | Facility['geometry']): Msg | null {
  switch (g.type) {
    case 'Point':
      return checkLonLat(id, g.coordinates);
    case 'Polygon':
      return firstMsg(g.coordinates.map((r) => () => checkRing(id, r)));
    case 'MultiPolygon':
      return firstMsg(g.coordinates.flatMap((poly) => poly.map((r) => () => checkRing(id, r))));
    default:
      return { key: 'scenario.error.badGeometry', args: { id } };
  }
}

export function checkFacility(f: Facility): Msg | null {
  if (typeof f.id !== 'string' || f.id === '') return { key: 'scenario.error.noId', args: { layer: 'facilities' } };
  if (!FACILITY_KINDS.includes(f.kind)) return { key: 'scenario.error.badKind', args: { id: f.id, value: String(f.kind) } };
  const checks = [
    () => checkGeometry(f.id, f.geometry),
    ...CAPACITY_FIELDS.map((k) => () => checkNumber(f.id, k, f[k])),
    () => checkNumber(f.id, 'socialWorkers', f.socialWorkers),
    () =>
      f.beds !== undefined && f.nursingBeds !== undefined && f.nursingBeds > f.beds
        ? { key: 'scenario.error.nursingOverBeds', args: { id: f.id, nursingBeds: f.nursingBeds, beds: f.beds } }
        : null,
  ];
  return firstMsg(checks);
}

export function checkCommunity(c: Community): Msg | null {
  if (typeof c.id !== 'string' || c.id === '') return { key: 'scenario.error.noId', args: { layer: 'communities' } };
  if (!COMMUNITY_TYPES.includes(c.type)) return { key: 'scenario.error.badType', args: { id: c.id, value: String(c.type) } };
  const fields = ['population', 'households', 'elderly', 'infants', 'builtYear'] as const;
  return firstMsg([() => checkGeometry(c.id, c.geometry), ...fields.map((k) => () => checkNumber(c.id, k, c[k]))]);
}

function firstMsg(checks: (() => Msg | null)[]): Msg | null {
  for (const c of checks) {
    const m = c();
    if (m) return m;
  }
  return null;
}
