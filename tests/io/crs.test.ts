import { describe, expect, it } from 'vitest';
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
  it('codes outside 4513–4554 are not Gauss-Krüger zones', () => {
    expect(gaussKrugerDef(4512)).toBeUndefined();
    expect(gaussKrugerDef(4555)).toBeUndefined();
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
  it('reads the ESRI .prj GDAL writes for zone 36 with prefix, and for CM 108°E without', () => {
    const prj = (zip: string, name: string) => new TextDecoder().decode(unzipSync(bytes(zip))[name]);
    expect(crsFromPrj(prj('communities-gk36-gbk.zip', 'communities_gk36.prj')).code).toBe('EPSG:4524');
    expect(crsFromPrj(prj('facilities-cm108-gbk.zip', 'facilities_cm108.prj')).code).toBe('EPSG:4545');
    expect(crsFromPrj(prj('facilities-3857-utf8.zip', 'facilities_3857.prj')).code).toBe('EPSG:3857');
  });
  it('geographic CGCS2000 and WGS84 need no transform', () => {
    const cgcs = 'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]';
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
  });
  it('lon/lat ranges are WGS84; Web Mercator over China is recognised; unprefixed metres are not guessed', () => {
    expect(guessCrs([108.9], [34.2])?.code).toBe('EPSG:4326');
    expect(guessCrs([12127000], [4050000])?.code).toBe('EPSG:3857');
    expect(guessCrs([586536], [3782384])).toBeUndefined();
  });
});
