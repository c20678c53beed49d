// The two sides of a comparison as two maps (the app's map factory: MapView in the page), each coloured by its own side's
// verdicts and drawing its own facilities, kept in step (a move on either moves the other).
// Side by side, or stacked with a swipe line: the top map (B) is clipped at the line.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Community, Street } from '../../core/model';
import { t } from '../../i18n';
import { BasemapError, resolveBase } from '../../map/basemap';
import { communityDots, communityFeatures, facilityFeatures, streetFeatures, unitStates } from '../../map/features';
import { areaBbox, focusTarget } from '../../map/focus';
import { SOURCES } from '../../map/layers';
import type { Bbox, MapView } from '../../map/MapView';
import { BLANK_BASE } from '../../map/style';
import type { Verdict } from '../../core/report/verdicts';
import type { CompareSide } from '../../state/compare';
import { useApp, useT } from '../context';
import { CHANGED_LAYERS, CHANGED_SOURCE, changedFacilities } from '../../map/changed-facilities';
import { errorMessage } from '../../core/errors';
import { unitKey } from '../../core/model';
import type { OverlayOptions } from '../../map/layers';
import type { LayerGroup } from '../../state/layers';
import { changeCounts, changes, communityVerdicts } from '../../core/report/change';
import { CHANGE_LAYERS, CHANGE_SOURCE, changeFeatures } from '../../map/change-layer';
import { CompareLegend } from './CompareLegend';

interface Props {
  demoBasemapUrl: string;
  a: CompareSide;
  b: CompareSide;
  names: { a: string; b: string };
  mode: 'side' | 'swipe';
  colourBy: 'change' | 'verdict';
  /** the rule key the maps compare, null for the overall verdict */
  rule: string | null;
  /** a community to frame on both maps (seq changes on every request) */
  focus: { id: string; seq: number } | null;
}

function feed(view: MapView, side: CompareSide, base: { communities: Community[]; streets: Street[] }, lang: 'zh' | 'en', rule: string | null): void {
  const communities = side.communities ?? base.communities;
  view.setData(SOURCES.communities, communityFeatures(communities));
  view.setData(SOURCES.communityDots, communityDots(communities));
  view.setData(SOURCES.streets, streetFeatures(base.streets));
  view.setData(SOURCES.facilities, facilityFeatures(side.facilities, lang));
  const verdicts = new Map<string, Verdict>(side.verdicts);
  const ofRule = rule === null ? null : communityVerdicts(side, rule);
  const states = unitStates(
    communities.map((c) => c.id),
    'community',
    ofRule ? new Map([...ofRule].map(([id, v]) => [unitKey('community', id), v])) : verdicts,
    new Set(),
  );
  view.setStates(SOURCES.communities, states);
  view.setStates(SOURCES.communityDots, states);
  view.setStates(
    SOURCES.streets,
    unitStates(
      base.streets.map((s) => s.id),
      'street',
      verdicts,
      new Set(),
    ),
  );
}

/** The overlay switches of a compare map: no circles or outside rings (they would hide what
 *  changed); the verdict colours give way to the change colours in change mode. */
function overlayOf(visible: Readonly<Record<LayerGroup, boolean>>, colourBy: Props['colourBy'], selection: OverlayOptions['selection']): OverlayOptions {
  return { visible: { ...visible, circles: false, outside: false, communities: colourBy === 'verdict' && visible.communities }, selection };
}

