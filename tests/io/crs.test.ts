import { describe, expect, it } from 'vitest';
import '../../src/io/proj4'; // crs.ts's transforms need proj4 (read.ts gives it; this test calls crs.ts alone)
import { crsFromPrj, crsFromUser, gaussKrugerDef, guessCrs, toLonLat } from '../../src/io/crs';
import { bytes, maxDiff, readOk, sourceJson } from './helpers';
import { unzipSync } from 'fflate';

describe('CGCS2000 Gauss-Krüger zones', () => {
  // Expected strings: PROJ's own EPSG database (`projinfo EPSG:n -o PROJ`, PROJ 9.1 on Debian 12),
  // not our generator. Zone 25 = CM 75°E, zone 36 = CM 108°E (Xi'an), zone 45 = CM 135°E.
  const proj = (lon0: number, x0: number) => `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
  it.each([
    [4513, proj(75, 25500000)],
    [4524, proj(108, 36500000)],
    [4533, proj(135, 45500000)],
    [4534, proj(75, 500000)],
    [4545, proj(108, 500000)],
    [4554, proj(135, 500000)],
  ])('EPSG:%i matches PROJ', (code, expected) => {
    expect(gaussKrugerDef(code)).toBe(expected);
  });
  // the other families, also from projinfo: 6° zones (CM 6·zone − 3), Xi'an 1980 (IAU76), Beijing 1954 (Krasovsky)
  const projE = (lon0: number, x0: number, ellps: string) => `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=${ellps} +units=m +no_defs`;
  it.each([
    [4491, projE(75, 13500000, 'GRS80')],
    [4501, projE(135, 23500000, 'GRS80')],
    [4502, projE(75, 500000, 'GRS80')],
    [4512, projE(135, 500000, 'GRS80')],
    [2327, projE(75, 13500000, 'IAU76')],
    [2337, projE(135, 23500000, 'IAU76')],
    [2338, projE(75, 500000, 'IAU76')],
    [2348, projE(135, 500000, 'IAU76')],
    [2349, projE(75, 25500000, 'IAU76')],
    [2360, projE(108, 36500000, 'IAU76')],
    [2369, projE(135, 45500000, 'IAU76')],
    [2370, projE(75, 500000, 'IAU76')],
    [2381, projE(108, 500000, 'IAU76')],
    [2390, projE(135, 500000, 'IAU76')],
    [2401, projE(75, 25500000, 'krass')],
    [2421, projE(135, 45500000, 'krass')],
    [2422, projE(75, 500000, 'krass')],
    [2442, projE(135, 500000, 'krass')],
    [21413, projE(75, 13500000, 'krass')],
    [21423, projE(135, 23500000, 'krass')],
    [21453, projE(75, 500000, 'krass')],
    [21463, projE(135, 500000, 'krass')],
  ])('EPSG:%i matches PROJ', (code, expected) => {
    expect(gaussKrugerDef(code)).toBe(expected);
  });
  it('codes between the families are not Gauss-Krüger zones', () => {
    for (const c of [4490, 4555, 2326, 2391, 2400, 2443, 21412, 21424, 21452, 21464]) expect(gaussKrugerDef(c)).toBeUndefined();
  });
  it("Xi'an 1980 and Beijing 1954 invert on their own ellipsoids, as PROJ's cs2cs does (no datum shift)", () => {
    // cs2cs -f %.9f "+proj=tmerc +lon_0=108 +x_0=36500000 +ellps=IAU76 …" "+proj=longlat +ellps=IAU76"
    const xian = toLonLat(crsFromUser('EPSG:2360'))!([36586536.36, 3782384.1]);
    expect(maxDiff(xian, [108.93849939, 34.165184137])).toBeLessThan(1e-8);
    // cs2cs … "+proj=tmerc +lon_0=111 +x_0=19500000 +ellps=IAU76" (6° zone 19)
    expect(maxDiff(toLonLat(crsFromUser('EPSG:2333'))!([19225000, 3782000]), [108.019304936, 34.129109492])).toBeLessThan(1e-8);
    // cs2cs … "+proj=tmerc +lon_0=108 +x_0=500000 +ellps=krass"
    expect(maxDiff(toLonLat(crsFromUser('EPSG:2433'))!([586536.36, 3782384.1]), [108.938477568, 34.164595381])).toBeLessThan(1e-8);
  });

  it('inverts GDAL/PROJ forward projections to the source lon/lat within 1e-7° (≈1 cm)', () => {
    // GDAL projected the WGS84 source to EPSG:4524 (rounded to 0.1 mm); we project back with proj4js
    const [layer] = readOk('communities-gk36.reference.geojson', bytes('communities-gk36.reference.geojson'));
    expect(layer.crs.code).toBe('EPSG:4524');
    const src = sourceJson('communities.geojson');
    layer.features.forEach((f, i) => {
      expect(maxDiff(f.geometry && 'coordinates' in f.geometry ? f.geometry.coordinates : null, src.features[i].geometry.coordinates)).toBeLessThan(1e-7);
    });
  });
});

describe('.prj and --crs', () => {
  it("reads ESRI .prj names of Xi'an 1980 and Beijing 1954 zones (as projinfo -o WKT1_ESRI writes them)", () => {
    const prj = (name: string) =>
      `PROJCS["${name}",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],UNIT["Meter",1.0]]`;
    expect(crsFromPrj(prj('Xian_1980_3_Degree_GK_Zone_36')).code).toBe('EPSG:2360');
    expect(crsFromPrj(prj('Xian_1980_3_Degree_GK_CM_108E')).code).toBe('EPSG:2381');
    expect(crsFromPrj(prj('Xian_1980_GK_Zone_19')).code).toBe('EPSG:2333');
    expect(crsFromPrj(prj('Beijing_1954_3_Degree_GK_CM_108E')).code).toBe('EPSG:2433');
    expect(crsFromPrj(prj('Beijing_1954_Gauss_Kruger_CM_111E')).code).toBe('EPSG:21459');
    expect(crsFromPrj(prj('CGCS2000_GK_Zone_19')).code).toBe('EPSG:4497');
  });
  it('reads the ESRI .prj GDAL writes for zone 36 with prefix, and for CM 108°E without', () => {
    const prj = (zip: string, name: string) => new TextDecoder().decode(unzipSync(bytes(zip))[name]);
    expect(crsFromPrj(prj('communities-gk36-gbk.zip', 'communities_gk36.prj')).code).toBe('EPSG:4524');
    expect(crsFromPrj(prj('facilities-cm108-gbk.zip', 'facilities_cm108.prj')).code).toBe('EPSG:4545');
    expect(crsFromPrj(prj('facilities-3857-utf8.zip', 'facilities_3857.prj')).code).toBe('EPSG:3857');
  });
  it('geographic CGCS2000 and WGS84 need no transform', () => {
    const cgcs =
      'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]';
    expect(crsFromPrj(cgcs)).toEqual({ code: 'EPSG:4490', source: 'prj' });
    expect(crsFromUser('EPSG:4490').proj4).toBeUndefined();
    expect(toLonLat(crsFromUser('4326'))).toBeNull();
  });
  it('a custom proj string is used as given: a false easting of 0 shifts x by 500 km', () => {
    const custom = crsFromUser('+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs');
    const std = crsFromUser('EPSG:4545');
    const a = toLonLat(custom)!([86536.36, 3782384.1]);
    const b = toLonLat(std)!([586536.36, 3782384.1]);
    expect(maxDiff(a, b)).toBeLessThan(1e-9);
  });
  it('Web Mercator inverse: x = R·λ, so x = 12 127 000 m is 12 127 000 / 6 378 137 rad = 108.9413…°', () => {
    const [lon] = toLonLat(crsFromUser('EPSG:3857'))!([12127000, 4050000]);
    expect(lon).toBeCloseTo((12127000 / 6378137) * (180 / Math.PI), 9);
  });
  it('unknown codes and broken strings give a specific message', () => {
    expect(() => crsFromUser('EPSG:2000')).toThrow(/io\.err\.crsUnknown/);
    expect(() => crsFromUser('+proj=nonsense')).toThrow(/io\.err\.crsInvalid/);
    expect(() => crsFromPrj('hello')).toThrow(/io\.err\.prjUnreadable/);
  });
});

describe('guessing from the numbers', () => {
  it('an 8-digit easting names its zone: 36 586 536 → zone 36 → EPSG:4513 + 36 − 25 = 4524', () => {
    expect(guessCrs([36586536], [3782384])?.code).toBe('EPSG:4524');
    // 6° zone 19 (CM 111°E): EPSG:4491 + 19 − 13 = 4497
    expect(guessCrs([19225000], [3782000])?.code).toBe('EPSG:4497');
  });
  it('lon/lat ranges are WGS84; Web Mercator over China is recognised; unprefixed metres are not guessed', () => {
    expect(guessCrs([108.9], [34.2])?.code).toBe('EPSG:4326');
    expect(guessCrs([12127000], [4050000])?.code).toBe('EPSG:3857');
    expect(guessCrs([586536], [3782384])).toBeUndefined();
  });
});
