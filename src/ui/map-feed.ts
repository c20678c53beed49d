// The main map fed from app state: each effect feeds one source or setting, so a verdict change
// re-sends feature state only, a language change facilities only, a switch one layer's visibility.
import { effect } from '@preact/signals';
import { errorMessage } from '../core/errors';
import { t, type Lang } from '../i18n';
import { BasemapError, resolveBase } from '../map/basemap';
import { coverageAreas } from '../core/coverage-areas';
import { communityDots, communityFeatures, facilityFeatures, packStates, stateOf, streetFeatures, type UnitStates } from '../map/features';
import { unitIds, unitRanks } from '../core/report/verdicts';
import { areaBbox, focusTarget } from '../map/focus';
import { SOURCES } from '../map/layers';
import type { MapView } from '../map/MapView';
import type { Actions } from '../state/actions';
import type { AppState } from '../state/app-state';
import type { BasemapChoice } from '../state/persist';

/** The chosen base map, re-resolved when the choice or the language changes; a failure is said in
 *  words. `made`: the choice and language the map was made with (its first style has that base). */
export function basemapEffect(
  view: MapView,
  state: AppState,
  actions: Pick<Actions, 'keptBasemapFile' | 'reportError'>,
  demoUrl: string,
  made?: { choice: BasemapChoice; lang: Lang },
): () => void {
  return effect(() => {
    const choice = state.basemap.value;
    const lang = state.lang.value;
    const drawn = made?.choice === choice && made.lang === lang;
    made = undefined;
    if (drawn) return;
    resolveBase(choice, { demoUrl, lang, keptFile: actions.keptBasemapFile }).then(
      (base) => view.setBase(base),
      (e: unknown) => {
        const lang = state.lang.peek();
        const detail = e instanceof BasemapError ? t(lang, e.key, e.args) : errorMessage(e);
        actions.reportError(t(lang, 'ui.error.basemap', { detail }));
      },
    );
  });
}

/** What the map's verdict colours show: the analysis's serial, and a digest of every community's
 *  colour (browser tests compare it with the colours after a full analysis of the same edits),
 *  worked out only when asked: hashing every colour cost 37 ms a paint on a 20 000-community city. */
export interface Painted {
  serial: number;
  digest(): string;
}

/** FNV-1a of the communities' colours in layer order, with their count */
function verdictDigest(states: UnitStates): string {
  let h = 0x811c9dc5;
  states.ids.forEach((id, k) => {
    const st = stateOf(states.codes[k]);
    const text = `${id}=${st.verdict}${st.outside ? '+out' : ''};`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  });
  return `${states.ids.length}:${(h >>> 0).toString(16)}`;
}

/** Writes each verdict paint's serial on the map's element, and the digest of its colours
 *  (data-verdicts) only while a test asks by setting data-verdicts-probe: at once for the last
 *  paint when it sets it, then on every paint. Returns the paint listener and the stop. */
export function verdictsProbe(host: HTMLElement): { painted: (p: Painted) => void; stop: () => void } {
  let last: Painted | null = null;
  const digest = () => {
    if (last && host.dataset.verdictsProbe !== undefined) host.dataset.verdicts = last.digest();
  };
  const asked = new MutationObserver(digest);
  asked.observe(host, { attributes: true, attributeFilter: ['data-verdicts-probe'] });
  return {
    painted: (p) => {
      last = p;
      host.dataset.verdictsSerial = String(p.serial);
      digest();
    },
    stop: () => asked.disconnect(),
  };
}

/** The analysis layers: geometry, verdicts as feature state, framing, circles, switches, focus.
 *  `painted` hears each verdict paint; `areas` whether the walk areas are on the map or still being
 *  computed (network mode: they follow the verdicts). */
