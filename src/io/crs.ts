// Coordinate reference systems planners' files arrive in, turned into a lon/lat (WGS84) transform.
// CGCS2000 and WGS84 differ by a few centimetres at city scale, far below what the analysis can
// see, so CGCS2000 geographic is taken as lon/lat unchanged and its Gauss-Krüger zones use GRS80
// (the CGCS2000 ellipsoid) with no datum shift. Web Mercator is inverted exactly.
import proj4 from 'proj4';
import { fail } from './errors';
import type { CrsInfo } from './types';

export const LONLAT = '+proj=longlat +datum=WGS84 +no_defs';

/**
 * CGCS2000 3-degree Gauss-Krüger zones, as the EPSG registry defines them (checked with PROJ's
 * projinfo): EPSG:4513–4533 are zones 25–45 with the zone number prefixed to the false easting
 * (x_0 = zone·10⁶ + 500 000), central meridian 3·zone; EPSG:4534–4554 are the same central
 * meridians 75°E…135°E without the prefix (x_0 = 500 000).
 */
export function gaussKrugerDef(epsg: number): string | undefined {
  if (epsg >= 4513 && epsg <= 4533) {
    const zone = epsg - 4513 + 25;
    return tmerc(zone * 3, zone * 1_000_000 + 500_000);
  }
  if (epsg >= 4534 && epsg <= 4554) return tmerc(75 + (epsg - 4534) * 3, 500_000);
  return undefined;
}

function tmerc(lon0: number, x0: number): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

const WEB_MERCATOR = '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs';

/** EPSG code → proj4 definition; undefined when the code is lon/lat already (no transform). */
export function defForEpsg(code: number): string | null | undefined {
  if (code === 4326 || code === 4490 || code === 4610 || code === 4214) return null; // lon/lat
  if (code === 3857 || code === 900913 || code === 102100 || code === 3785) return WEB_MERCATOR;
  return gaussKrugerDef(code);
}

/** Parses "EPSG:4524", "4524", or a proj4 string (+proj=…). Throws a specific message otherwise. */
export function crsFromUser(input: string): CrsInfo {
  const s = input.trim();
  const m = /^(?:epsg:)?(\d{4,6})$/i.exec(s);
  if (m) {
    const code = Number(m[1]);
    const def = defForEpsg(code);
    if (def === undefined) fail('io.err.crsUnknown', { crs: s });
    return def === null ? { code: `EPSG:${code}`, source: 'user' } : { code: `EPSG:${code}`, source: 'user', proj4: def };
  }
  if (s.startsWith('+proj=') || s.startsWith('PROJCS[') || s.startsWith('GEOGCS[')) {
    checkProj4(s, s);
    if (/^\+proj=(longlat|latlong)\b/.test(s) || s.startsWith('GEOGCS[')) return { code: 'custom', source: 'user' };
    return { code: 'custom', source: 'user', proj4: s };
  }
  return fail('io.err.crsUnknown', { crs: s });
}

