// Coordinate reference systems planners' files arrive in, turned into a lon/lat (WGS84) transform.
// CGCS2000 and WGS84 differ by a few centimetres at city scale, far below what the analysis can
// see, so CGCS2000 geographic is taken as lon/lat unchanged and its Gauss-Krüger zones use GRS80
// (the CGCS2000 ellipsoid) with no datum shift. Web Mercator is inverted exactly. Xi'an 1980 and
// Beijing 1954 zones use their own ellipsoids (IAU76, Krasovsky) but no datum shift, because the
// official transformation parameters are not public: the reader says so in a note.
import type proj4Lib from 'proj4';
import { fail } from './errors';
import type { CrsInfo } from './types';
import { errorMessage } from '../core/errors';

type Proj4 = typeof proj4Lib;
let proj4Given: Proj4 | undefined;

/** proj4 for the transforms here, given by ./proj4.ts: the readers' synchronous entry (read.ts,
 *  for the CLI and tests) imports it at once; the app's worker loads it only for a file that needs
 *  a transform (read-lazy.ts), so a lon/lat table goes without it. */
export function useProj4(lib: Proj4): void {
  proj4Given = lib;
}

/** Thrown when a transform is needed before proj4 was given; read-lazy.ts loads it and reads again. */
export class NeedsProj4 extends Error {
  constructor() {
    super('proj4 is not loaded: import src/io/proj4.ts (read.ts does) or read through read-lazy.ts');
  }
}

function proj4(): Proj4 {
  if (!proj4Given) throw new NeedsProj4();
  return proj4Given;
}

export const LONLAT = '+proj=longlat +datum=WGS84 +no_defs';

/**
 * Gauss-Krüger zones of the three Chinese datums, as the EPSG registry numbers them (each family
 * checked against PROJ's projinfo in the tests). "Prefix" families put the zone number in front
 * of the false easting (x_0 = zone·10⁶ + 500 000); the others are named by central meridian and
 * use x_0 = 500 000. Central meridian: 3·zone for 3° zones, 6·zone − 3 for 6° zones.
 */
interface GkFamily {
  first: number;
  last: number;
  ellps: 'GRS80' | 'IAU76' | 'krass';
  width: 3 | 6;
  prefix: boolean;
  /** zone number (prefix) or central meridian (°E) of the first code */
  start: number;
}

const GK_FAMILIES: GkFamily[] = [
  { first: 4513, last: 4533, ellps: 'GRS80', width: 3, prefix: true, start: 25 }, // CGCS2000 3° zones 25–45
  { first: 4534, last: 4554, ellps: 'GRS80', width: 3, prefix: false, start: 75 }, // CGCS2000 3° CM 75–135°E
  { first: 4491, last: 4501, ellps: 'GRS80', width: 6, prefix: true, start: 13 }, // CGCS2000 6° zones 13–23
  { first: 4502, last: 4512, ellps: 'GRS80', width: 6, prefix: false, start: 75 }, // CGCS2000 6° CM 75–135°E
  { first: 2349, last: 2369, ellps: 'IAU76', width: 3, prefix: true, start: 25 }, // Xi'an 1980 3°
  { first: 2370, last: 2390, ellps: 'IAU76', width: 3, prefix: false, start: 75 },
  { first: 2327, last: 2337, ellps: 'IAU76', width: 6, prefix: true, start: 13 }, // Xi'an 1980 6°
  { first: 2338, last: 2348, ellps: 'IAU76', width: 6, prefix: false, start: 75 },
  { first: 2401, last: 2421, ellps: 'krass', width: 3, prefix: true, start: 25 }, // Beijing 1954 3°
  { first: 2422, last: 2442, ellps: 'krass', width: 3, prefix: false, start: 75 },
  { first: 21413, last: 21423, ellps: 'krass', width: 6, prefix: true, start: 13 }, // Beijing 1954 6°
  { first: 21453, last: 21463, ellps: 'krass', width: 6, prefix: false, start: 75 },
];

export function gaussKrugerDef(epsg: number): string | undefined {
  const f = GK_FAMILIES.find((x) => epsg >= x.first && epsg <= x.last);
  if (!f) return undefined;
  const k = epsg - f.first;
  if (f.prefix) {
    const zone = f.start + k;
    return tmerc(f.width === 3 ? zone * 3 : zone * 6 - 3, zone * 1_000_000 + 500_000, f.ellps);
  }
  return tmerc(f.start + k * f.width, 500_000, f.ellps);
}

/** EPSG code of a Gauss-Krüger zone by datum, width and zone number or central meridian. */
function gkCode(ellps: GkFamily['ellps'], width: 3 | 6, prefix: boolean, n: number): number | undefined {
  const f = GK_FAMILIES.find((x) => x.ellps === ellps && x.width === width && x.prefix === prefix);
  if (!f) return undefined;
  const k = prefix ? n - f.start : (n - f.start) / width;
  return Number.isInteger(k) && k >= 0 && f.first + k <= f.last ? f.first + k : undefined;
}

/** Xi'an 1980 and Beijing 1954 are converted without a datum shift (no public parameters). */
export function lacksDatumShift(crs: CrsInfo): boolean {
  return crs.code === 'EPSG:4610' || crs.code === 'EPSG:4214' || (!!crs.proj4 && /\+ellps=(IAU76|krass)\b/.test(crs.proj4));
}