export function analysisMapEffects(
  view: MapView,
  state: AppState,
  painted: (p: Painted) => void = () => undefined,
  areasShown: (shown: boolean) => void = () => undefined,
): (() => void)[] {
  let fittedTo: unknown = null;
  const sent: {
    communities?: unknown;
    streets?: unknown;
    facilities?: unknown;
    lang?: unknown;
    /** the layers drawn, with the history and scenario that made them (an edit changes all but the scenario) */
    edited: { layers?: unknown; history?: unknown; active?: string };
    /** the project whose opening is (or was) drawn */
    opened?: unknown;
  } = { edited: {} };
  return [
    // geometry once per project and per scenario edit of that layer (the open scenario's
    // layers; an edit reuses untouched arrays, so identity tells what changed); verdicts as
    // feature state whenever they change
    effect(() => {
      const p = state.layers.value;
      if (!p || p.communities === sent.communities) return;
      sent.communities = p.communities;
      // the outlines as tiles the worker cuts from its own copy (the same layers: it replays the same edits)
      if (view.tiled) view.showUnits(SOURCES.communities);
      else view.setData(SOURCES.communities, communityFeatures(p.communities));
      if (view.tiled) view.showUnits(SOURCES.communityDots);
      else view.setData(SOURCES.communityDots, communityDots(p.communities));
    }),
    effect(() => {
      const p = state.layers.value;
      if (!p || p.streets === sent.streets) return;
      sent.streets = p.streets;
      if (view.tiled) view.showUnits(SOURCES.streets);
      else view.setData(SOURCES.streets, streetFeatures(p.streets));
    }),
    effect(() => {
      const p = state.layers.value;
      if (!p) return;
      // a byte per unit in layer order, straight from the result columns (no key per unit)
      const results = state.liveResults.value;
      const rule = state.rule.value;
      const ids = unitIds(p.communities);
      const communities = packStates(ids, unitRanks(results, rule, 'community', ids), state.outside.value);
      const streetIds = unitIds(p.streets);
      const streets = packStates(streetIds, unitRanks(results, rule, 'street', streetIds), new Set());
      const serial = state.analysis.peek()?.serial ?? 0;
      // during a drag on a slow renderer, once the map is free of its last frame (MapView.paced)
      view.paced(() => {
        view.setStates(SOURCES.communities, communities);
        view.setStates(SOURCES.communityDots, communities);
        view.painted(serial);
        painted({ serial, digest: () => verdictDigest(communities) });
        view.setStates(SOURCES.streets, streets);
      });
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
      // null while network walk areas are computed: draw none rather than stale ones. The worker
      // tiles the areas it handed out (by their id), so MapLibre never gets them as GeoJSON; the
      // groups switched off are filtered out by the layers (setOverlay)
      if (view.tiled && areas?.id !== undefined) view.showUnits(SOURCES.circles, areas.id);
      else if (view.tiled && !areas) view.showUnits(SOURCES.circles, 0);
      // (a map without tiles: the outlines an in-process client handed over; the worker's never are)
      else
        view.setData(
          SOURCES.circles,
          coverageAreas({ type: 'FeatureCollection', features: (areas?.features ?? []).flatMap((f) => (f.geometry ? [{ ...f, geometry: f.geometry }] : [])) }),
        );
      areasShown(areas !== null);
    }),
    // a project opened on a slow (software-rendered) map: drawn lighter from its layers until its
    // verdicts and walk areas are in (the map comes back sharp at the next idle)
    effect(() => {
      const p = state.project.value;
      const phase = state.phase.value;
      const pending = state.areasPending.value;
      if (p !== sent.opened) {
        sent.opened = p;
        if (p) view.lightenOpen(true);
      } else if ((phase === 'ready' && !pending) || phase === 'error') view.lightenOpen(false);
    }),
    // a facility dragged on a slow (software-rendered) map: drawn lighter until its drop is analysed
    effect(() => view.lighten(state.previewFrom.value !== null)),
    // an edit (commit, undo, redo: new layers and history in the same scenario; not a project
    // opened or a scenario switched to) is drawn in one frame once its analysis is in
    effect(() => {
      const session = state.session.value;
      const layers = state.layers.value;
      const analysing = state.phase.value === 'analysing';
      const was = sent.edited;
      sent.edited = { layers, history: session?.editing.history, active: session?.active };
      if (layers !== was.layers) {
        if (was.history && was.history !== sent.edited.history && was.active === sent.edited.active) view.holdEdit(true);
      } else if (!analysing) view.holdEdit(false);
    }),
    // a dragged facility's circle: drawn over the map with its handle, so a move redraws no layer
    effect(() => view.setMoving(state.movingCircle.value)),
    effect(() => view.setOverlay({ visible: state.visible.value, selection: state.selection.value, circles: state.circles.value })),
    effect(() => {
      const f = state.focus.value;
      const p = state.layers.peek();
      if (!f || !p) return;
      const target = focusTarget(p, f.level, f.id);
      if (target) view.focus(target.bbox, target.centre, f.level === 'facility' ? 16 : 15);
    }),
  ];
}
