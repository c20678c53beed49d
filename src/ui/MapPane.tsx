// Hosts the MapView and keeps it in step with state: each effect feeds one source or setting,
// so a verdict change re-sends communities only, a language change facilities only, etc.
import { effect } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { unitKey, type Community, type Level } from '../core/model';
import { BasemapError, resolveBase } from '../map/basemap';
import { communityDots, communityFeatures, coverageAreas, facilityFeatures, streetFeatures, unitStates } from '../map/features';
import { areaBbox, focusTarget } from '../map/focus';
import { SOURCES } from '../map/layers';
import { MapView } from '../map/MapView';
import { createDrawing } from '../map/draw';
import { BLANK_BASE } from '../map/style';
import { t } from '../i18n';
import { DEMO_FILE } from '../state/app-state';
import { useApp, useT } from './context';
import { DataCredits } from './DataCredits';
import { CommunityFigures } from './CommunityFigures';
import { MapLegend } from './MapLegend';
import { suggestMapEffects } from './suggest/map-feed';
import { siteMapEffects } from './site/map-feed';
import { errorMessage } from '../core/errors';
import { SearchBox, searchPin } from './SearchBox';
import { MeasureTool } from './MeasureTool';
import { attachMeasure, MEASURE_LAYERS, MEASURE_SOURCE } from '../map/measure';
import { SEARCH_PIN_LAYERS, SEARCH_PIN_SOURCE, searchPinFeatures } from '../map/search-pin';
import { degreeBox } from '../core/geo';

