// A larger extract, written as OSM XML here and converted by osmium into a PBF of many blocks
// (osmium puts at most 8,000 objects in a block): string tables and delta coding restart in every
// block, so the PBF must read exactly as the XML does. Skipped when osmium-tool is not installed (fails on CI).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOsm } from '../../../src/io/osm';
import { syntheticCity } from '../../../scripts/network-city';
import { skipWithoutProgram } from '../../tools';

describe.skipIf(skipWithoutProgram('osmium', 'osmium-tool'))('OSM PBF with many blocks (osmium-tool)', () => {
  it('reads 30,000 nodes and 8,000 ways in many blocks exactly as the XML they came from', () => {
    const city = syntheticCity({ nodes: 30_000, facilities: 0, communities: 0, seed: 4 });
    const ids = new Map<string, number>();
    const nodes: string[] = [];
    const ways: string[] = [];
    city.roads.forEach((r, w) => {
      const coords = r.geometry.type === 'LineString' ? r.geometry.coordinates : r.geometry.coordinates.flat();
      const refs = coords.map(([lon, lat]) => {
        const key = `${lon.toFixed(7)},${lat.toFixed(7)}`;
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size + 1;
          ids.set(key, id);
          // a few tagged nodes with characters that need escaping in XML
          const tag = id % 997 === 0 ? `<tag k="amenity" v="social_facility"/><tag k="name" v="日间照料站 &amp; &lt;${id}&gt;"/>` : '';
          nodes.push(`<node id="${id}" version="1" lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"${tag ? `>${tag}</node>` : '/>'}`);
        }
        return id;
      });
      ways.push(`<way id="${w + 1}" version="1">${refs.map((id) => `<nd ref="${id}"/>`).join('')}<tag k="highway" v="${r.highway}"/><tag k="name" v="路${w}"/></way>`);
    });
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">\n${nodes.join('\n')}\n${ways.join('\n')}\n</osm>\n`;
    const dir = mkdtempSync(join(tmpdir(), 'osm-many-'));
    writeFileSync(join(dir, 'city.osm'), xml);
    const r = spawnSync('osmium', ['cat', join(dir, 'city.osm'), '-o', join(dir, 'city.osm.pbf'), '-O'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const fromXml = importOsm(xml, 'city.osm');
    const fromPbf = importOsm(new Uint8Array(readFileSync(join(dir, 'city.osm.pbf'))), 'city.osm.pbf');
    expect(fromXml.stats.nodes).toBe(ids.size);
    expect(fromXml.stats.ways).toBe(city.roads.length);
    expect(fromPbf.stats).toEqual(fromXml.stats);
    expect(fromPbf.roads).toEqual(fromXml.roads);
    expect(fromPbf.facilities).toEqual(fromXml.facilities);
    expect(fromXml.facilities.length).toBe(Math.floor(ids.size / 997));
    expect(fromXml.facilities[0].name).toBe(`日间照料站 & <997>`);
    // more than one data block really was read
    expect(ids.size + city.roads.length).toBeGreaterThan(3 * 8000);
  });

  it('reads node and way ids beyond 2^32 from PBF (delta-coded 64-bit varints)', () => {
    const xml =
      '<?xml version="1.0"?><osm version="0.6"><node id="12345678901" version="1" lat="34" lon="108"/><node id="12345678902" version="1" lat="34" lon="108.001"/><way id="1300000000" version="1"><nd ref="12345678901"/><nd ref="12345678902"/><tag k="highway" v="footway"/></way></osm>';
    const dir = mkdtempSync(join(tmpdir(), 'osm-ids-'));
    writeFileSync(join(dir, 'ids.osm'), xml);
    expect(spawnSync('osmium', ['cat', join(dir, 'ids.osm'), '-o', join(dir, 'ids.osm.pbf'), '-O']).status).toBe(0);
    const r = importOsm(new Uint8Array(readFileSync(join(dir, 'ids.osm.pbf'))), 'ids.osm.pbf');
    expect(r.roads.map((x) => [x.id, x.geometry])).toEqual([
      [
        'osm-way-1300000000',
        {
          type: 'LineString',
          coordinates: [
            [108, 34],
            [108.001, 34],
          ],
        },
      ],
    ]);
  });
});
