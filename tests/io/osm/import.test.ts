// OpenStreetMap import from a hand-written .osm file and the .osm.pbf files osmium made from it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IoError } from '../../../src/io/errors';
import { importOsm, OSM_ATTRIBUTION, type OsmImport } from '../../../src/io/osm';
import { createNetworkEngine } from '../../../src/core/reach/network-engine';
import { vincenty } from '../../reach/reference';
import { skipWithoutProgram } from '../../tools';

const dir = 'tests/fixtures/osm';
const xml = readFileSync(join(dir, 'changan-small.osm'), 'utf8');
const fromXml = importOsm(xml, 'changan-small.osm');

function summary(r: OsmImport): unknown {
  return {
    roads: r.roads.map((x) => [x.id, x.highway, x.name, x.geometry]),
    facilities: r.facilities.map((f) => [f.id, f.kind, f.name, f.beds, f.places, f.geometry]),
    unmapped: r.unmapped,
    skipped: r.skippedHighways,
    issues: r.issues,
  };
}

describe('OSM XML import', () => {
  it('keeps walkable ways and leaves out the motorway and the foot=no street', () => {
    expect(fromXml.roads.map((r) => r.id).sort()).toEqual([
      'osm-way-101',
      'osm-way-102',
      'osm-way-103',
      'osm-way-104',
      'osm-way-105',
      'osm-way-106',
      'osm-way-109',
      'osm-way-110',
      'osm-way-112',
    ]);
    expect(fromXml.skippedHighways).toEqual({ 'highway=motorway': 1, 'foot=no': 1 });
    expect(fromXml.roads.find((r) => r.id === 'osm-way-101')).toMatchObject({
      highway: 'residential',
      name: '韦曲南街',
      geometry: {
        type: 'LineString',
        coordinates: [
          [108.9, 34.15],
          [108.901, 34.15],
          [108.902, 34.15],
        ],
      },
    });
  });

  it('imports the part of a way inside the extract and says what was cut', () => {
    // way 109: nodes 3, 13, 99999 (missing), 14 → the line 3–13; the lone node 14 is no line
    expect(fromXml.roads.find((r) => r.id === 'osm-way-109')?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [108.902, 34.15],
        [108.903, 34.15],
      ],
    });
    expect(fromXml.issues).toContainEqual({ ref: 'way/109', msg: { key: 'osm.issue.wayCut', args: { ref: 'way/109', missing: 1, total: 4 } } });
  });

  it('maps care facilities to kinds, by tags first and by Chinese name where tags leave it open', () => {
    const byId = new Map(fromXml.facilities.map((f) => [f.id, f]));
    expect(byId.get('osm-node-30')).toMatchObject({ kind: 'elderly_daycare', name: '韦曲街道日间照料中心', extra: { kind_from: 'tags' } });
    expect(byId.get('osm-node-31')).toMatchObject({ kind: 'childcare_centre', places: 60 });
    expect(byId.get('osm-node-33')).toMatchObject({ kind: 'kindergarten_nursery', name: '启航幼儿园' });
    expect(byId.get('osm-node-34')).toMatchObject({ kind: 'health_centre' });
    expect(byId.get('osm-node-36')).toMatchObject({ kind: 'elderly_daycare', extra: { kind_from: 'name' } });
    // the nursing home drawn as a closed way: at the mean of its 4 corners
    // lon (108.9030 + 108.9034 + 108.9034 + 108.9030) / 4 = 108.9032, lat (34.1510 + 34.1510 + 34.1513 + 34.1513) / 4 = 34.15115
    const home = byId.get('osm-way-111');
    expect(home).toMatchObject({ kind: 'elderly_institution', beds: 120, name: '长安区社会福利院' });
    const [lon, lat] = (home?.geometry.type === 'Point' ? home.geometry.coordinates : []) as number[];
    expect(lon).toBeCloseTo(108.9032, 9);
    expect(lat).toBeCloseTo(34.15115, 9);
    // the nursing home drawn as a multipolygon relation: at the mean of its outer way's 4 corners
    // lon (108.8980 + 108.8986 + 108.8986 + 108.8980) / 4 = 108.8983, lat (34.1490 × 2 + 34.1494 × 2) / 4 = 34.1492
    const rel = byId.get('osm-relation-200');
    expect(rel).toMatchObject({ kind: 'elderly_institution', name: '颐养园', extra: { osm: 'relation/200' } });
    const [rlon, rlat] = (rel?.geometry.type === 'Point' ? rel.geometry.coordinates : []) as number[];
    expect(rlon).toBeCloseTo(108.8983, 9);
    expect(rlat).toBeCloseTo(34.1492, 9);
    expect(fromXml.facilities).toHaveLength(7);
  });

  it('lists care-related features no kind fits, with the reason, and ignores the café', () => {
    // one of each, so ordered by their tags
    expect(fromXml.unmapped.map((u) => [u.reason, u.examples])).toEqual([
      ['hospital', ['node/35']],
      ['kindergarten_no_under3', ['node/32']],
      ['social_facility_senior_other', ['node/37']],
    ]);
    expect(fromXml.unmapped[2].tags).toBe('amenity=social_facility social_facility=outreach social_facility:for=senior');
    // relation 201's only outer way is outside the extract: no position, so it is listed, not placed
    expect(fromXml.issues).toContainEqual({ ref: 'relation/201', msg: { key: 'osm.issue.relationFacility', args: { ref: 'relation/201', name: '范围外养老院' } } });
  });

  it('carries the ODbL attribution on the result, every road and every facility', () => {
    expect(fromXml.attribution).toBe(OSM_ATTRIBUTION);
    expect(OSM_ATTRIBUTION).toMatch(/© OpenStreetMap contributors.*ODbL/);
    expect(fromXml.roads.every((r) => r.source === OSM_ATTRIBUTION)).toBe(true);
    expect(fromXml.facilities.every((f) => f.extra.source === OSM_ATTRIBUTION)).toBe(true);
  });

  it('walks the imported grid: shared nodes connect, the footbridge does not', () => {
    const engine = createNetworkEngine(fromXml.roads, { snapDistance: 30 });
    // node 1 (108.900, 34.150) to node 9 (108.902, 34.152): four grid steps. A degree of longitude
    // shrinks northwards (cos φ), so the shortest goes north first along 长安路 and then east along the
    // footway at 34.152 (about 3.6 mm shorter than east first). Summed with Vincenty's formula; the
    // engine uses haversine.
    const north = vincenty(108.9, 34.15, 108.9, 34.151) + vincenty(108.9, 34.151, 108.9, 34.152);
    const east = vincenty(108.9, 34.152, 108.901, 34.152) + vincenty(108.901, 34.152, 108.902, 34.152);
    const p = engine.pairs({
      demand: [
        [108.902, 34.152],
        [108.9005, 34.1524],
      ],
      supply: [[108.9, 34.15]],
      maxDistance: 2000,
    });
    expect(p.distance[0]).toBeCloseTo(east + north, 6);
    // a point on the footbridge 11 m from the footway below it: the bridge joins nothing, so no walk
    expect(p.offsets[2] - p.offsets[1]).toBe(0);
  });

  it('skips objects an editor marked deleted, and says which file is not OSM', () => {
    const josm = `<?xml version="1.0"?><osm version="0.6"><node id="1" lat="34" lon="108"/><node id="2" lat="34" lon="108.001"/><node id="-3" action="delete" lat="34" lon="108.002"/><way id="5"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way><way id="6" action="delete"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way></osm>`;
    const r = importOsm(josm, 'edit.osm');
    expect(r.stats).toMatchObject({ nodes: 2, ways: 1, roads: 1 });
    expect(() => importOsm('{"type":"FeatureCollection"}', 'roads.osm')).toThrow(IoError);
    try {
      importOsm('{"type":"FeatureCollection"}', 'roads.osm');
    } catch (e) {
      expect((e as IoError).msg).toMatchObject({ key: 'osm.err.notOsmXml', args: { file: 'roads.osm' } });
    }
  });

  it('reads a literal ">" inside an attribute value', () => {
    const r = importOsm(`<osm version="0.6"><node id="1" lat="34" lon="108"><tag k="amenity" v="childcare"/><tag k="name" v="a > b 托育"/></node></osm>`, 'gt.osm');
    expect(r.facilities.map((f) => f.name)).toEqual(['a > b 托育']);
  });

  it('names the node whose coordinates are broken', () => {
    expect(() => importOsm('<osm version="0.6"><node id="7" lat="95" lon="108"/></osm>', 'bad.osm')).toThrow(/osm\.err\.badCoord.*"id":7/);
  });
});

