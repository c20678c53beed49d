// Clustering of big facility layers (src/map/facility-clusters.ts): only above the threshold,
// a valid style either way (MapLibre's own validator), and the facilities switch hides clusters too.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CLUSTER_ABOVE } from '../../src/map/facility-clusters';
import { overlayLayers, overlaySources, SOURCES } from '../../src/map/layers';
import { LAYER_GROUPS, type LayerGroup } from '../../src/state/layers';
import { BLANK_BASE, composeStyle } from '../../src/map/style';

const points = (n: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [108.9 + i * 1e-5, 34.1] },
    properties: { id: `F${i}`, name: `F${i}`, kind: 'day_care', group: 'elderly', glyph: '日' },
  })),
});
const visible = (facilities: boolean) => ({ ...(Object.fromEntries(LAYER_GROUPS.map((g) => [g, true])) as Record<LayerGroup, boolean>), facilities });

describe('facility clusters', () => {
  it('a layer of the threshold size is drawn singly, one more facility clusters it', () => {
    expect(overlaySources({ [SOURCES.facilities]: points(CLUSTER_ABOVE) })[SOURCES.facilities].cluster).toBeUndefined();
    expect(overlaySources({ [SOURCES.facilities]: points(CLUSTER_ABOVE + 1) })[SOURCES.facilities].cluster).toBe(true);
  });

  it('the clustered style validates with zero errors, and single markers exclude clusters', () => {
    const layers = overlayLayers({ visible: visible(true), selection: null });
    const style = composeStyle(BLANK_BASE, overlaySources({ [SOURCES.facilities]: points(CLUSTER_ABOVE + 1) }), layers);
    expect(validateStyleMin(style)).toEqual([]);
    expect(layers.find((l) => l.id === 'a-facilities-marker')).toMatchObject({ filter: ['!', ['has', 'point_count']] });
    expect(layers.find((l) => l.id === 'a-facilities-cluster')).toMatchObject({ filter: ['has', 'point_count'] });
  });

  it('switching facilities off hides the clusters and their counts as well', () => {
    const off = overlayLayers({ visible: visible(false), selection: null });
    for (const id of ['a-facilities-cluster', 'a-facilities-cluster-count']) expect(off.find((l) => l.id === id)?.layout).toMatchObject({ visibility: 'none' });
  });
});