export function CompareMaps({ demoBasemapUrl, a, b, names, mode, colourBy, rule, focus }: Props) {
  const { state, actions, map } = useApp();
  const tr = useT();
  const hostA = useRef<HTMLDivElement>(null);
  const hostB = useRef<HTMLDivElement>(null);
  const views = useRef<{ a: MapView; b: MapView } | null>(null);
  const [swipe, setSwipe] = useState(50);

  // the two maps live as long as the panel; data and verdicts are fed below
  useEffect(() => {
    if (!hostA.current || !hostB.current) return;
    const p = state.project.peek();
    const bounds: Bbox | null = map.main.current?.bounds() ?? (p ? areaBbox(p) : null);
    const overlay = overlayOf(state.visible.peek(), colourBy, null);
    const events = {
      onClick: () => undefined,
      onIdle: () => undefined,
      onError: (message: string) => actions.reportError(t(state.lang.peek(), 'ui.error.basemap', { detail: message })),
    };
    const va = map.create(hostA.current, { base: BLANK_BASE, overlay, bounds }, events);
    const vb = map.create(hostB.current, { base: BLANK_BASE, overlay, bounds }, events);
    views.current = { a: va, b: vb };
    const offA = va.onMove((cam) => vb.follow(cam));
    const offB = vb.onMove((cam) => va.follow(cam));
    resolveBase(state.basemap.peek(), { demoUrl: demoBasemapUrl, lang: state.lang.peek(), keptFile: actions.keptBasemapFile }).then(
      (base) => {
        va.setBase(base);
        vb.setBase(base);
      },
      (e: unknown) => {
        const detail = e instanceof BasemapError ? t(state.lang.peek(), e.key, e.args) : errorMessage(e);
        actions.reportError(t(state.lang.peek(), 'ui.error.basemap', { detail }));
      },
    );
    return () => {
      offA();
      offB();
      va.destroy();
      vb.destroy();
      views.current = null;
    };
  }, []);

  const lang = state.lang.value;
  const project = state.project.value;
  const selection = useRef<OverlayOptions['selection']>(null);
  useEffect(() => {
    if (!views.current || !project) return;
    feed(views.current.a, a, project, lang, rule);
    views.current.a.setExtra(CHANGED_SOURCE, changedFacilities(a.facilities, b.facilities), CHANGED_LAYERS);
  }, [a, b, project, lang, rule]);
  useEffect(() => {
    if (!views.current || !project) return;
    feed(views.current.b, b, project, lang, rule);
    views.current.b.setExtra(CHANGED_SOURCE, changedFacilities(b.facilities, a.facilities), CHANGED_LAYERS);
  }, [a, b, project, lang, rule]);
  // change mode: both maps show what happened to each community, under the facility markers
  const ch = changes(a, b, rule);
  useEffect(() => {
    const v = views.current;
    if (!v || !project) return;
    const communities = b.communities ?? a.communities ?? project.communities;
    // a community B removed is drawn where A had it
    const all = [...communities, ...(a.communities ?? project.communities).filter((c) => !communities.some((x) => x.id === c.id))];
    const data = colourBy === 'change' ? changeFeatures(all, ch) : { type: 'FeatureCollection' as const, features: [] };
    const overlay = overlayOf(state.visible.peek(), colourBy, selection.current);
    for (const view of [v.a, v.b]) {
      view.setOverlay(overlay);
      view.setExtra(CHANGE_SOURCE, data, CHANGE_LAYERS, 'a-facilities-marker');
    }
  }, [a, b, project, rule, colourBy]);

  useEffect(() => {
    const v = views.current;
    if (!v || !focus || !project) return;
    const communities = b.communities ?? a.communities ?? project.communities;
    const target = focusTarget({ communities, facilities: [], streets: [] }, 'community', focus.id);
    if (!target) return;
    selection.current = { level: 'community' as const, id: focus.id };
    const overlay = overlayOf(state.visible.peek(), colourBy, selection.current);
    v.a.setOverlay(overlay);
    v.b.setOverlay(overlay);
    v.b.focus(target.bbox, target.centre, 15); // a follows through the sync
  }, [focus?.seq]);

  // the swipe clips the top map; side by side shows both whole
  const clip = mode === 'swipe' ? `inset(0 0 0 ${swipe}%)` : 'none';
  return (
    <div class={`compare-maps compare-${mode}`} data-testid="compare-maps" data-mode={mode}>
      <figure class="compare-map">
        <div ref={hostA} class="map" data-testid="compare-map-a" data-idle="false" role="application" aria-label={names.a} />
        <figcaption class="compare-caption left">A · {names.a}</figcaption>
        <p class="compare-ring-note">{tr('present.compare.ringNote')}</p>
      </figure>
      <figure class="compare-map top" style={{ clipPath: clip }}>
        <div ref={hostB} class="map" data-testid="compare-map-b" data-idle="false" role="application" aria-label={names.b} />
        <figcaption class="compare-caption right">B · {names.b}</figcaption>
      </figure>
      <CompareLegend colourBy={colourBy} rule={rule} counts={changeCounts(ch)} />
      {mode === 'swipe' && (
        <>
          <div class="swipe-line" style={{ left: `${swipe}%` }} aria-hidden="true" />
          <input
            class="swipe-range"
            type="range"
            min={0}
            max={100}
            value={swipe}
            aria-label={tr('present.compare.swipe')}
            data-testid="compare-swipe"
            onInput={(e) => setSwipe(e.currentTarget.valueAsNumber)}
          />
        </>
      )}
    </div>
  );
}