describe('OSM PBF import', () => {
  for (const f of ['changan-small.osm.pbf', 'changan-small.raw.osm.pbf', 'changan-small.sparse.osm.pbf']) {
    it(`${f} reads the same as the XML it was made from`, () => {
      const r = importOsm(new Uint8Array(readFileSync(join(dir, f))), f);
      expect(summary(r)).toEqual(summary(fromXml));
      expect(r.stats).toEqual(fromXml.stats);
    });
  }

  it.skipIf(skipWithoutProgram('osmium', 'osmium-tool'))('reads PBF freshly written by osmium from the XML', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'osm-')), 'fresh.osm.pbf');
    const r = spawnSync('osmium', ['cat', join(dir, 'changan-small.osm'), '-o', out, '-O'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(summary(importOsm(new Uint8Array(readFileSync(out)), 'fresh.osm.pbf'))).toEqual(summary(fromXml));
  });

  it.skipIf(skipWithoutProgram('osmium', 'osmium-tool'))('refuses a history file, naming the feature it needs', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'osh-')), 'history.osh.pbf');
    expect(spawnSync('osmium', ['cat', join(dir, 'changan-small.osm'), '-o', out, '-O']).status).toBe(0);
    expect(() => importOsm(new Uint8Array(readFileSync(out)), 'history.osh.pbf')).toThrow(/osm\.err\.pbfFeatures.*HistoricalInformation/);
  });

  it('says where a PBF file is cut off', () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'changan-small.osm.pbf')));
    expect(() => importOsm(bytes.subarray(0, bytes.length - 100), 'cut.osm.pbf')).toThrow(/osm\.err\.pbf(Truncated|Corrupt)/);
  });
});

