// The one adapter between the app and MapLibre (the only module importing maplibre-gl and
// pmtiles). It is fed ready-made GeoJSON and layer specs by the pure builders and reports
// clicks and idleness back; it holds no analysis logic.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { FileSource, PMTiles, Protocol } from 'pmtiles';
import type { Level } from '../core/model';
import { OUTSIDE, stateChanges, stateOf, type UnitStates } from './features';
import { CLICKABLE, overlayLayers, overlaySources, SOURCES, TILED, withSourceLayers, type OverlayOptions, type SourceId, type TiledSourceId } from './layers';
import { CLUSTER_LAYER, CLUSTER_OPTIONS, clustered } from './facility-clusters';
import { DragOverlay } from './drag-overlay';
import { featureDiff } from './feature-diff';
import { FrameHold } from './frame-hold';
import { PaintPacer } from './paint-pacer';
import { composeStyle, type BaseStyle } from './style';
import { hatchImage, OUTSIDE_HATCH } from './theme';
import { TileRequests } from './tile-requests';
import { tilesInView } from './tiles-ahead';

maplibregl.setWorkerUrl(workerUrl);

// One pmtiles:// protocol for the page; archives picked from disk are registered on it by name.
const protocol = new Protocol();
maplibregl.addProtocol('pmtiles', protocol.tile);

/** Makes a user's .pmtiles file readable as `pmtiles://<name>`; returns that URL and the archive. */
function registerPmtilesFile(file: File): { url: string; archive: PMTiles } {
  const archive = new PMTiles(new FileSource(file));
  protocol.add(archive);
  return { url: `pmtiles://${file.name}`, archive };
}

/** What a .pmtiles archive holds (header tile type and metadata): at an address, or a picked file registered under its name. */
export async function readArchive(source: string | File): Promise<{ url: string; tileType: number; metadata: unknown }> {
  const { url, archive } = typeof source === 'string' ? { url: source, archive: new PMTiles(source) } : registerPmtilesFile(source);
  const header = await archive.getHeader();
  return { url, tileType: header.tileType, metadata: await archive.getMetadata() };
}

/** The analysis worker's tiles of a layer (MVT bytes, null where empty): see service/unit-tiles.ts.
 *  `version`: the circles' areas id (ServiceAreas.id); the outlines' tiles are of the worker's layers now. */
export type UnitTiles = (layer: (typeof TILED)[TiledSourceId], z: number, x: number, y: number, version: number) => Promise<Uint8Array | null>;

// One protocol for every map on the page: yy-units://<map>/<layer>/<version>/{z}/{x}/{y}. The
// version changes whenever the layer's data does, so MapLibre asks again; version 0 is "no project
// yet" (for circles: none to draw). The circles' version is the worker's id of the areas shown.
const UNITS = 'yy-units';
/** per map: where its tiles come from, who counts the requests of each layer and version, and the
 *  tiles asked for ahead of MapLibre by their URL (MapView.askAhead) */
const unitSources = new Map<string, { tiles: UnitTiles; requests: TileRequests; answered: () => void; ahead: Map<string, Promise<Uint8Array | null>> }>();
let nextMap = 0;
maplibregl.addProtocol(UNITS, async (params) => {
  const m = /^yy-units:\/\/([^/]+)\/(communities|streets|circles|dots)\/(\d+)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
  const src = m ? unitSources.get(m[1]) : undefined;
  if (!m || !src) throw new Error(`unknown map tile ${params.url}`);
  if (m[3] === '0') return { data: new ArrayBuffer(0) };
  const [layer, version] = [m[2], Number(m[3])];
  src.requests.asked(layer, version);
  const ahead = src.ahead.get(params.url);
  src.ahead.delete(params.url);
  try {
    const bytes = await (ahead ?? src.tiles(layer as (typeof TILED)[TiledSourceId], Number(m[4]), Number(m[5]), Number(m[6]), version));
    return { data: bytes ? (bytes.buffer as ArrayBuffer).slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) : new ArrayBuffer(0) };
  } finally {
    src.requests.answer(layer, version);
    src.answered();
  }
});

export interface MapViewEvents {
  onClick(hit: { level: Level; id: string } | null): void;
  /** what the pointer is over (and where, in CSS pixels of the map), or null when it leaves */
  onHover?(hit: { level: Level; id: string } | null, at: { x: number; y: number } | null): void;
  onIdle(idle: boolean): void;
  /** the first map error since the base map was set (a tile source that cannot be read …) */
  onError(message: string): void;
}

export type Bbox = [number, number, number, number];

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

const CJK = /[\u3400-\u9fff]/;

/** the layers that mark communities outside every circle (layers.ts) */
const OUTSIDE_LAYERS = ['a-outside-hatch', 'a-outside-line', 'a-outside-point', 'a-outside-dot'];

/** collections with more features than this reach MapLibre in slices of this many (sendInSlices) */
const SLICE_ABOVE = 5000;

/** a frame of a drag slower than this, three times, marks the renderer slow: the map's pixel
 *  ratio is halved while a facility is dragged (lighten), and an edit's first frame drawn light (drawEdit) */
const SLOW_FRAME_MS = 50;
const SLOW_FRAMES = 3;
/** WebGL renderers that draw on the CPU (Chromium's SwiftShader, Mesa's llvmpipe and softpipe,
 *  Windows' basic render driver): an opening is drawn light on them from its first frame */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

