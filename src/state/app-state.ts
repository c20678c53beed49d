// All app state as Preact signals plus the values derived from them. Only actions.ts writes the
// signals; components and the map adapter read.
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { ProfileInfo } from '../core/evaluate';
import type { Layers, Level } from '../core/model';
import type { Session } from '../core/scenario';
import { DEFAULT_PARAMS, type Params } from '../core/params';
import type { Lang } from '../i18n';
import { LAYER_GROUPS, type LayerGroup } from './layers';
import type { Analysis, LoadedProject } from '../service/session';
import type { CircleGroup, ServiceAreas, ShownAreas } from '../service/service-areas';
import type { BasemapChoice } from './persist';
import { buildRows, DEFAULT_QUERY, type TableQuery, type TableRow } from './table';
import { countsByRule, outsideSet, unitIds as idsInOrder, unitRanks, verdictOfRank, verdictsByUnit, type RuleCount, type Verdict } from '../core/report/verdicts';
import { arraySource, type ResultSource } from '../core/report/result-columns';

const MAP_LEVELS: Level[] = ['street', 'community'];
const NO_UNITS: { id: string }[] = [];
import { createSuggestState, type SuggestState } from './suggest';

/** the embedded demo's name, so the app shows its real-vs-simulated note only for it */
export const DEMO_FILE = 'data/demo/project.json';

export type Phase = 'starting' | 'loading' | 'analysing' | 'ready' | 'error';

export interface UnitRef {
  level: Level;
  id: string;
}

/** The page's layers: what it draws and edits. Roads stay in the worker (roads: [] here). */
export type PageLayers = Layers;

export interface AppState {
  lang: Signal<Lang>;
  phase: Signal<Phase>;
  /** text for people (already translated) when phase is 'error' or a load went wrong */
  error: Signal<string | null>;
  profiles: Signal<ProfileInfo[]>;
  profile: Signal<string>;
  params: Signal<Params>;
  project: Signal<LoadedProject | null>;
  /** file name the project came from (the demo's is DEMO_FILE) */
  projectFile: Signal<string | null>;
  /** the newest analysis: the map's colours follow it, a drag's preview included */
  analysis: Signal<Analysis<ShownAreas> | null>;
  /** while a drag previews an edit: the analysis from before the drag, which the panels keep
   *  showing until the drop is analysed (re-rendering them per preview cost the drag its frames) */
  previewFrom: Signal<Analysis<ShownAreas> | null>;
  /** what the panels, table and exports show: `analysis`, but the one before a drag during it */
  shown: ReadonlySignal<Analysis<ShownAreas> | null>;
  /** circles (straight) or walk areas (network) currently drawn; null while being computed */
  areas: Signal<ShownAreas | null>;
  /** network walk areas are being worked out (after the verdicts): the map says so meanwhile */
  areasPending: Signal<boolean>;
  /** bumped when the opened project's issues were completed in place (checkedIssues: the
   *  outlines' self-intersection checks run after the first analysis); the issue lists read it */
  issuesChecked: Signal<number>;
  /** the circle of a facility being dragged, drawn apart so the other circles are not re-sent per frame */
  movingCircle: Signal<ServiceAreas | null>;
  /** rule that colours the map; null = overall (worst) verdict */
  rule: Signal<string | null>;
  selection: Signal<UnitRef | null>;
  /** a request for the map to zoom to a unit; seq changes on every request */
  focus: Signal<(UnitRef & { seq: number }) | null>;
  visible: Signal<Record<LayerGroup, boolean>>;
  circles: Signal<CircleGroup[]>;
  query: Signal<TableQuery>;
  basemap: Signal<BasemapChoice>;
  /** the map has drawn everything it was given */
  mapIdle: Signal<boolean>;
  /** baseline + named scenarios + the open one (its layers and undo history); null before a load */
  session: Signal<Session<PageLayers> | null>;
  /** what the map, tables and detail panel draw: the OPEN scenario's layers (the baseline when
   *  none is open); null before a load */
  layers: ReadonlySignal<PageLayers | null>;
  /** the site-suggestion panel (src/state/suggest.ts) */
  suggest: SuggestState;
  /** bumped on every ledger entry (the project's ledger key changes in place, src/state/ledger.ts) */
  ledgerVersion: Signal<number>;