export function MapPane({ demoBasemapUrl }: { demoBasemapUrl: string }) {
  const { state, actions, site, map } = useApp();
  const tr = useT();
  const host = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ level: Level; id: string; x: number; y: number } | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const view = new MapView(
      host.current,
      { base: BLANK_BASE, overlay: { visible: state.visible.peek(), selection: state.selection.peek() }, bounds: null },
      {
        onClick: (hit) => actions.select(hit),
        onHover: (hit, at) => setHover((old) => (hit && at ? (old && old.id === hit.id && Math.abs(old.x - at.x) + Math.abs(old.y - at.y) < 6 ? old : { ...hit, ...at }) : null)),
        onIdle: (idle) => actions.setMapIdle(idle),
        onError: (message) => {
          // an online tile that did not come: say whose, in words, never the URL (a 天地图 URL carries the key)
          const origin = /https?:\/\/[^/\s?]+/.exec(message)?.[0];
          const lang = state.lang.peek();
          if (origin && /AJAXError|Failed to fetch/i.test(message)) actions.reportError(t(lang, 'ui.error.tiles', { origin }));
          else actions.reportError(t(lang, 'ui.error.basemap', { detail: message }));
        },
      },
    );
    map.capture.current = (ratio) => view.capture(ratio);
    map.drawing.value = createDrawing(view.drawHost());
    attachMeasure({ ...view.drawHost(), draw: (fc) => view.setExtra(MEASURE_SOURCE, fc, MEASURE_LAYERS) });
    map.main.current = { bounds: () => view.bounds(), fit: (b) => view.fit(b), bearing: () => view.camera().bearing };
    let fittedTo: unknown = null;
    const sent: { communities?: unknown; streets?: unknown; facilities?: unknown; lang?: unknown } = {};
    const stop = [
      effect(() => {
        const choice = state.basemap.value;
        resolveBase(choice, { demoUrl: demoBasemapUrl, lang: state.lang.value, keptFile: actions.keptBasemapFile }).then(
          (base) => view.setBase(base),
          (e: unknown) => {
            const lang = state.lang.peek();
            const detail = e instanceof BasemapError ? t(lang, e.key, e.args) : errorMessage(e);
            actions.reportError(t(lang, 'ui.error.basemap', { detail }));
          },
        );
      }),
      // geometry once per project and per scenario edit of that layer (the open scenario's
      // layers; an edit reuses untouched arrays, so identity tells what changed); verdicts as
      // feature state whenever they change
      effect(() => {
        const p = state.layers.value;
        if (!p || p.communities === sent.communities) return;
        sent.communities = p.communities;
        view.setData(SOURCES.communities, communityFeatures(p.communities));
        view.setData(SOURCES.communityDots, communityDots(p.communities));
      }),
      effect(() => {
        const p = state.layers.value;
        if (!p || p.streets === sent.streets) return;
        sent.streets = p.streets;
        view.setData(SOURCES.streets, streetFeatures(p.streets));
      }),
      effect(() => {
        const p = state.layers.value;
        if (!p) return;
        const verdicts = state.verdicts.value;
        const communities = unitStates(
          p.communities.map((c) => c.id),
          'community',
          verdicts,
          state.outside.value,
        );
        view.setStates(SOURCES.communities, communities);
        view.setStates(SOURCES.communityDots, communities);
        view.setStates(
          SOURCES.streets,
          unitStates(
            p.streets.map((s) => s.id),
            'street',
            verdicts,
            new Set(),
          ),
        );
      }),
      effect(() => {
        const p = state.project.value;
        if (!p) return;
        const b = areaBbox(p);
        if (b && fittedTo !== p) {
          fittedTo = p; // each newly opened project is framed once
          view.fit(b);
        }
      }),
      effect(() => {
        const p = state.layers.value;
        const lang = state.lang.value;
        if (!p || (p.facilities === sent.facilities && lang === sent.lang)) return;
        sent.facilities = p.facilities;
        sent.lang = lang;
        view.setData(SOURCES.facilities, facilityFeatures(p.facilities, lang));
      }),
      effect(() => {
        const areas = state.areas.value;
        const on = state.circles.value;
        // null while network walk areas are computed: draw none rather than stale ones
        view.setData(SOURCES.circles, coverageAreas({ type: 'FeatureCollection', features: (areas?.features ?? []).filter((f) => on.includes(f.properties.circle)) }));
      }),
      effect(() => view.setOverlay({ visible: state.visible.value, selection: state.selection.value })),
      effect(() => {
        const f = state.focus.value;
        const p = state.layers.peek();
        if (!f || !p) return;
        const target = focusTarget(p, f.level, f.id);
        if (target) view.focus(target.bbox, target.centre, f.level === 'facility' ? 16 : 15);
      }),
      effect(() => {
        // a place typed as coordinates: pin it and fly there (about 300 m around it in view)
        const pin = searchPin.value;
        view.setExtra(SEARCH_PIN_SOURCE, searchPinFeatures(pin), SEARCH_PIN_LAYERS);
        if (!pin) return;
        const d = degreeBox(pin.lat, 300);
        view.focus([pin.lon - d.dLon, pin.lat - d.dLat, pin.lon + d.dLon, pin.lat + d.dLat], [pin.lon, pin.lat], 16);
      }),
      ...suggestMapEffects(view, state.suggest, actions.suggest),
      ...siteMapEffects(view, site),
    ];
    return () => {
      stop.forEach((s) => s());
      map.drawing.value?.stop();
      map.drawing.value = null;
      attachMeasure(null);
      map.main.current = null;
      map.capture.current = null;
      view.destroy();
    };
  }, []);

  return (
    <div class="map-wrap">
      <div class="map" ref={host} data-testid="map" data-idle="false" role="application" aria-label={tr('ui.map')} />
      <div class="map-top-left">
        <div class="map-tools-row">
          <SearchBox />
          <MeasureTool />
        </div>
        {state.projectFile.value === DEMO_FILE && (
          <div class="map-badge" data-testid="map-badge">
            {tr('ui.info.badge')}
          </div>
        )}
      </div>
      <MapLegend />
      {hover && hover.level === 'community' && <HoverCard id={hover.id} x={hover.x} y={hover.y} />}
      {map.drawing.value?.loading.value && (
        <div class="map-loading" role="status" data-testid="loading-note">
          {tr('ui.loading.draw')}
        </div>
      )}
      <DataCredits />
    </div>
  );
}

/** the community under the pointer: its name, verdict and own figures, beside the pointer */
function HoverCard({ id, x, y }: { id: string; x: number; y: number }) {
  const { state } = useApp();
  const tr = useT();
  const c = state.layers.value?.communities.find((k) => k.id === id) as Community | undefined;
  if (!c) return null;
  const verdict = state.verdicts.value.get(unitKey('community', id)) ?? 'none';
  return (
    <div class="hover-card" data-testid="hover-card" data-id={id} style={{ left: `${x + 14}px`, top: `${y + 14}px` }}>
      <strong>{c.name}</strong> <span class={`badge ${verdict}`}>{tr(`ui.status.${verdict}`)}</span>
      <CommunityFigures c={c} compact />
    </div>
  );
}