const CLOCK = {
  now: () => performance.now(),
  later: (fn: () => void, ms: number) => setTimeout(fn, ms),
  cancel: (timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export class MapView {
  private readonly map: maplibregl.Map;
  private base: BaseStyle;
  private overlay: OverlayOptions;
  private readonly data: Partial<Record<SourceId, FeatureCollection>> = {};
  /** the collection each GeoJSON source holds whole (sent and not replaced since) */
  private readonly held: Partial<Record<SourceId, FeatureCollection>> = {};
  private readonly sends = { whole: 0, diff: 0 };
  private readonly states: Partial<Record<SourceId, UnitStates>> = {};
  /** the states the map's source holds right now (none after a new style) */
  private readonly statesHeld: Partial<Record<SourceId, UnitStates>> = {};
  /** overlays owned by one feature (e.g. suggested sites, suggest-layer.ts): own source + layers on top */
  private readonly extras = new Map<string, { data: FeatureCollection; layers: LayerSpecification[]; under?: string }>();
  private applied = new Map<string, string>();
  /** a dragged facility's handle and circle, drawn over the map (drag-overlay.ts) */
  private readonly dragOverlay: DragOverlay;
  private readonly resizeObserver: ResizeObserver;
  private readonly probeObserver: MutationObserver;
  private errorReported = false;
  /** while a drawing (src/map/draw.ts) takes the clicks, units are not selected by them */
  private clicksMuted = false;
  private following = false;
  /** communities whose state says outside every circle shown (setStates) */
  private outsideCount = 0;
  /** this map's key in the yy-units protocol and the current tile URL of each tiled source */
  private readonly unitKey = String(nextMap++);
  private readonly tileUrls: Partial<Record<TiledSourceId, string>> = {};
  private readonly tileVersions: Partial<Record<TiledSourceId, number>> = {};
  private readonly tileRequests = new TileRequests();
  private outlineWaiters: (() => void)[] = [];
  /** askAhead is queued for the end of the page's current work */
  private aheadQueued = false;
  /** drawn() callers, answered at the next idle */
  private idleWaiters: (() => void)[] = [];
  /** while a drag (lighten) or a project being opened (lightenOpen) may lower the pixel ratio */
  private lightening = false;
  /** an edit is being analysed (holdEdit): the map's frames wait for it (frames) */
  private editing = false;
  private opening = false;
  /** whether WebGL says it draws in software (SwiftShader, llvmpipe …): read once, when first asked */
  private softwareGl: boolean | null = null;
  /** the analysis whose verdicts the map was given last (painted) */
  private statesSerial = 0;
  /** frames of drags slower than SLOW_FRAME_MS so far (SLOW_FRAMES of them: a slow renderer) */
  private slowFrames = 0;
  /** an edit was drawn light (drawEdit): sharp at the next animation frame */
  private sharpen = false;
  /** MapLibre frames drawn (data-frames: tests count an edit's) */
  private framesDrawn = 0;
  /** the screen's pixel ratio while the map is drawn at half of it */
  private fullRatio: number | null = null;
  /** the drag or opening is over: the full ratio comes back once the map has drawn what it changed */
  private restoring = false;
  /** verdicts painted behind the map's frames during a drag on a slow renderer (paced) */
  private readonly pacer = new PaintPacer(() => this.lightening && this.slow(), CLOCK);
  /** an edit's frames, held until its data are in (holdEdit) */
  private readonly frames: FrameHold;

  /** `init.unitTiles`: communities and streets come as vector tiles from it (showUnits) instead
   *  of GeoJSON (setData); the main map does this, the compare maps feed GeoJSON of their side. */
  constructor(
    private readonly container: HTMLElement,
    init: { base: BaseStyle; overlay: OverlayOptions; bounds: Bbox | null; unitTiles?: UnitTiles },
    private readonly events: MapViewEvents,
  ) {
    this.base = init.base;
    this.overlay = init.overlay;
    // what the tests (and anyone debugging) read: where the outlines come from
    container.dataset.units = init.unitTiles ? 'tiles' : 'geojson';
    if (init.unitTiles) {
      unitSources.set(this.unitKey, { tiles: init.unitTiles, requests: this.tileRequests, answered: () => this.tileAnswered(), ahead: new Map() });
      for (const id of Object.keys(TILED) as TiledSourceId[]) this.tileUrls[id] = this.tileUrl(id, 0);
    }
    this.map = new maplibregl.Map({
      container,
      style: this.style(),
      bounds: init.bounds ?? undefined,
      fitBoundsOptions: { padding: 24 },
      attributionControl: { compact: false },
      fadeDuration: 0,
      // keep rendering for screenshots in tests and for the "save image" of a browser
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    // every new style (the first one, and each base map switch) starts without feature state
    // the hatching of the outside communities is drawn here, not fetched (no sprite: offline)
    this.map.on('styleimagemissing', (e: { id: string }) => {
      if (e.id === OUTSIDE_HATCH && !this.map.hasImage(OUTSIDE_HATCH)) this.map.addImage(OUTSIDE_HATCH, hatchImage());
    });
    this.map.on('style.load', () => {
      for (const [id, st] of Object.entries(this.states)) if (st) this.applyStates(id as SourceId, st);
      for (const id of this.extras.keys()) this.addExtra(id);
    });
    this.dragOverlay = new DragOverlay(this.map);
    this.frames = new FrameHold(
      this.map,
      () => !this.editing && this.sourcesLoaded(),
      CLOCK,
      () => this.drawEdit(),
    );
    // each source's data event may be the last thing an edit's frame waits for; a camera moved
    // by the user is drawn at once
    this.map.on('data', () => this.frames.checkSoon());
    this.map.on('movestart', () => this.frames.release());
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.listenToPointer();
    this.map.on('render', () => this.frameDrawn());
    this.map.on('idle', () => {
      if (this.restoreRatio()) return; // not idle yet: one more frame, sharp
      this.container.dataset.outsideShown = String(this.countOutsideShown());
      this.container.dataset.zoom = this.map.getZoom().toFixed(2);
      if (this.container.dataset.probe !== undefined) this.probe();
      this.container.dataset.idle = 'true';
      this.events.onIdle(true);
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    });
    // What is drawn (labels, overlay features, the first cluster) is counted only once a test asks
    // by setting data-probe on the container, then on every idle: asking MapLibre for the drawn
    // features costs ≈ 0.3 s of a cold load, which a user's map never needs.
    this.probeObserver = new MutationObserver(() => {
      if (this.container.dataset.probe !== undefined && this.container.dataset.idle === 'true') this.probe();
    });
    this.probeObserver.observe(container, { attributes: true, attributeFilter: ['data-probe'] });
    this.map.on('error', (e) => {
      const message = e.error?.message ?? 'unknown map error';
      console.warn('[map]', message);
      if (!this.errorReported) this.events.onError(message);
      this.errorReported = true;
    });
    // panels opening and closing change the map's width: redraw at once, and say so while it does
    this.resizeObserver = new ResizeObserver(() => {
      this.frames.release(); // a resized canvas is blank until drawn again
      this.busy();
      this.map.resize(); // keeps the centre where it was
    });
    this.resizeObserver.observe(container);
  }

  /** Clicks select units (a cluster zooms in), the pointer's unit is reported for the hover card. */
  private listenToPointer(): void {
    this.map.on('click', (e) => {
      if (this.clicksMuted) return;
      // a cluster of facilities opens up: zoom to where it splits, as web maps do
      if (this.zoomIntoCluster(e.point)) return;
      this.events.onClick(this.hit(e.point));
    });
    this.map.on('mousemove', (e) => {
      // a drawing takes the pointer: no hover card, and no query of the drawn features per move
      if (this.clicksMuted) {
        this.events.onHover?.(null, null);
        return;
      }
      const hit = this.hit(e.point);
      this.map.getCanvas().style.cursor = hit || this.clusterAt(e.point) ? 'pointer' : '';
      this.events.onHover?.(hit, { x: e.point.x, y: e.point.y });
    });
    this.map.on('mouseout', () => this.events.onHover?.(null, null));
  }

  private tileUrl(id: TiledSourceId, version: number): string {
    this.tileVersions[id] = version;
    this.tileRequests.setVersion(TILED[id], version);
    return `${UNITS}://${this.unitKey}/${TILED[id]}/${version}/{z}/{x}/{y}`;
  }

  private tileAnswered(): void {
    if (!this.outlinesAnswered()) return;
    unitSources.get(this.unitKey)?.ahead.clear(); // those MapLibre did not ask for are not needed
    const waiters = this.outlineWaiters;
    this.outlineWaiters = [];
    for (const w of waiters) w();
  }

  /** every tiled outline source has had its tiles of the current version asked for and answered
   *  (not the circles, nor the dots: above their zoom the map never asks for them) */
  private outlinesAnswered(): boolean {
    return (Object.keys(this.tileUrls) as TiledSourceId[]).every((id) => id === SOURCES.circles || id === SOURCES.communityDots || this.tileRequests.settled(TILED[id]));
  }

  /** Resolves once the map's requests for the outlines' current tiles are answered (the worker
   *  cut them; the map draws them next), at once when it has no tiled outlines. Opening a project
   *  asks its first analysis after this, so the outlines show while the worker analyses. */
  outlinesCut(): Promise<void> {
    if (!this.tiled || this.outlinesAnswered()) return Promise.resolve();
    return new Promise((resolve) => this.outlineWaiters.push(resolve));
  }

  /** Resolves once the map has drawn what it was handed (its next idle; at once when idle). */
  drawn(): Promise<void> {
    if (this.container.dataset.idle === 'true') return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Whether communities and streets come as tiles (showUnits) rather than GeoJSON (setData). */
  get tiled(): boolean {
    return unitSources.has(this.unitKey);
  }

  /** The tiled source's data changed (a project opened, an edit; for circles, other areas: their
   *  id as `version`, 0 for none): its tiles are fetched again; feature state (the verdicts) stays. */
  showUnits(id: TiledSourceId, version = (this.tileVersions[id] ?? 0) + 1): void {
    if (this.tileVersions[id] === version) return;
    const url = this.tileUrl(id, version);
    this.tileUrls[id] = url;
    const src = this.map.getSource(id);
    if (src instanceof maplibregl.VectorTileSource) {
      this.busy();
      src.setTiles([url]);
      if (id !== SOURCES.circles) this.askAhead();
    }
  }

  /** Once the page has handed the map what it changed now (a project opened: its layers, then its
   *  framing), the outline tiles of the view are asked for at once: MapLibre asks at its next frame,
   *  which waits until the page's thread is free (the large city's opening: ≈ 0.5–1 s of the page
   *  taking in the project), and the first analysis waits for these tiles (outlinesCut). */
  private askAhead(): void {
    if (this.aheadQueued) return;
    this.aheadQueued = true;
    queueMicrotask(() => {
      this.aheadQueued = false;
      const src = unitSources.get(this.unitKey);
      if (!src || this.map.getPitch() !== 0 || this.map.getBearing() !== 0) return;
      const zoom = this.map.getZoom();
      for (const id of [SOURCES.communities, SOURCES.streets, SOURCES.communityDots] as const) {
        const source = this.map.getSource(id);
        const version = this.tileVersions[id] ?? 0;
        if (!version || !(source instanceof maplibregl.VectorTileSource) || !this.drawnAt(id, zoom)) continue;
        for (const [z, x, y] of tilesInView(this.bounds(), zoom, source.maxzoom)) {
          const url = `${UNITS}://${this.unitKey}/${TILED[id]}/${version}/${z}/${x}/${y}`;
          if (src.ahead.has(url)) continue;
          const bytes = src.tiles(TILED[id], z, x, y, version);
          bytes.catch(() => undefined); // MapLibre's own request reports a failure
          src.ahead.set(url, bytes);
        }
      }
    });
  }

  /** some layer of the source is shown at this zoom (MapLibre asks for its tiles) */
  private drawnAt(id: SourceId, zoom: number): boolean {
    return this.map.getLayersOrder().some((l) => {
      const layer = this.map.getLayer(l);
      return layer?.source === id && layer.visibility !== 'none' && zoom >= (layer.minzoom ?? 0) && zoom < (layer.maxzoom ?? 24);
    });
  }

  private style() {
    const tiled = Object.keys(this.tileUrls) as TiledSourceId[];
    const st = composeStyle(this.base, overlaySources(this.data, this.tileUrls), withSourceLayers(overlayLayers(this.overlay), tiled));
    // extras go on top of everything, base-map labels included (numbered markers must read),
    // unless they name a layer to go under (e.g. areas drawn under the facility markers)
    for (const [id, e] of this.extras) {
      st.sources[id] = { type: 'geojson', data: e.data };
      const at = e.under ? st.layers.findIndex((l) => l.id === e.under) : -1;
      if (at === -1) st.layers.push(...e.layers);
      else st.layers.splice(at, 0, ...e.layers);
    }
    return st;
  }

  /** Sets (or replaces the data of) an extra overlay: its own GeoJSON source `id` and its layers,
   *  drawn above everything (or under the layer `under`) and kept across base-map switches. */
  setExtra(id: string, data: FeatureCollection, layers: LayerSpecification[], under?: string): void {
    this.extras.set(id, { data, layers, ...(under ? { under } : {}) });
    const src = this.map.getSource(id);
    this.busy();
    if (src instanceof maplibregl.GeoJSONSource) src.setData(data);
    else if (this.map.isStyleLoaded()) this.addExtra(id);
  }

  private addExtra(id: string): void {
    const e = this.extras.get(id);
    if (!e || this.map.getSource(id)) return;
    this.map.addSource(id, { type: 'geojson', data: e.data });
    const before = e.under && this.map.getLayer(e.under) ? e.under : undefined;
    for (const l of e.layers) this.map.addLayer(l, before);
  }

  /** Clicks on one layer (e.g. an extra overlay's markers): the clicked feature's properties. The
   *  map's own click handling (unit selection) runs as well. Returns the unsubscribe. */
  onLayerClick(layer: string, listener: (props: Record<string, unknown>) => void): () => void {
    const h = (e: maplibregl.MapLayerMouseEvent) => {
      const p = e.features?.[0]?.properties;
      if (p) listener(p);
    };
    this.map.on('click', layer, h);
    return () => this.map.off('click', layer, h);
  }

  /** Marks the map as not idle until the next 'idle' event, and makes sure there is one: a
   *  repaint is requested even when MapLibre finds nothing new to draw (same value set again).
   *  Asked at the end of the task, so an edit's hold (holdEdit) begun in the same batch of
   *  effects after its data were handed over holds that frame too. */
  private busy(): void {
    this.container.dataset.idle = 'false';
    this.events.onIdle(false);
    queueMicrotask(() => this.map.triggerRepaint());
  }

  private clusterAt(point: maplibregl.PointLike): maplibregl.MapGeoJSONFeature | undefined {
    if (!this.map.getLayer(CLUSTER_LAYER) || this.map.getLayoutProperty(CLUSTER_LAYER, 'visibility') === 'none') return undefined;
    return this.map.queryRenderedFeatures(point, { layers: [CLUSTER_LAYER] })[0];
  }

  private zoomIntoCluster(point: maplibregl.PointLike): boolean {
    const f = this.clusterAt(point);
    const clusterId: unknown = f?.properties?.cluster_id;
    if (!f || typeof clusterId !== 'number' || f.geometry.type !== 'Point') return false;
    const centre = f.geometry.coordinates as [number, number];
    const src = this.map.getSource<maplibregl.GeoJSONSource>(SOURCES.facilities);
    void src?.getClusterExpansionZoom(clusterId).then((zoom) => this.map.easeTo({ center: centre, zoom: zoom + 0.01 }));
    return true;
  }

  private hit(point: maplibregl.PointLike): { level: Level; id: string } | null {
    const layers = CLICKABLE.filter((c) => this.map.getLayer(c.layer) && this.map.getLayoutProperty(c.layer, 'visibility') !== 'none');
    if (layers.length === 0) return null;
    const found = this.map.queryRenderedFeatures(point, { layers: layers.map((c) => c.layer) });
    for (const c of layers) {
      const f = found.find((x) => x.layer.id === c.layer);
      const id: unknown = f?.properties?.id;
      if (typeof id === 'string') return { level: c.level, id };
    }
    return null;
  }

  /** Writes what the map draws now for the test that asked (data-probe), then echoes its request
   *  as data-probed, so the test knows these counts are of the map as it is now. */
  private probe(): void {
    const d = this.container.dataset;
    d.cjkLabels = String(this.countCjkLabels());
    d.extrasShown = this.countExtrasShown();
    d.circlesShown = this.countCirclesShown();
    d.dotsShown = this.dotsShown();
    d.bounds = this.map.getBounds().toArray().flat().join(',');
    d.communityStates = this.heldStates(SOURCES.communities);
    // where the first drawn cluster of facilities is, in pixels (tests and debugging click it)
    const c = this.map.getLayer(CLUSTER_LAYER) ? this.map.queryRenderedFeatures({ layers: [CLUSTER_LAYER] })[0] : undefined;
    if (c && c.geometry.type === 'Point') {
      const px = this.map.project(c.geometry.coordinates as [number, number]);
      d.firstCluster = `${Math.round(px.x)},${Math.round(px.y)}`;
    } else delete d.firstCluster;
    d.probed = d.probe;
  }

  /** The feature state MapLibre holds for each unit of a source, in layer order: a letter per unit
   *  (f fail, p pass, n na, x none; upper case when outside every circle shown). Read back from the
   *  map, not from what was given to it: tests compare it with an analysis made apart. */
  private heldStates(id: SourceId): string {
    const s = this.states[id];
    if (!s || !this.map.getSource(id)) return '';
    const sourceLayer = id in this.tileUrls ? TILED[id as TiledSourceId] : undefined;
    const letter: Record<string, string> = { fail: 'f', pass: 'p', na: 'n' };
    return s.ids
      .map((unit) => {
        const st = this.map.getFeatureState({ source: id, sourceLayer, id: unit });
        const l = letter[String(st.verdict)] ?? 'x';
        return st.outside === true ? l.toUpperCase() : l;
      })
      .join('');
  }

  /** The communities drawn as dots right now (their ids, sorted, space-separated) */
  private dotsShown(): string {
    if (!this.map.getLayer('a-communities-dot')) return '';
    const ids = this.map.queryRenderedFeatures({ layers: ['a-communities-dot'] }).map((f) => String(f.properties?.id));
    return [...new Set(ids)].sort().join(' ');
  }

  /** Labels drawn in Chinese right now: tests use it to tell fonts work. */
  private countCjkLabels(): number {
    const symbolLayers = (this.map.getStyle().layers ?? []).filter((l) => l.type === 'symbol').map((l) => l.id);
    if (symbolLayers.length === 0) return 0;
    return this.map.queryRenderedFeatures({ layers: symbolLayers }).filter((f) => {
      const v: unknown = f.properties?.name ?? f.properties?.glyph;
      return typeof v === 'string' && CJK.test(v);
    }).length;
  }

  /** Features of the extra overlays drawn right now, per layer ("a-suggest-circle:3 …"): what
   *  the user sees of them (tests and debugging read it). */
  private countExtrasShown(): string {
    const out: string[] = [];
    for (const e of this.extras.values())
      for (const l of e.layers) {
        if (!this.map.getLayer(l.id)) continue;
        const ids = new Set(this.map.queryRenderedFeatures({ layers: [l.id] }).map((f) => String(f.properties?.id ?? f.id)));
        out.push(`${l.id}:${ids.size}`);
      }
    return out.join(' ');
  }

  /** Circles and walk areas drawn right now, per group: how many facilities' circles ('*' counts
   *  once: a group's merged walk area), e.g. "childcare:1 elderly:1" (tests and debugging read it). */
  private countCirclesShown(): string {
    if (!this.map.getLayer('a-circles-fill')) return '';
    const by = new Map<string, Set<string>>();
    for (const f of this.map.queryRenderedFeatures({ layers: ['a-circles-fill'] })) {
      const group = String(f.properties?.circle);
      by.set(group, (by.get(group) ?? new Set()).add(String(f.properties?.facility)));
    }
    return [...by]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([g, ids]) => `${g}:${ids.size}`)
      .join(' ');
  }

  /** Communities the "outside the circles" layers mark: those whose state says outside, while
   *  the layers are shown. Counted from the states given (the analysis's coverage), not from the
   *  rendered map: asking MapLibre for every drawn feature took a second on a large city. */
  private countOutsideShown(): number {
    const shown = OUTSIDE_LAYERS.some((l) => this.map.getLayer(l) && this.map.getLayoutProperty(l, 'visibility') !== 'none');
    return shown ? this.outsideCount : 0;
  }

  /** While a facility is dragged on the map (`on`: until its drop is analysed) on a slow renderer,
   *  the map is drawn at half its pixel ratio: a software renderer (SwiftShader in headless Chromium,
   *  a remote desktop without a GPU) fills every pixel of every layer again for each frame of new
   *  verdicts — ≈ 0.26 s on the 1 500-community city, over half of it the overlapping circles —, and a
   *  quarter of the pixels takes ≈ 0.11 s. The handle and its circle are not MapLibre's (drag-overlay.ts). */
  lighten(on: boolean): void {
    this.lightening = on;
    if (!on) this.pacer.flush();
    this.window(on, this.slow());
  }

  /** Runs `paint` (new verdicts for the map) now, or — during a drag on a slow renderer — once the
   *  map has been free of its last frame for as long as that frame held the page: each frame of new
   *  verdicts blocks the page's thread until software WebGL has drawn it (≈ 70–100 ms), and the
   *  worker answers a drag's positions faster than that, so frame after frame of verdicts left the
   *  dragged handle (drag-overlay.ts) no time to follow the pointer. At most half the time goes to
   *  verdict frames; a newer paint replaces a waiting one, and the drag's end paints at once. */
  paced(paint: () => void): void {
    this.pacer.paint(paint);
  }

  /** An edit (commit, undo, redo; `on` from its new layers until its analysis is in): the map
   *  draws no frame from its new layers until its verdicts are handed over and every source has
   *  loaded what it was given (frame-hold.ts), then one. An undo on the 1 500-community city drew
   *  ≈ 6 full frames before — a diff's metadata, its content, each batch of tiles, the verdicts —,
   *  ≈ 0.1 s each in SwiftShader, at half the pixel ratio and a sharp one after. The check waits
   *  for the end of the task: the verdicts and circles of the analysis come in the same batch. */
  holdEdit(on: boolean): void {
    if (!on && !this.editing) return;
    this.editing = on;
    if (on) this.frames.hold();
    else this.frames.checkSoon();
  }

  /** A held edit is drawn: on a slow renderer at half the pixel ratio (≈ 0.1 s of SwiftShader on
   *  the 1 500-community city instead of ≈ 0.2 s), and sharp in the frame after it (sharpen) —
   *  the one MapLibre draws anyway to place the symbols of the tiles it cut again. */
  private drawEdit(): void {
    if (!this.slow()) return;
    this.halveRatio();
    this.sharpen = true;
  }

  /** After the light frame of an edit (drawEdit): the full pixel ratio, drawn at once (map.redraw
   *  takes the place of the frame MapLibre asked for next, and a canvas resized and drawn in the
   *  same task is never seen blank); unless a drag or an opening keeps the map light. */
  private sharpenNow(): void {
    this.sharpen = false;
    if (this.lightening || this.opening || this.fullRatio === null) return;
    this.map.setPixelRatio(this.fullRatio);
    this.fullRatio = null;
    this.map.redraw();
  }

  /** Every overlay source (and extra) has loaded what it was given: its tiles cut again, its diff in. */
  private sourcesLoaded(): boolean {
    if (!this.map.isStyleLoaded()) return false;
    const ids = [...Object.values(SOURCES), ...this.extras.keys()];
    return ids.every((id) => !this.map.getSource(id) || this.map.isSourceLoaded(id));
  }

  /** A project being opened (`on` from its layers until its verdicts and walk areas are drawn) on a
   *  slow renderer is drawn at half the pixel ratio: the large city's opening drew ≈ 15 full frames
   *  of outlines, facilities, verdicts and walk areas (≈ 0.3 s of SwiftShader each). */
  lightenOpen(on: boolean): void {
    if (!on && !this.opening) return;
    this.opening = on;
    this.window(on, this.slow());
  }

  /** A slow renderer: WebGL says it draws in software (SwiftShader, llvmpipe …; light from the
   *  first frame), or a drag's frames showed it slow (three over SLOW_FRAME_MS, timed
   *  only while sharp: a GPU draws them in a few ms and never trips it). An opening's frames are
   *  not timed, so they never make a GPU's drag start light. */
  private slow(): boolean {
    return this.slowFrames >= SLOW_FRAMES || this.drawsInSoftware();
  }

  /** A drag or opening starts (`on`: light at once when `slow`) or ends: its own last
   *  frames (new verdicts, circles, tiles: several of them) are drawn light too, and the full
   *  ratio comes back for the last one only (restoreRatio, at the next idle; at once when the map
   *  is idle already). */
  private window(on: boolean, slow = false): void {
    this.restoring = false;
    if (on) {
      if (slow) this.halveRatio();
      return;
    }
    if (this.lightening || this.opening || this.fullRatio === null) return; // another one is still on, or drawn full
    this.restoring = true;
    // once what ends the window has been handed to the map (it may come in the same batch of
    // state: new circles' tiles make the map busy): a map idle by then is drawn sharp at once
    queueMicrotask(() => {
      if (this.container.dataset.idle === 'true') this.restoreRatio();
    });
  }

  /** WebGL's own name for its renderer says software (WEBGL_debug_renderer_info; a browser that
   *  hides it is taken for a GPU) */
  private drawsInSoftware(): boolean {
    if (this.softwareGl === null) {
      const canvas = this.map.getCanvas();
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const name: unknown = info && gl ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : '';
      this.softwareGl = typeof name === 'string' && SOFTWARE_GL.test(name);
    }
    return this.softwareGl;
  }

  private halveRatio(): void {
    if (this.fullRatio !== null) return;
    this.fullRatio = this.map.getPixelRatio();
    this.resizeTo(this.fullRatio / 2);
  }

  /** The canvas at `ratio` device pixels per CSS pixel, and a frame held for an edit drawn: a
   *  resized canvas is blank until drawn again. */
  private resizeTo(ratio: number): void {
    this.frames.release();
    this.map.setPixelRatio(ratio);
  }

  /** After a lightened drag or opening, at the first idle: back to the full pixel ratio (one more frame). */
  private restoreRatio(): boolean {
    if (!this.restoring) return false;
    this.restoring = false;
    if (this.fullRatio === null) return false;
    this.resizeTo(this.fullRatio);
    this.fullRatio = null;
    this.busy();
    return true;
  }

  /** The verdicts of analysis `serial` were handed to the map (setStates): the frames that follow
   *  say when they are drawn (data-drawn). */
  painted(serial: number): void {
    this.statesSerial = serial;
  }

  /** A frame was drawn: during a drag, how long until the next one may start (the page
   *  waits for the renderer to finish this one) says whether frames are slow. A frame drawn with
   *  the facilities' data all in is written as data-drawn, "<serial of its verdicts> <ms>" at the
   *  next animation frame (it is on screen by then): what a user sees of an edit first (benches). */
  private frameDrawn(): void {
    const measuring = () => this.lightening && this.fullRatio === null;
    const timed = measuring();
    const t = performance.now();
    const complete = this.map.getSource(SOURCES.facilities) !== undefined && this.map.isSourceLoaded(SOURCES.facilities);
    const serial = this.statesSerial;
    this.container.dataset.frames = String(++this.framesDrawn);
    // (asked before MapLibre asks for its next frame, if any: this one runs first)
    requestAnimationFrame(() => {
      const end = performance.now();
      if (complete) this.container.dataset.drawn = `${serial} ${end.toFixed(1)}`;
      if (this.sharpen) this.sharpenNow();
      this.pacer.frame(t, end); // how long the frame held the page: paced verdicts wait as long
      if (!timed || !measuring() || end - t < SLOW_FRAME_MS) return;
      // on the element too: tests read that an opening (drawn light) counted none, a drag its own
      this.container.dataset.slowFrames = String(++this.slowFrames);
      if (this.slowFrames >= SLOW_FRAMES) this.halveRatio();
    });
  }

  setBase(base: BaseStyle): void {
    this.base = base;
    // the new style's sources start without feature state ('style.load' sets it all again)
    for (const k of Object.keys(this.statesHeld)) delete this.statesHeld[k as SourceId];
    // the new style's sources hold their collections whole
    Object.assign(this.held, this.data);
    this.applied.clear();
    this.errorReported = false;
    this.frames.release();
    this.busy();
    this.map.setStyle(this.style(), { diff: false });
  }

  /** Verdict and outside flag per unit id, as feature state of a source (see layers.ts). */
  setStates(id: SourceId, states: UnitStates): void {
    this.states[id] = states;
    if (id === SOURCES.communities) {
      this.outsideCount = 0;
      for (const code of states.codes) if (code & OUTSIDE) this.outsideCount++;
    }
    if (this.map.getSource(id)) {
      const set = this.applyStates(id, states, this.statesHeld[id]);
      // none changed (an edit's layers before its verdicts come): no frame for it, a full one in software WebGL
      if (set > 0) this.busy();
      // how many communities were given a new state (tests: exactly those whose verdict or flag changed)
      if (id === SOURCES.communities) this.container.dataset.statesSet = String(set);
    }
  }

  /** Sets each unit's state, skipping those equal in `before` (what the source already holds):
   *  a profile switch changes the verdicts of some units, and every set costs MapLibre work; units
   *  gone since lose theirs (stateChanges). Returns how many were set. */
  private applyStates(id: SourceId, states: UnitStates, before?: UnitStates): number {
    const sourceLayer = id in this.tileUrls ? TILED[id as TiledSourceId] : undefined;
    const { set, remove } = stateChanges(states, before);
    for (const k of set) this.map.setFeatureState({ source: id, sourceLayer, id: states.ids[k] }, stateOf(states.codes[k]));
    for (const unit of remove) this.map.removeFeatureState({ source: id, sourceLayer, id: unit });
    this.statesHeld[id] = states;
    return set.length;
  }

  /** A source's features. When the source holds the collection before it and most features are
   *  the same objects (an edit: features.ts keeps an unchanged record's feature), only the changed
   *  ones are sent (updateData by id): MapLibre then re-cuts and redraws only the tiles they touch,
   *  instead of every tile of the source. data-sends counts whole collections and diffs sent. */
  setData(id: SourceId, fc: FeatureCollection): void {
    const wasClustered = id === SOURCES.facilities && clustered(this.data[id]);
    const before = this.data[id];
    this.data[id] = fc;
    const src = this.map.getSource(id);
    if (src instanceof maplibregl.GeoJSONSource) {
      this.busy();
      // a layer growing past (or shrinking below) CLUSTER_ABOVE switches clustering first
      const reclustered = id === SOURCES.facilities && clustered(fc) !== wasClustered;
      if (reclustered) void src.setClusterOptions(clustered(fc) ? CLUSTER_OPTIONS : { cluster: false });
      const diff = !reclustered && before && this.held[id] === before ? featureDiff(before, fc) : null;
      this.counted(diff ? 'diff' : 'whole');
      if (diff) {
        this.held[id] = fc;
        // (a diff MapLibre refuses falls back to the whole collection)
        src.updateData(diff).catch(() => (this.data[id] === fc ? src.setData(fc) : undefined));
      } else this.sendWhole(id, src, fc);
    }
  }

  private sendWhole(id: SourceId, src: maplibregl.GeoJSONSource, fc: FeatureCollection): void {
    // held once MapLibre has all of it (a diff is sent against what it holds)
    this.held[id] = undefined;
    const held = () => {
      if (this.data[id] === fc) this.held[id] = fc;
    };
    // (a diff MapLibre refuses, e.g. a repeated id, falls back to the whole collection at once)
    if (fc.features.length > SLICE_ABOVE) this.sendInSlices(id, src, fc).then(held, () => (this.data[id] === fc ? src.setData(fc).then(held) : undefined));
    else {
      void src.setData(fc);
      held();
    }
  }

  /** how many whole collections and diffs were sent to GeoJSON sources (data-sends, "whole diff":
   *  tests check that an edit sends a diff) */
  private counted(what: 'whole' | 'diff'): void {
    this.sends[what]++;
    this.container.dataset.sends = `${this.sends.whole} ${this.sends.diff}`;
  }

  /** A big collection in slices: setData copies every feature for MapLibre's worker on the page's
   *  thread (≈ 0.2 s for 50 000 facilities), so the first slice is set and the rest added as diffs
   *  (features are keyed by promoteId 'id'), each once the worker took the previous one. A newer
   *  setData of the source stops the feeding. */
  private async sendInSlices(id: SourceId, src: maplibregl.GeoJSONSource, fc: FeatureCollection): Promise<void> {
    await src.setData({ type: 'FeatureCollection', features: fc.features.slice(0, SLICE_ABOVE) });
    for (let i = SLICE_ABOVE; i < fc.features.length && this.data[id] === fc; i += SLICE_ABOVE) {
      this.busy();
      await src.updateData({ add: fc.features.slice(i, i + SLICE_ABOVE) });
    }
    if (this.data[id] !== fc) throw new Error('replaced while sent');
  }

  /** Applies visibility and selection filters; only what changed is sent to the map. */
  setOverlay(o: OverlayOptions): void {
    this.overlay = o;
    if (!this.map.isStyleLoaded()) return; // the style being loaded already has them
    let changed = false;
    for (const layer of overlayLayers(o)) changed = this.applyLayer(layer) || changed;
    if (changed) this.busy(); // the next 'idle' reports the map drawn with these switches
  }

  private applyLayer(layer: LayerSpecification): boolean {
    if (!this.map.getLayer(layer.id) || layer.type === 'background') return false;
    const vis = layer.layout?.visibility ?? 'visible';
    const filter = 'filter' in layer && layer.filter !== undefined ? layer.filter : null;
    // small specs only (a visibility word and an id filter), so a string key is cheap
    const key = `${vis}|${JSON.stringify(filter)}`;
    if (this.applied.get(layer.id) === key) return false;
    this.applied.set(layer.id, key);
    this.map.setLayoutProperty(layer.id, 'visibility', vis);
    if (filter !== null) this.map.setFilter(layer.id, filter);
    return true;
  }

  /** Zooms to a unit: the whole box in view, centred on a point that lies on the unit. */
  focus(bbox: Bbox, centre: [number, number], maxZoom = 16): void {
    this.busy();
    // wait a frame: the click that asked for this also opens the detail panel, which narrows the map
    requestAnimationFrame(() => {
      this.map.resize();
      const cam = this.map.cameraForBounds(bbox, { padding: 60, maxZoom });
      this.map.easeTo({ center: centre, zoom: cam?.zoom ?? maxZoom, duration: 400 });
    });
  }

  fit(bbox: Bbox): void {
    this.busy();
    this.map.fitBounds(bbox, { padding: 24, duration: 0 });
  }

  resize(): void {
    this.map.resize();
  }

  /** A dragged facility's circle or walk area (null: none), drawn over the map with its handle:
   *  a move redraws no MapLibre layer (drag-overlay.ts). */
  setMoving(area: FeatureCollection | null): void {
    this.dragOverlay.setArea(area);
  }

  /** What draw.ts needs (its DrawHost): the MapLibre map for terra-draw's adapter, a mute
   *  for our own click handling while a drawing takes the clicks, the SVG a dragged point is drawn in. */
  drawHost(): { maplibre: () => maplibregl.Map; muteClicks: (muted: boolean) => void; overlay: () => DragOverlay } {
    return {
      maplibre: () => this.map,
      overlay: () => this.dragOverlay,
      muteClicks: (muted) => {
        this.clicksMuted = muted;
      },
    };
  }

  /** [west, south, east, north] now in view (saved views keep it) */
  bounds(): Bbox {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  camera(): Camera {
    const c = this.map.getCenter();
    return { center: [c.lng, c.lat], zoom: this.map.getZoom(), bearing: this.map.getBearing(), pitch: this.map.getPitch() };
  }

  /** Camera moves made by the user (not by follow()): a second map keeps in step through them. */
  onMove(listener: (cam: Camera) => void): () => void {
    const h = () => {
      if (!this.following) listener(this.camera());
    };
    this.map.on('move', h);
    return () => this.map.off('move', h);
  }

  /** Takes another map's camera without reporting it back (no ping-pong between synced maps). */
  follow(cam: Camera): void {
    this.following = true;
    try {
      this.map.jumpTo({ center: cam.center, zoom: cam.zoom, bearing: cam.bearing, pitch: cam.pitch });
    } finally {
      this.following = false;
    }
  }

  /** The map drawn again at `ratio` device pixels per CSS pixel (the PNG export's print
   *  resolution), copied into a new canvas; the screen's own ratio is restored afterwards. */
  async capture(ratio: number): Promise<HTMLCanvasElement> {
    const before = this.map.getPixelRatio();
    const drawn = () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 20_000); // tiles that never come must not hang the export
        this.map.once('idle', () => {
          clearTimeout(timer);
          resolve();
        });
        this.map.triggerRepaint();
      });
    this.resizeTo(ratio);
    try {
      await drawn();
      const src = this.map.getCanvas();
      const out = document.createElement('canvas');
      out.width = src.width;
      out.height = src.height;
      out.getContext('2d')?.drawImage(src, 0, 0); // the buffer is preserved (preserveDrawingBuffer)
      return out;
    } finally {
      this.map.setPixelRatio(before);
      this.map.triggerRepaint();
    }
  }

  destroy(): void {
    unitSources.delete(this.unitKey);
    this.resizeObserver.disconnect();
    this.probeObserver.disconnect();
    this.pacer.cancel();
    this.dragOverlay.destroy();
    this.map.remove();
  }
}