  /** the shown analysis's results, read by index (built as objects only where shown) */
  results: ReadonlySignal<ResultSource>;
  /** the newest analysis's results (what the map colours; `results` keeps the one before a drag during it) */
  liveResults: ReadonlySignal<ResultSource>;
  /** verdict of each street and community (what the map colours: the newest analysis), keyed by unitKey */
  verdicts: ReadonlySignal<Map<string, Verdict>>;
  counts: ReadonlySignal<RuleCount[]>;
  /** communities by their overall verdict (the 综合 row counts communities, not results) */
  overallCommunities: ReadonlySignal<Record<Verdict, number>>;
  rows: ReadonlySignal<TableRow[]>;
  outside: ReadonlySignal<Set<string>>;
  currentProfile: ReadonlySignal<ProfileInfo | undefined>;
  nameOf: ReadonlySignal<(level: Level, id: string) => string | undefined>;
}

export function createAppState(init: { lang: Lang; basemap: BasemapChoice }): AppState {
  const analysis = signal<Analysis<ShownAreas> | null>(null);
  const rule = signal<string | null>(null);
  const query = signal<TableQuery>(DEFAULT_QUERY);
  const circles = signal<CircleGroup[]>(['elderly', 'childcare']);
  const project = signal<LoadedProject | null>(null);
  const profiles = signal<ProfileInfo[]>([]);
  const profile = signal('combined');
  const session = signal<Session<PageLayers> | null>(null);
  const layers = computed<PageLayers | null>(() => {
    const open = session.value?.editing.layers;
    if (open) return open;
    const p = project.value;
    return p ? { communities: p.communities, facilities: p.facilities, streets: p.streets, roads: [] } : null;
  });

  const previewFrom = signal<Analysis<ShownAreas> | null>(null);
  const shown = computed(() => previewFrom.value ?? analysis.value);
  // the worker's columns (the client's table); objects only where an analysis came as objects (tests in Node)
  const sourceOf = (a: Analysis<ShownAreas> | null): ResultSource => a?.table ?? arraySource(a?.evaluation.results ?? []);
  const results = computed(() => sourceOf(shown.value));
  const liveResults = computed(() => sourceOf(analysis.value));
  const nameOf = computed(() => namesOf(project.value, layers.value));

  return {
    lang: signal(init.lang),
    phase: signal<Phase>('starting'),
    error: signal<string | null>(null),
    profiles,
    profile,
    params: signal<Params>({ ...DEFAULT_PARAMS }),
    project,
    projectFile: signal<string | null>(null),
    issuesChecked: signal(0),
    analysis,
    previewFrom,
    shown,
    areas: signal<ShownAreas | null>(null),
    areasPending: signal(false),
    movingCircle: signal<ServiceAreas | null>(null),
    rule,
    selection: signal<UnitRef | null>(null),
    focus: signal<(UnitRef & { seq: number }) | null>(null),
    visible: signal(Object.fromEntries(LAYER_GROUPS.map((g) => [g, true])) as Record<LayerGroup, boolean>),
    circles,
    query,
    basemap: signal(init.basemap),
    mapIdle: signal(false),
    session,
    layers,
    suggest: createSuggestState(),
    ledgerVersion: signal(0),

    results,
    liveResults,
    // what the map colours: streets and communities (facilities are drawn by kind)
    verdicts: computed(() => verdictsByUnit(liveResults.value, rule.value, MAP_LEVELS)),
    counts: computed(() => countsByRule(results.value)),
    overallCommunities: computed(() => {
      const out: Record<Verdict, number> = { fail: 0, pass: 0, na: 0, none: 0 };
      for (const r of unitRanks(results.value, null, 'community', idsInOrder(layers.value?.communities ?? NO_UNITS))) out[verdictOfRank(r)]++;
      return out;
    }),
    rows: computed(() => buildRows(results.value, query.value, nameOf.value, unitIds(layers.value, query.value.level))),
    outside: computed(() => outsideSet(analysis.value?.evaluation.coverage ?? [], circles.value)),
    currentProfile: computed(() => profiles.value.find((p) => p.id === profile.value)),
    nameOf,
  };
}

/** a unit's name by level and id (the table's and panels' labels) */
function namesOf(p: LoadedProject | null, l: PageLayers | null): (level: Level, id: string) => string | undefined {
  const maps: Partial<Record<Level, Map<string, string>>> =
    p && l
      ? {
          community: new Map(l.communities.map((c) => [c.id, c.name])),
          facility: new Map(l.facilities.map((f) => [f.id, f.name])),
          street: new Map(l.streets.map((s) => [s.id, s.name])),
          area: new Map([['area', p.area.name]]),
        }
      : {};
  return (level, id) => maps[level]?.get(id);
}

/** ids of a level's units in layer order: the table lists every one, even with no rule applying */
function unitIds(l: PageLayers | null, level: Level): string[] {
  if (!l) return [];
  if (level === 'community') return l.communities.map((c) => c.id);
  if (level === 'facility') return l.facilities.map((f) => f.id);
  if (level === 'street') return l.streets.map((s) => s.id);
  return [];
}