describe('OSM as importer layers', () => {
  it('gives a roads and a facilities layer with the project field names, attribution and notes', async () => {
    const { osmSourceLayers } = await import('../../../src/io/osm/layers');
    const [roads, facilities] = osmSourceLayers('changan-small.osm', xml);
    expect(roads.name).toBe('changan-small roads');
    expect(roads.features).toHaveLength(fromXml.roads.length);
    expect(roads.features[0].properties).toEqual({ id: 'osm-way-101', name: '韦曲南街', highway: 'residential', source: OSM_ATTRIBUTION });
    expect(roads.notes).toContainEqual({ key: 'osm.note.skippedHighway', args: { why: 'highway=motorway', count: 1 } });
    expect(facilities.features.find((f) => f.properties.id === 'osm-way-111')?.properties).toMatchObject({
      kind: 'elderly_institution',
      beds: 120,
      source: OSM_ATTRIBUTION,
      osm: 'way/111',
    });
    expect(facilities.notes[0]).toEqual({ key: 'osm.attribution' });
    expect(facilities.notes.filter((n) => n.key === 'osm.note.unmapped')).toHaveLength(3);
  });

  it('passes the project schema: roads keep their source, facilities their kind, capacity and attribution', async () => {
    const { osmSourceLayers } = await import('../../../src/io/osm/layers');
    const { parseLayer } = await import('../../../src/schemas/features');
    const [roads, facilities] = osmSourceLayers('changan-small.osm', xml);
    const fc = (l: typeof roads) => ({ type: 'FeatureCollection', features: l.features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: f.geometry })) });
    const r = parseLayer('roads', fc(roads), 'changan-small.osm');
    const f = parseLayer('facilities', fc(facilities), 'changan-small.osm');
    if (!r.ok || !f.ok) throw new Error('schema rejected the OSM layers');
    expect(r.items.every((x) => x.source === OSM_ATTRIBUTION)).toBe(true);
    expect(f.items.map((x) => [x.id, x.kind, x.beds ?? x.places ?? null])).toEqual(fromXml.facilities.map((x) => [x.id, x.kind, x.beds ?? x.places ?? null]));
    expect(f.items.every((x) => x.extra.source === OSM_ATTRIBUTION)).toBe(true);
  });
});

