// The site on the page's map: its outline (from drawing it or opening its file) and, after a check,
// the straight-line 15-minute circle around its representative point. Fed through MapView.setExtra
// like the suggested sites; opening a file brings the site into view.
import { effect } from '@preact/signals';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection } from 'geojson';
import { bboxOf, representativePoint } from '../../core/geo';
import type { MapView } from '../../map/MapView';
import { circlePolygon } from '../../map/suggest-layer';
import { site } from './store';

export const SITE_SOURCE = 'a-site';
const COLOUR = '#7b2cbf';

export function siteFeatures(): FeatureCollection {
  const g = site.geometry.value;
  const features: Feature[] = [];
  if (g) {
    features.push({ type: 'Feature', geometry: g, properties: { role: 'site' } });
    const r = site.result.value;
    const straight = r?.reach.find((f) => f.mode === 'straight');
    if (straight) features.push({ type: 'Feature', geometry: circlePolygon(representativePoint(g), straight.limit), properties: { role: 'circle' } });
  }
  return { type: 'FeatureCollection', features };
}

export function siteLayers(): LayerSpecification[] {
  return [
    {
      id: 'a-site-circle',
      type: 'line',
      source: SITE_SOURCE,
      filter: ['==', ['get', 'role'], 'circle'],
      paint: { 'line-color': '#2b6cb0', 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    { id: 'a-site-fill', type: 'fill', source: SITE_SOURCE, filter: ['==', ['get', 'role'], 'site'], paint: { 'fill-color': COLOUR, 'fill-opacity': 0.25 } },
    { id: 'a-site-line', type: 'line', source: SITE_SOURCE, filter: ['==', ['get', 'role'], 'site'], paint: { 'line-color': COLOUR, 'line-width': 2.5 } },
  ];
}

/** MapPane spreads these disposers into its own list. */
export function siteMapEffects(view: MapView): (() => void)[] {
  const layers = siteLayers();
  let fed = false;
  let lastShown: unknown = null;
  return [
    effect(() => {
      const data = siteFeatures();
      if (data.features.length === 0 && !fed) return; // nothing yet: leave the style untouched
      fed = true;
      view.setExtra(SITE_SOURCE, data, layers);
    }),
    effect(() => {
      // a site opened from a file may lie anywhere: bring it into view (a drawn one already is)
      // (every read of a file — e.g. again with another coordinate system — is a new outline)
      const g = site.geometry.value;
      if (!g || g === lastShown || site.source.peek() === 'drawn') return;
      lastShown = g;
      const b = bboxOf(g);
      view.focus([b.minX, b.minY, b.maxX, b.maxY], representativePoint(g), 16);
    }),
  ];
}
