// Pure: the map's search box. Names of streets (街道/镇), communities (社区/村/小区) and
// facilities found by a part of the name (Chinese, no pinyin), or an id typed exactly; and a
// place typed as coordinates ("108.95, 34.27" or "34.27,108.95": which number is the latitude
// is told by the range). Coordinates are WGS84 degrees, as every layer of the project is.
import type { Community, Facility, FacilityKind, Street } from './model';

export type SearchLevel = 'street' | 'community' | 'facility';

export interface SearchHit {
  level: SearchLevel;
  id: string;
  name: string;
  /** the community's street name, or the facility's kind (named by the caller) */
  street?: string;
  kind?: FacilityKind;
}

export interface Searchable {
  communities: readonly Community[];
  facilities: readonly Facility[];
  streets: readonly Street[];
}

const LEVEL_ORDER: Record<SearchLevel, number> = { street: 0, community: 1, facility: 2 };

/** how a name matches the query: 0 the whole name or id, 1 its start, 2 somewhere inside; -1 not */
function matchRank(name: string, id: string, q: string): number {
  const n = name.toLowerCase();
  if (n === q || id.toLowerCase() === q) return 0;
  if (n.startsWith(q)) return 1;
  return n.includes(q) ? 2 : -1;
}

/** normalises what was typed: trimmed, lower case, inner spaces removed (Chinese names have none) */
export function normaliseQuery(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '');
}

/** The best `limit` units whose name contains the query: whole-name matches, then names that
 *  start with it, then the rest; streets before communities before facilities; shorter names first. */
export function searchUnits(u: Searchable, text: string, limit = 8): SearchHit[] {
  const q = normaliseQuery(text);
  if (!q) return [];
  const streetName = new Map(u.streets.map((s) => [s.id, s.name]));
  const found: { hit: SearchHit; rank: number }[] = [];
  const add = (hit: SearchHit) => {
    const rank = matchRank(hit.name.replace(/\s+/g, ''), hit.id, q);
    if (rank >= 0) found.push({ hit, rank });
  };
  for (const s of u.streets) add({ level: 'street', id: s.id, name: s.name });
  for (const c of u.communities) add({ level: 'community', id: c.id, name: c.name, street: c.street ? streetName.get(c.street) : undefined });
  for (const f of u.facilities) add({ level: 'facility', id: f.id, name: f.name, kind: f.kind });
  found.sort(
    (a, b) => a.rank - b.rank || LEVEL_ORDER[a.hit.level] - LEVEL_ORDER[b.hit.level] || a.hit.name.length - b.hit.name.length || a.hit.name.localeCompare(b.hit.name, 'zh'),
  );
  return found.slice(0, limit).map((f) => f.hit);
}

/** China's extent in degrees, for telling longitude from latitude */
const CHINA = { lon: [73, 136], lat: [3, 54] } as const;
const inRange = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;

export type CoordinateAnswer = { ok: true; lon: number; lat: number; swapped: boolean } | { ok: false; reason: 'outside' } | null;

/**
 * Two numbers typed as a place: "108.95, 34.27", "34.27，108.95", "108.95 34.27", "108.95°E 34.27°N".
 * Null when the text is not two numbers (then it is a name); `outside` when they are numbers but no
 * order of them lies in China. `swapped`: the latitude came first.
 */
export function parseCoordinates(text: string): CoordinateAnswer {
  // degree signs, compass letters and 东经/北纬 are decoration; commas and semicolons separate
  const cleaned = text.replace(/[°度东北经纬EeNn]/g, ' ').replace(/[，,;；、]/g, ' ');
  const m = /^\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*$/.exec(cleaned);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (inRange(a, CHINA.lon) && inRange(b, CHINA.lat)) return { ok: true, lon: a, lat: b, swapped: false };
  if (inRange(b, CHINA.lon) && inRange(a, CHINA.lat)) return { ok: true, lon: b, lat: a, swapped: true };
  return { ok: false, reason: 'outside' };
}
