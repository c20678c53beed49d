// Decoder for ECharts' compressed map geometry ("UTF8Encoding": true). Each ring is a string
// of character pairs: code − 64, zigzag-decoded, is the delta from the previous vertex in
// units of 1/encodeScale degree; encodeOffsets gives the starting vertex. This mirrors
// decodeRing() in apache/echarts src/coord/geo/parseGeoJson.ts (scale 1024 unless UTF8Scale says otherwise).
import type { MultiPolygon, Polygon, Position } from 'geojson';

export function decodeRing(encoded: string, offset: readonly [number, number], scale: number): Position[] {
  const out: Position[] = [];
  let prevX = offset[0];
  let prevY = offset[1];
  if (encoded.length % 2 !== 0) throw new Error(`echarts ring has an odd number of characters (${encoded.length})`);
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    out.push([x / scale, y / scale]);
  }
  return out;
}

type Offsets = [number, number];

function isOffsets(v: unknown): v is Offsets {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}

function asArray(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new Error(`echarts map: ${what} is not an array`);
  return v;
}

function decodePolygonRings(rings: unknown, offsets: unknown, scale: number, what: string): Position[][] {
  const rs = asArray(rings, `${what} coordinates`);
  const os = asArray(offsets, `${what} encodeOffsets`);
  if (rs.length !== os.length) throw new Error(`echarts map: ${what} has ${rs.length} rings but ${os.length} offsets`);
  return rs.map((r, i) => {
    const o = os[i];
    if (typeof r !== 'string' || !isOffsets(o)) throw new Error(`echarts map: ${what} ring ${i} is not an encoded string with [x, y] offsets`);
    return decodeRing(r, o, scale);
  });
}

/** Decode one geometry of an encoded echarts map ({type, coordinates, encodeOffsets}). */
export function decodeGeometry(geom: { type: unknown; coordinates: unknown; encodeOffsets?: unknown }, scale = 1024): Polygon | MultiPolygon {
  if (geom.type === 'Polygon') {
    return { type: 'Polygon', coordinates: decodePolygonRings(geom.coordinates, geom.encodeOffsets, scale, 'Polygon') };
  }
  if (geom.type === 'MultiPolygon') {
    const polys = asArray(geom.coordinates, 'MultiPolygon coordinates');
    const offs = asArray(geom.encodeOffsets, 'MultiPolygon encodeOffsets');
    if (polys.length !== offs.length) throw new Error(`echarts map: MultiPolygon has ${polys.length} parts but ${offs.length} offset lists`);
    return { type: 'MultiPolygon', coordinates: polys.map((p, i) => decodePolygonRings(p, offs[i], scale, `MultiPolygon part ${i}`)) };
  }
  throw new Error(`echarts map: geometry type ${String(geom.type)} is not a (Multi)Polygon`);
}