describe('OSM node ids', () => {
  it('keeps ids beyond 2^32 apart (today’s OSM node ids are about 1.2e10)', async () => {
    const { IdTable } = await import('../../../src/io/osm/data');
    const t = new IdTable();
    // 200,000 ids spaced 2^32 + 1 apart from 12,000,000,000: equal low halves would collide in a 32-bit key
    const ids = Array.from({ length: 200_000 }, (_, i) => 12_000_000_000 + i * 4_294_967_297);
    ids.forEach((id, i) => t.set(id, i));
    expect(t.size).toBe(200_000);
    expect(ids.every((id, i) => t.get(id) === i)).toBe(true);
    expect(t.get(12_000_000_001)).toBeUndefined();
    const r = importOsm(
      '<osm version="0.6"><node id="12345678901" lat="34" lon="108"/><node id="12345678902" lat="34" lon="108.001"/><way id="1300000000"><nd ref="12345678901"/><nd ref="12345678902"/><tag k="highway" v="footway"/></way></osm>',
      'big-ids.osm',
    );
    expect(r.roads[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [108, 34],
        [108.001, 34],
      ],
    });
  });
});

describe('OSM through readFile, like every other format', () => {
  it('routes .osm and .osm.pbf to the OSM reader and gives the same two layers from both', async () => {
    const { readFile, formatOf } = await import('../../../src/io/read');
    expect(formatOf('x.osm', new Uint8Array([60]))).toBe('osm');
    expect(formatOf('x.osm.pbf', new Uint8Array([0]))).toBe('osm');
    const fromXmlFile = readFile('changan-small.osm', new Uint8Array(readFileSync(join(dir, 'changan-small.osm'))));
    const fromPbfFile = readFile('changan-small.osm.pbf', new Uint8Array(readFileSync(join(dir, 'changan-small.osm.pbf'))));
    if (!fromXmlFile.ok || !fromPbfFile.ok) throw new Error('readFile refused an OSM file');
    expect(fromXmlFile.layers.map((l) => [l.name, l.format])).toEqual([
      ['changan-small roads', 'osm'],
      ['changan-small facilities', 'osm'],
    ]);
    // same roads and facilities (by id) whichever encoding: the PBF fixture was made from the XML with osmium
    const ids = (r: typeof fromXmlFile) => r.layers.map((l) => l.features.map((f) => f.properties.id).sort());
    expect(ids(fromPbfFile)).toEqual(ids(fromXmlFile));
    expect(fromXmlFile.layers[0].features).toHaveLength(fromXml.roads.length);
  });

  it('a .osm file that is not XML is refused with the file named, not read as something else', async () => {
    const { readFile } = await import('../../../src/io/read');
    const r = readFile('broken.osm', new TextEncoder().encode('id,name\n1,a\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ key: 'osm.err.notOsmXml', args: { file: 'broken.osm' } });
  });
});
