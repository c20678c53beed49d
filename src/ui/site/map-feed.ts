// The site on the page's map (layers built by map/site-layer.ts); opening a file brings the site
// into view.
import { effect } from '@preact/signals';
import { bboxOf, representativePoint } from '../../core/geo';
import type { MapView } from '../../map/MapView';
import { SITE_SOURCE, siteFeatures, siteLayers } from '../../map/site-layer';
import type { Site } from '../../state/site';

/** MapPane spreads these disposers into its own list. */
export function siteMapEffects(view: MapView, site: Site): (() => void)[] {
  const layers = siteLayers();
  let fed = false;
  let lastShown: unknown = null;
  return [
    effect(() => {
      const data = siteFeatures(site.geometry.value, site.result.value);
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
