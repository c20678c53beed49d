// Hosts the main map (made by the app's map factory, MapView in the page), lends its handles to the app (map ports) and keeps it in step with state
// through the feeds (map-feed.ts, the site's and the suggestion's), one effect per source or setting.
import { effect } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { unitKey, type Community, type Level } from '../core/model';
import { createDrawing } from '../map/draw';
import { BLANK_BASE } from '../map/style';
import { baseNow } from '../map/basemap';
import { t } from '../i18n';
import { DEMO_FILE } from '../state/app-state';
import { useApp, useT } from './context';
import { DataCredits } from './DataCredits';
import { CommunityFigures } from './CommunityFigures';
import { MapLegend } from './MapLegend';
import { suggestMapEffects } from './suggest/map-feed';
import { siteMapEffects } from './site/map-feed';
import { analysisMapEffects, basemapEffect, verdictsProbe } from './map-feed';
import { SearchBox } from './SearchBox';
import { MeasureTool } from './MeasureTool';
import { MEASURE_LAYERS, MEASURE_SOURCE } from '../map/measure';
import { SEARCH_PIN_LAYERS, SEARCH_PIN_SOURCE, searchPinFeatures } from '../map/search-pin';
import { degreeBox } from '../core/geo';

export function MapPane({ demoBasemapUrl }: { demoBasemapUrl: string }) {
  const { state, actions, site, map, ui } = useApp();
  const tr = useT();
  const host = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ level: Level; id: string; x: number; y: number } | null>(null);

  useEffect(() => {
    if (!host.current) return;
    // the demo base map (or none) comes with the map's first style; an archive follows once read
    const made = { choice: state.basemap.peek(), lang: state.lang.peek() };
    const base = baseNow(made.choice, { demoUrl: demoBasemapUrl, lang: made.lang });
    const view = map.create(
      host.current,
      {
        base: base ?? BLANK_BASE,
        overlay: { visible: state.visible.peek(), selection: state.selection.peek(), circles: state.circles.peek() },
        bounds: null,
        unitTiles: map.unitTiles ?? undefined,
      },
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
    map.measure.attach({ ...view.drawHost(), draw: (fc) => view.setExtra(MEASURE_SOURCE, fc, MEASURE_LAYERS) });
    map.main.current = {
      bounds: () => view.bounds(),
      fit: (b) => view.fit(b),
      bearing: () => view.camera().bearing,
      outlinesCut: () => view.outlinesCut(),
      drawn: () => view.drawn(),
    };
    const verdicts = verdictsProbe(host.current);
    const stop = [
      verdicts.stop,
      basemapEffect(view, state, actions, demoBasemapUrl, base ? made : undefined),
      ...analysisMapEffects(
        view,
        state,
        verdicts.painted,
        // what the tests and benches wait for: the walk areas of network mode come after the verdicts
        (shown) => host.current?.setAttribute('data-areas', shown ? 'shown' : 'pending'),
      ),
      effect(() => {
        // a place typed as coordinates: pin it and fly there (about 300 m around it in view)
        const pin = ui.searchPin.value;
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
      map.measure.attach(null);
      map.main.current = null;
      map.capture.current = null;
      view.destroy();
    };
  }, []);

  return (
    // while a facility is moved, data-drawing lets the pointer through the legend and the other
    // overlays (app.css): a drop over one of them never reached the map and left the drag open
    <div class="map-wrap" data-drawing={map.drawing.value?.active.value ?? undefined}>
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
      {state.areasPending.value && (
        <div class="map-loading" role="status" data-testid="areas-note">
          {tr('ui.loading.areas')}
        </div>
      )}
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