function tmerc(lon0: number, x0: number, ellps: GkFamily['ellps'] = 'GRS80'): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=${ellps} +units=m +no_defs`;
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
  const lib = proj4(); // outside the try: a missing proj4 is not a broken definition
  try {
    lib(def, LONLAT, [0, 0]);
  } catch (e) {
    fail('io.err.crsInvalid', { crs: shown.slice(0, 120), detail: errorMessage(e) });
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
  // ESRI names: CGCS2000_3_Degree_GK_Zone_36, Xian_1980_3_Degree_GK_CM_108E, Beijing_1954_GK_Zone_19,
  // Beijing_1954_Gauss_Kruger_CM_111E …
  const gk = /^(CGCS2000|Xian[_ ]1980|Beijing[_ ]1954)[_ ](3[_ ]Degree[_ ])?(?:GK|Gauss[_ ]Kruger)[_ ](Zone[_ ](\d+)|CM[_ ](\d+)E)$/i.exec(title);
  if (gk) {
    const ellps = /^CGCS/i.test(gk[1]) ? 'GRS80' : /^Xian/i.test(gk[1]) ? 'IAU76' : 'krass';
    const code = gkCode(ellps, gk[2] ? 3 : 6, !!gk[4], Number(gk[4] ?? gk[5]));
    if (code) return { code: `EPSG:${code}`, source: 'prj', proj4: gaussKrugerDef(code) };
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
  const conv = proj4()(crs.proj4, LONLAT);
  return (xy) => {
    const out = conv.forward([xy[0], xy[1]]);
    return [out[0], out[1]];
  };
}

/**
 * Guess from the numbers when nothing says what they are: 8-digit eastings (zone prefix) name
 * their zone; lon/lat ranges need nothing. Returns undefined when only the user can tell.
 */
export function guessCrs(sampleX: number[], sampleY: number[], area?: [number, number, number, number]): CrsInfo | undefined {
  const xs = sampleX.filter(Number.isFinite);
  const ys = sampleY.filter(Number.isFinite);
  if (xs.length === 0) return undefined;
  // lon/lat when nine in ten pairs are, or when every number is in degrees and at least half the
  // pairs read as lon/lat: a few swapped or mistyped rows are reported per row, not allowed to
  // make the whole file look projected (or refused)
  const n = Math.min(xs.length, ys.length);
  let lonlat = 0;
  let degrees = 0;
  for (let i = 0; i < n; i++) {
    if (Math.abs(xs[i]) <= 180 && Math.abs(ys[i]) <= 90) lonlat++;
    if (Math.abs(xs[i]) <= 180 && Math.abs(ys[i]) <= 180) degrees++;
  }
  if (lonlat >= 0.9 * n || (degrees === n && lonlat * 2 >= n)) return { code: 'EPSG:4326', source: 'guessed' };
  const zones = new Set(xs.map((x) => Math.floor(x / 1_000_000)));
  if (zones.size === 1) {
    const zone = [...zones][0];
    const northing = ys.every((y) => y > 0 && y < 6_200_000);
    // zones 25–45 are 3° zones, 13–23 are 6° zones: the prefix says which (the datum it cannot
    // say; CGCS2000 is the national standard since 2008, older data may be Xi'an 1980)
    const code = zone >= 25 && zone <= 45 ? 4513 + zone - 25 : zone >= 13 && zone <= 23 ? 4491 + zone - 13 : undefined;
    if (code && northing) return { code: `EPSG:${code}`, source: 'guessed', proj4: gaussKrugerDef(code) };
  }
  // unprefixed eastings (500 km ± 3° of longitude) say nothing of their zone; the study area does:
  // the 3° zone whose central meridian is nearest its centre, if the points then land in it
  if (area && xs.every((x) => x > 100_000 && x < 900_000) && ys.every((y) => y > 0 && y < 6_200_000)) {
    const cm = 3 * Math.round((area[0] + area[2]) / 2 / 3);
    const code = 4534 + (cm - 75) / 3;
    const def = gaussKrugerDef(code);
    if (def) {
      const conv = proj4()(def, LONLAT);
      const m = 0.5; // degrees of slack around the area
      const inside = xs.slice(0, 50).every((x, i) => {
        const [lon, lat] = conv.forward([x, ys[i]]);
        return lon >= area[0] - m && lon <= area[2] + m && lat >= area[1] - m && lat <= area[3] + m;
      });
      if (inside) return { code: `EPSG:${code}`, source: 'guessed', proj4: def };
    }
  }
  // Web Mercator metres over China (73°E–136°E, 3°N–54°N): x 8.1–15.2·10⁶, y 0.3–7.2·10⁶; no
  // Gauss-Krüger easting falls there (unprefixed < 10⁶, prefixed ≥ 25·10⁶)
  if (xs.every((x) => x > 8.1e6 && x < 15.2e6) && ys.every((y) => y > 0.3e6 && y < 7.2e6)) {
    return { code: 'EPSG:3857', source: 'guessed', proj4: WEB_MERCATOR };
  }
  return undefined;
}
