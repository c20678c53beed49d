// Many facilities (an imported register of tens of thousands) are drawn merged into counted
// clusters below street zoom. Every marker costs every frame: 50 000 of them took ≈ 300 ms per
// frame in software WebGL (docs/performance-log.md), so each pan or redraw froze the page.
// MapLibre clusters in its own worker (supercluster); the page does no extra work. Projects of
// ordinary size (the demo's 299) are drawn exactly as before.
import type { FilterSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';

/** more facilities than this are clustered below CLUSTER_OPTIONS.clusterMaxZoom */
export const CLUSTER_ABOVE = 5000;
/** at zoom 16 a screen shows ≈ 3 × 1.5 km: a few thousand markers at most, drawn singly */
export const CLUSTER_OPTIONS = { cluster: true, clusterMaxZoom: 15, clusterRadius: 40 } as const;

export const clustered = (fc: FeatureCollection | undefined): boolean => (fc?.features.length ?? 0) > CLUSTER_ABOVE;

const IS_CLUSTER: FilterSpecification = ['has', 'point_count'];
/** single facilities only (every facility when the source is not clustered) */
export const NOT_CLUSTER: FilterSpecification = ['!', ['has', 'point_count']];

const CLUSTER_COLOUR = '#4a4a68';
/** the disc layer: a click on it zooms in to where the cluster splits (MapView) */
export const CLUSTER_LAYER = 'a-facilities-cluster';

/** a disc sized by how many facilities it holds, and the count on it */
export function clusterLayers(source: string, visibility: 'visible' | 'none'): LayerSpecification[] {
  return [
    {
      id: CLUSTER_LAYER,
      type: 'circle',
      source,
      filter: IS_CLUSTER,
      layout: { visibility },
      paint: {
        'circle-color': CLUSTER_COLOUR,
        'circle-opacity': 0.8,
        'circle-radius': ['step', ['get', 'point_count'], 9, 50, 12, 500, 16, 5000, 21],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'a-facilities-cluster-count',
      type: 'symbol',
      source,
      filter: IS_CLUSTER,
      layout: { visibility, 'text-field': ['get', 'point_count_abbreviated'], 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#ffffff' },
    },
  ];
}
