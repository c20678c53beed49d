// Site outlines from real files (tests/fixtures/site, made with GDAL by make-fixtures.sh): each
// accepted format gives site A — the square [1300,1500]×[1000,1200] m of the sample layout, corner
// (108.9141271, 34.1589933), about 200 m × 200 m — with its figures; each bad file a specific message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haversine } from '../../../src/core/geo';
import { checkSite } from '../../../src/core/site';
import { parseProject } from '../../../src/schemas';
import { readSiteFile, type SiteCandidate } from '../../../src/service/site';

const dir = 'tests/fixtures/site/';
const read = (f: string, opts: { crs?: string } = {}) => readSiteFile(f, readFileSync(dir + f), opts);
const loaded = parseProject(readFileSync('data/sample/project.json', 'utf8'), 'project.json');
if (!loaded.ok) throw new Error('sample');
const area = loaded.project;

const CORNER: [number, number] = [108.9141271, 34.1589933];
const A = { households: 1000, elderlyFloorArea: 200, elderlyLand: 253, childcarePlaces: 25, childcareFloorArea: 200, year: 2026 };

function nearestCornerMetres(c: SiteCandidate): number {
  const g = c.input.geometry;
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0];
  return Math.min(...ring.map((p) => haversine([p[0], p[1]], CORNER)));
}

describe('accepted formats', () => {
  it.each([
    ['sites.geojson', 'EPSG:4326'],
    ['sites.csv', 'EPSG:4326'],
    ['sites.xlsx', 'EPSG:4326'],
  ])('%s: three sites with Chinese property names, site A first', async (file) => {
    const r = await read(file);
    if (!r.ok) throw new Error(r.error.key);
    expect(r.candidates).toHaveLength(3);
    const a = r.candidates[0];
    expect(a.input).toMatchObject({ id: 'A', name: '新城壹号', figures: A });
    expect(nearestCornerMetres(a)).toBeLessThan(0.5);
    // 200 m × 200 m on the layout (0.021734° of longitude at 34.16° ≈ 199.97 m)
    expect(a.areaM2).toBeGreaterThan(39_900);
    expect(a.areaM2).toBeLessThan(40_100);
    // B's 户数 "约一千" is named as B's problem
    expect(r.candidates[1].problems).toEqual([{ key: 'site.fig.notNumber', args: expect.objectContaining({ field: 'households', value: '约一千' }) }]);
  });
  it('zipped Shapefile in CGCS2000 3° Gauss-Krüger CM 108°E (EPSG:4545, GBK attributes): projected by GDAL, inverted by us within 0.5 m', async () => {
    const r = await read('site-a-gk36.zip');
    if (!r.ok) throw new Error(r.error.key);
    expect(r.crs[0]).toMatchObject({ code: 'EPSG:4545', source: 'prj' });
    expect(r.candidates).toHaveLength(1);
    expect(r.candidates[0].input).toMatchObject({ id: 'A', name: '新城壹号', figures: A });
    expect(nearestCornerMetres(r.candidates[0])).toBeLessThan(0.5);
  });
  it('KML', async () => {
    const r = await read('site-a.kml');
    if (!r.ok) throw new Error(r.error.key);
    expect(r.candidates[0].input.figures).toEqual(A);
    expect(nearestCornerMetres(r.candidates[0])).toBeLessThan(0.5);
  });
  it('DXF (EPSG:4524 eastings with zone prefix): both closed polylines listed by layer and size; the red line is the large one', async () => {
    const r = await read('site-a.dxf');
    if (!r.ok) throw new Error(r.error.key);
    const byLayer = Object.fromEntries(r.candidates.map((c) => [c.layer, c]));
    expect(Object.keys(byLayer).sort()).toEqual(['建筑', '用地红线']);
    expect(byLayer.用地红线.areaM2).toBeGreaterThan(39_900);
    expect(byLayer.建筑.areaM2).toBeLessThan(5_000);
    expect(nearestCornerMetres(byLayer.用地红线)).toBeLessThan(0.5);
    // a DXF carries no figures: the reviewer enters them; with them the site checks
    const c = checkSite(area, { ...byLayer.用地红线.input, figures: A }, { profiles: ['ca'] });
    expect(c.ok).toBe(true);
  });
});

describe('bad files', () => {
  it('an empty file', async () => {
    expect(await read('site-empty.geojson')).toMatchObject({ ok: false, error: { key: 'io.err.empty', args: { file: 'site-empty.geojson' } }, crsNeeded: false });
  });
  it('a file without any outline', async () => {
    expect(await read('site-nofeatures.geojson')).toMatchObject({ ok: false, error: { key: 'site.err.noPolygonInFile' } });
  });
  it('a self-intersecting outline is read, then refused by the check with where it crosses', async () => {
    const r = await read('site-bowtie.geojson');
    if (!r.ok) throw new Error(r.error.key);
    const c = checkSite(area, { ...r.candidates[0].input, figures: { households: 10 } }, { profiles: ['ca'] });
    expect(c).toMatchObject({ ok: false, error: { key: 'site.err.selfIntersect', args: { file: 'site-bowtie.geojson' } } });
  });
  it('a Shapefile without .prj asks for the coordinate system; given EPSG:4545 it reads site A', async () => {
    const r = await read('site-a-noprj.zip');
    expect(r).toMatchObject({ ok: false, error: { key: 'io.err.crsMissing' }, crsNeeded: true });
    const again = await read('site-a-noprj.zip', { crs: 'EPSG:4545' });
    if (!again.ok) throw new Error(again.error.key);
    expect(nearestCornerMetres(again.candidates[0])).toBeLessThan(0.5);
  });
  it('a .prj of the wrong zone (EPSG:4544, CM 105°E) lands 3° west: the check names the zone', async () => {
    const r = await read('site-a-wrongzone.zip');
    if (!r.ok) throw new Error(r.error.key);
    const c = checkSite(area, r.candidates[0].input, { profiles: ['ca'] });
    expect(c).toMatchObject({ ok: false, error: { key: 'site.err.zone', args: { file: 'site-a-wrongzone.zip', degrees: -3 } } });
    // choosing the right zone fixes it
    const fixed = await read('site-a-wrongzone.zip', { crs: 'EPSG:4545' });
    if (!fixed.ok) throw new Error(fixed.error.key);
    expect(nearestCornerMetres(fixed.candidates[0])).toBeLessThan(0.5);
  });
  it('latitude/longitude swapped in a GeoJSON', async () => {
    const r = await read('site-swapped.geojson');
    if (!r.ok) throw new Error(r.error.key);
    expect(checkSite(area, r.candidates[0].input, { profiles: ['ca'] })).toMatchObject({ ok: false, error: { key: 'site.err.swapped' } });
  });
});
