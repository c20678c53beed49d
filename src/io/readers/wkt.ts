// Well-known text geometries as spreadsheets exported from PostGIS, QGIS or GDAL carry them
// ("POLYGON ((x y, …))", EWKT "SRID=4524;POINT (…)"). Z and M values are dropped.
import type { Geometry, Position } from 'geojson';

type Nested = Position | Nested[];

/** Parses one WKT geometry; undefined when the text is not WKT this reader knows. */
export function parseWkt(text: string): { geometry: Geometry; srid?: number } | undefined {
  const m = /^\s*(?:SRID=(\d+);)?\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON)\s*(?:ZM|Z|M)?\s*(\(.*\)|EMPTY)\s*$/is.exec(text);
  if (!m) return undefined;
  const type = m[2].toUpperCase();
  const srid = m[1] ? Number(m[1]) : undefined;
  if (m[3].toUpperCase() === 'EMPTY') return undefined;
  const body = nest(m[3]);
  if (body === undefined) return undefined;
  const depth = (x: Nested): number => (typeof x[0] === 'number' ? 0 : 1 + depth(x[0] as Nested));
  const want: Record<string, number> = { POINT: 1, LINESTRING: 1, POLYGON: 2, MULTIPOINT: 1, MULTILINESTRING: 2, MULTIPOLYGON: 3 };
  // MULTIPOINT may be written "(1 2, 3 4)" or "((1 2), (3 4))"
  let coords: Nested = body;
  if (type === 'MULTIPOINT' && depth(coords) === 2) coords = (coords as Nested[]).map((p) => (p as Nested[])[0]);
  if (type === 'POINT') coords = (coords as Nested[])[0];
  const d = type === 'POINT' ? 0 : depth(coords);
  if (d !== want[type] && !(type === 'POINT' && d === 0)) return undefined;
  const map: Record<string, Geometry['type']> = {
    POINT: 'Point',
    LINESTRING: 'LineString',
    POLYGON: 'Polygon',
    MULTIPOINT: 'MultiPoint',
    MULTILINESTRING: 'MultiLineString',
    MULTIPOLYGON: 'MultiPolygon',
  };
  return { geometry: { type: map[type], coordinates: coords } as Geometry, ...(srid ? { srid } : {}) };
}

/** "((1 2, 3 4), (5 6))" → [[[1,2],[3,4]],[[5,6]]]; a position list is the innermost level. */
function nest(s: string): Nested | undefined {
  let i = 0;
  const parse = (): Nested | undefined => {
    skip();
    if (s[i] !== '(') return undefined;
    i++;
    skip();
    const out: Nested[] = [];
    if (s[i] === '(') {
      for (;;) {
        const child = parse();
        if (!child) return undefined;
        out.push(child);
        skip();
        if (s[i] === ',') i++;
        else if (s[i] === ')') {
          i++;
          return out;
        } else return undefined;
      }
    }
    // a list of positions
    const end = s.indexOf(')', i);
    if (end < 0) return undefined;
    for (const part of s.slice(i, end).split(',')) {
      const nums = part.trim().split(/\s+/).map(Number);
      if (nums.length < 2 || nums.some((n) => !Number.isFinite(n))) return undefined;
      out.push([nums[0], nums[1]]);
    }
    i = end + 1;
    return out;
  };
  const skip = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const r = parse();
  skip();
  return r && i === s.length ? r : undefined;
}
