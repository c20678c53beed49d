// A user's own Protomaps base map, drawn offline by protomapsBasemap() in Chromium. No real Protomaps
// extract can be downloaded here, so the test writes a tiny archive in the Protomaps schema (layers
// earth/roads/places with their `kind` values, and `script: 'Han'` on Chinese names as Protomaps
// tiles carry it) with our own writer; what is tested is the style path:
// @protomaps/basemaps layers + pmtiles protocol + no glyph/sprite server → map idle, labels placed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { writePmtiles } from '../../scripts/basemap/pmtiles-writer';
import { buildTiles, type LayerSet, type PropertyValue } from '../../scripts/basemap/tiles';
import { preview } from '../../scripts/basemap/preview';
import { browserPath, skipWithout } from '../tools';

const browser = browserPath();

function fc(features: [Geometry, Record<string, PropertyValue>][]): LayerSet[string] {
  return { type: 'FeatureCollection', features: features.map(([geometry, properties]) => ({ type: 'Feature', geometry, properties })) };
}

const square: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [108.9, 34.1],
      [109.0, 34.1],
      [109.0, 34.2],
      [108.9, 34.2],
      [108.9, 34.1],
    ],
  ],
};
const layers: LayerSet = {
  earth: fc([[square, { kind: 'earth' }]]),
  roads: fc([
    [
      {
        type: 'LineString',
        coordinates: [
          [108.9, 34.15],
          [109.0, 34.15],
        ],
      },
      { kind: 'major_road', kind_detail: 'primary', name: '长安大道', script: 'Han', min_zoom: 7 },
    ],
    [
      {
        type: 'LineString',
        coordinates: [
          [108.925, 34.1],
          [108.925, 34.2],
        ],
      },
      { kind: 'minor_road', kind_detail: 'residential', name: '一号路', script: 'Han', min_zoom: 12 },
    ],
  ]),
  places: fc([
    [
      { type: 'Point', coordinates: [108.925, 34.165] },
      { kind: 'locality', name: '韦曲', script: 'Han', 'name:en': 'Weiqu', min_zoom: 8, population_rank: 9 },
    ],
    [
      { type: 'Point', coordinates: [108.975, 34.125] },
      { kind: 'locality', name: '引镇', script: 'Han', 'name:en': 'Yinzhen', min_zoom: 8, population_rank: 8 },
    ],
  ]),
};

describe.skipIf(skipWithout(Boolean(browser), 'Chromium (apt-get install chromium, or set CHROMIUM_PATH)'))('a Protomaps-schema base map in Chromium', () => {
  // which name a label shows (name:zh-Hans / name:en) is checked on the style in basemap-style.test.ts;
  // here both language variants must draw and place the two localities (found by their `name`)
  it.each(['zh', 'en'] as const)(
    'renders offline in the %s variant and places both localities',
    async (lang) => {
      const tiles = buildTiles(layers, { minZoom: 8, maxZoom: 14, bounds: [108.9, 34.1, 109.0, 34.2] });
      const { bytes } = writePmtiles(tiles, { tileType: 'mvt', bounds: [108.9, 34.1, 109.0, 34.2], metadata: { attribution: 'test' } });
      const archive = join(mkdtempSync(join(tmpdir(), 'protomaps-')), 'city.pmtiles');
      writeFileSync(archive, bytes);
      const r = await preview({
        archive,
        out: `tests/output/basemap-protomaps-${lang}.png`,
        center: [108.95, 34.15],
        zoom: 13,
        width: 1366,
        height: 768,
        style: 'light',
        lang,
        browser,
      });
      expect(r.external).toEqual([]);
      expect(r.errors).toEqual([]);
      expect(r.labels).toEqual(expect.arrayContaining(['韦曲', '引镇']));
    },
    60000,
  );
});