function checkProj4(def: string, shown: string): void {
  try {
    proj4(def, LONLAT, [0, 0]);
  } catch (e) {
    fail('io.err.crsInvalid', { crs: shown.slice(0, 120), detail: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * Reads an ESRI/OGC WKT .prj. Known Chinese systems are recognised by name or authority code and
 * mapped to the definitions above (so a .prj and "--crs EPSG:…" give identical numbers); anything
 * else goes through proj4's WKT parser.
 */
export function crsFromPrj(wkt: string): CrsInfo {
  const s = wkt.trim();
  const auth = /AUTHORITY\["EPSG",\s*"?(\d+)"?\]\s*\]\s*$/i.exec(s);
  if (auth) {
    const def = defForEpsg(Number(auth[1]));
    if (def !== undefined) return def === null ? { code: `EPSG:${auth[1]}`, source: 'prj' } : { code: `EPSG:${auth[1]}`, source: 'prj', proj4: def };
  }
  const name = /^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\["([^"]*)"/i.exec(s);
  if (!name) fail('io.err.prjUnreadable', { text: s.slice(0, 80) });
  const title = name[2];
  const zone = /CGCS2000[_ ]3[_ ]Degree[_ ]GK[_ ]Zone[_ ](\d+)/i.exec(title);
  if (zone) {
    const code = 4513 + Number(zone[1]) - 25;
    if (code >= 4513 && code <= 4533) return { code: `EPSG:${code}`, source: 'prj', proj4: gaussKrugerDef(code) };
  }
  const cm = /CGCS2000[_ ]3[_ ]Degree[_ ]GK[_ ]CM[_ ](\d+)E/i.exec(title);
  if (cm) {
    const code = 4534 + (Number(cm[1]) - 75) / 3;
    if (Number.isInteger(code) && code >= 4534 && code <= 4554) return { code: `EPSG:${code}`, source: 'prj', proj4: gaussKrugerDef(code) };
  }
  if (/^GEOG/i.test(name[1])) {
    // geographic: fine if it is in degrees on an Earth ellipsoid (WGS84, CGCS2000, Xi'an 80 …)
    if (/UNIT\["(Degree|degree)/.test(s) || !/UNIT\[/.test(s)) return { code: /2000/.test(title) ? 'EPSG:4490' : 'EPSG:4326', source: 'prj' };
  }
  if (/Mercator_Auxiliary_Sphere|Pseudo[-_ ]Mercator|Popular Visualisation/i.test(s)) return { code: 'EPSG:3857', source: 'prj', proj4: WEB_MERCATOR };
  checkProj4(s, title);
  return { code: 'custom', source: 'prj', proj4: s };
}

export type XY = [number, number];

/** A function projecting source x/y to lon/lat, or null when the source is already lon/lat. */
export function toLonLat(crs: CrsInfo): ((xy: XY) => XY) | null {
  if (!crs.proj4) return null;
  const conv = proj4(crs.proj4, LONLAT);
  return (xy) => {
    const out = conv.forward([xy[0], xy[1]]);
    return [out[0], out[1]];
  };
}

/**
 * Guess from the numbers when nothing says what they are: 8-digit eastings (zone prefix) name
 * their zone; lon/lat ranges need nothing. Returns undefined when only the user can tell.
 */
export function guessCrs(sampleX: number[], sampleY: number[]): CrsInfo | undefined {
  const xs = sampleX.filter(Number.isFinite);
  const ys = sampleY.filter(Number.isFinite);
  if (xs.length === 0) return undefined;
  // lon/lat when nine in ten pairs are: a few swapped or mistyped rows are reported per row, not
  // allowed to make the whole file look projected
  const n = Math.min(xs.length, ys.length);
  let lonlat = 0;
  for (let i = 0; i < n; i++) if (Math.abs(xs[i]) <= 180 && Math.abs(ys[i]) <= 90) lonlat++;
  if (lonlat >= 0.9 * n) return { code: 'EPSG:4326', source: 'guessed' };
  const zones = new Set(xs.map((x) => Math.floor(x / 1_000_000)));
  if (zones.size === 1) {
    const zone = [...zones][0];
    const northing = ys.every((y) => y > 0 && y < 6_200_000);
    if (zone >= 25 && zone <= 45 && northing) {
      const code = 4513 + zone - 25;
      return { code: `EPSG:${code}`, source: 'guessed', proj4: gaussKrugerDef(code) };
    }
  }
  // Web Mercator metres over China (73°E–136°E, 3°N–54°N): x 8.1–15.2·10⁶, y 0.3–7.2·10⁶; no
  // Gauss-Krüger easting falls there (unprefixed < 10⁶, prefixed ≥ 25·10⁶)
  if (xs.every((x) => x > 8.1e6 && x < 15.2e6) && ys.every((y) => y > 0.3e6 && y < 7.2e6)) {
    return { code: 'EPSG:3857', source: 'guessed', proj4: WEB_MERCATOR };
  }
  return undefined;
}
