// The analysis layers, alone and over each kind of base map, checked by MapLibre's own style
// validator (an independent implementation of the spec), plus what the switches change.
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { demoBasemap, protomapsBasemap } from '../../src/map/basemap-style';
import { communityFeatures } from '../../src/map/features';
import { overlayLayers, overlaySources, SOURCES } from '../../src/map/layers';
import { LAYER_GROUPS, type LayerGroup } from '../../src/state/layers';
import { BLANK_BASE, composeStyle, rasterBase } from '../../src/map/style';

const allOn = Object.fromEntries(LAYER_GROUPS.map((g) => [g, true])) as Record<LayerGroup, boolean>;
const square: FeatureCollection = communityFeatures([
  {
    id: 'c1',
    name: '一号',
    type: 'new',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [108.9, 34.1],
          [108.91, 34.1],
          [108.91, 34.11],
          [108.9, 34.1],
        ],
      ],
    },
    extra: {},
  },
]);

describe('overlay layer specs', () => {
  const overlay = overlayLayers({ visible: allOn, selection: { level: 'community', id: 'c1' }, circles: ['elderly'] });
  const sources = overlaySources({ [SOURCES.communities]: square });

  it.each([
    ['no base map', BLANK_BASE],
    ['demo archive', demoBasemap('pmtiles://http://localhost/basemap.pmtiles')],
    ['Protomaps archive', protomapsBasemap('http://localhost/city.pmtiles')],
    ['raster tiles', rasterBase('https://t.example.org/{z}/{x}/{y}.png', '© OSM')],
  ])('validate with zero errors over %s', (_name, base) => {
    const style = composeStyle(base, sources, overlay);
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('the validator does catch a broken layer (so the checks above can fail)', () => {
    const bad = composeStyle(BLANK_BASE, sources, [...overlay, { id: 'bad', type: 'fill', source: SOURCES.communities, paint: { 'fill-color': 42 as unknown as string } }]);
    expect(validateStyleMin(bad).length).toBeGreaterThan(0);
  });

  it('goes under the base map labels and above its fills', () => {
    const base = demoBasemap('pmtiles://x');
    const ids = composeStyle(base, sources, overlay).layers.map((l) => l.id);
    const firstOverlay = ids.indexOf(overlay[0].id);
    const firstLabel = ids.findIndex((id) => base.layers.find((l) => l.id === id)?.type === 'symbol');
    expect(firstOverlay).toBeGreaterThan(ids.indexOf('basemap-land'));
    expect(firstOverlay).toBeLessThan(firstLabel);
    expect(ids.indexOf(overlay[overlay.length - 1].id)).toBeLessThan(firstLabel);
  });

  it('refuses a base map whose source name clashes with ours', () => {
    const clash = { sources: { [SOURCES.streets]: { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } } }, layers: [] };
    expect(() => composeStyle(clash, overlaySources(), overlay)).toThrow(/a-streets/);
  });

  it('a switched-off group hides exactly its layers', () => {
    const off = overlayLayers({ visible: { ...allOn, circles: false }, selection: null });
    const hidden = off.filter((l) => l.layout && 'visibility' in l.layout && l.layout.visibility === 'none').map((l) => l.id);
    expect(hidden).toEqual(['a-circles-fill', 'a-circles-line']);
  });

  it('the circle layers draw only the groups switched on (evaluated by MapLibre’s own filter)', () => {
    const drawn = (circles: string[]) =>
      overlayLayers({ visible: allOn, selection: null, circles })
        .filter((l) => l.id.startsWith('a-circles'))
        .map((l) => {
          const f = featureFilter('filter' in l ? l.filter : undefined, `layers.${l.id}.filter`);
          return ['elderly', 'childcare'].filter((circle) => f.filter({ zoom: 14 }, { type: 3, properties: { circle, facility: '*' } } as never));
        });
    expect(drawn(['elderly'])).toEqual([['elderly'], ['elderly']]);
    expect(drawn(['elderly', 'childcare'])).toEqual([
      ['elderly', 'childcare'],
      ['elderly', 'childcare'],
    ]);
    expect(drawn([])).toEqual([[], []]);
  });

  it('the selection filter names the selected unit and matches nothing otherwise', () => {
    const find = (id: string, o: Parameters<typeof overlayLayers>[0]) => overlayLayers(o).find((l) => l.id === id);
    const sel = find('a-selected-community', { visible: allOn, selection: { level: 'community', id: 'c1' } });
    expect(sel && 'filter' in sel ? sel.filter : null).toEqual(['==', ['get', 'id'], 'c1']);
    const none = find('a-selected-facility', { visible: allOn, selection: { level: 'community', id: 'c1' } });
    expect(none && 'filter' in none ? none.filter : null).toEqual(['==', ['get', 'id'], '']);
  });
});
