// Pure: base map + analysis overlay → one MapLibre style. The overlay goes under the base map's
// labels so place names stay readable over the coloured communities.
import type { LayerSpecification, SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

export interface BaseStyle {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

export function composeStyle(base: BaseStyle, overlaySources: Record<string, SourceSpecification>, overlay: LayerSpecification[]): StyleSpecification {
  const clash = Object.keys(overlaySources).find((k) => k in base.sources);
  if (clash) throw new Error(`base map and analysis overlay both define source "${clash}"`);
  // labels: symbol layers, or an image layer of place names marked `metadata.label` (天地图's annotation)
  const firstLabel = base.layers.findIndex((l) => l.type === 'symbol' || (l.metadata as { label?: unknown } | undefined)?.label === true);
  const at = firstLabel === -1 ? base.layers.length : firstLabel;
  return {
    version: 8,
    // no `glyphs`: MapLibre draws every label with the machine's fonts, so text works offline
    sources: { ...base.sources, ...overlaySources },
    layers: [...base.layers.slice(0, at), ...overlay, ...base.layers.slice(at)],
  };
}

/** The base used when the user switches the base map off: a plain background. */
export const BLANK_BASE: BaseStyle = {
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } }],
};

/** An online XYZ raster template (the user's choice; the demo never goes online). */
export function rasterBase(url: string, attribution: string): BaseStyle {
  return {
    sources: { 'user-raster': { type: 'raster', tiles: [url], tileSize: 256, attribution } },
    layers: [...BLANK_BASE.layers, { id: 'user-raster', type: 'raster', source: 'user-raster' }],
  };
}
