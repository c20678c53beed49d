// The analysis session: one loaded project, its open scenario's edits, the street-network engine
// kept between analyses, and every question the app asks of them (analyse, walk areas, import,
// exports, site check, suggestion, compare). Created, not global: the worker exposes one
// (src/worker/worker.ts), tests and the command line create their own and call it in Node.
import { dataCredits } from '../core/credits';
import { freshOutline, keepPacked, packedAt, type PackedRef, readAt } from '../core/packed-outlines';
import { labelPoint } from '../core/label-point';
import { keepRoadsPacked } from '../core/reach/network/packed-roads';
import { listProfiles, type Evaluation, type ProfileInfo } from '../core/evaluate';
import { evaluateForEdits, reevaluate } from '../core/reevaluate';
import { diffEvaluation, type EvaluationDelta } from '../core/evaluation-delta';
import type { AreaInfo, DataIssue, Facility, Layers, Msg, Project, Road } from '../core/model';
import { circleDistance, resolveParams, type Params } from '../core/params';
import { BASELINE_ID, replay, type Edit, type ScenarioPart, type SkippedEdit } from '../core/scenario';
import { parseProject, projectToJson, withRingIssues, type InputProblem, type RingCheck } from '../schemas';
import { readScenarioPart, type ScenarioPartResult } from '../schemas/scenario';
import type { ImportApi, ProjectTextRequest } from './import-export';
import type { createSuggestApi } from './suggest';
import type { createCompareApi } from './compare';
import type { createSiteApi } from './site';
import type { TileLayer } from './unit-tiles';
import { lazyPart } from './lazy-part';
import { toColumns } from './analysis-columns';
import type { ResultTable } from '../core/report/result-columns';
import { reachFor, type ReachCache, type ReachChoice, type ReachSource } from './reach';
import { areasKey, CIRCLE_GROUPS, serviceAreas, straightArea, straightRadius, type ServiceAreas, type ShownAreas } from './service-areas';

/** walk-area answers kept per session (a few circle settings to go back to) */
const AREAS_KEPT = 3;
/** circles or walk areas handed out and still tiled: the page shows the newest or, while a newer
 *  answer is ignored for a newer analysis, one before it */
const AREAS_OUT = 3;

const NO_SCENARIOS: ScenarioPart = { scenarios: [], views: [], activeScenario: BASELINE_ID };

/** The ring checks left for later, those of the outlines kept packed (communities, streets) reading
 *  the packing (built for the check and let go) instead of holding the file's GeoJSON until they run. */
function laterOnPacked<T extends { geometry: unknown }>(later: readonly RingCheck[], read: readonly T[], kept: readonly T[]): RingCheck[] {
  // the file's outlines were read into the very packing kept (keepPacked): they read it already
  if (read.every((c, i) => sameRef(readAt(c.geometry), packedAt(kept[i])))) return [...later];
  const byOutline = new Map<unknown, T>(read.map((c, i) => [c.geometry, kept[i]]));
  return later.map((x) => {
    const c = byOutline.get(x.geometry);
    return c ? checkOnPacked(x, c) : x;
  });
}

const sameRef = (a: PackedRef | null, b: PackedRef | null): boolean => a !== null && b !== null && a.packed === b.packed && a.i === b.i;

/** (a function of its own: a getter made inside laterOnPacked would keep its map of the file's
 *  outlines alive through the closure's scope) */
function checkOnPacked({ geometry: _, ...rest }: RingCheck, c: { geometry: unknown }): RingCheck {
  return Object.defineProperty(rest, 'geometry', { enumerable: true, get: () => freshOutline(c as { geometry: RingCheck['geometry'] }) }) as RingCheck;
}

/** What the page keeps of a loaded project: everything it draws (roads stay in the session). */
export interface LoadedProject extends Omit<Project, 'roads'> {
  issues: DataIssue[];
  /** top-level keys the schema keeps but does not interpret (e.g. the demo's `meta` provenance) */
  other: Record<string, unknown>;
  roadCount: number;
  /** licence credits the data asks for (e.g. OpenStreetMap, ODbL), from every layer incl. roads */
  credits: string[];
  /** the scenarios and saved views of `other`, read and checked here (the page has no schema
   *  library: it opens these as they are) */
  scenarioPart: ScenarioPart;
  /** repairs made while reading them, or why a broken part was left out (the layers still open) */
  scenarioNotes: Msg[];
}

/** A project already read and validated, with what reading it found. */
export interface OpenProject {
  project: Project;
  issues: DataIssue[];
  other: Record<string, unknown>;
  /** the outlines' self-intersection checks not run yet (checkedIssues() runs them) */
  ringsLater?: RingCheck[];
}

type ReadOutcome = { ok: true; parsed: OpenProject; part: ScenarioPartResult } | { ok: false; problems: InputProblem[] };

export type LoadOutcome = { ok: true; project: LoadedProject } | { ok: false; problems: InputProblem[] };

export interface AnalysisRequest {
  profile: string;
  params: Partial<Params>;
  /** false when the caller already holds the circles for these circle parameters (a profile
   *  switch does not move them): saves building and re-drawing hundreds of polygons */
  areas?: boolean;
}

/** `A`: the page holds the circles as ShownAreas (no outlines: service-areas.ts) */
export interface Analysis<A extends ShownAreas = ServiceAreas> {
  evaluation: Evaluation;
  /** straight mode: the circles; in network mode the walk areas when the session kept them for
   *  these settings, else null (ask walkAreas(), which takes seconds); null when the request said
   *  areas: false */
  serviceAreas: A | null;
  /** which reach engine produced the circles and coverage, and why if it differs from the request */
  reach: ReachChoice['used'];
  reachNote?: string;
  /** milliseconds spent in the session */
  ms: number;
  /** this analysis's number in the session: analyseEdits() answers with a delta against it */
  serial: number;
  /** on the page: the results as the worker sent them, as columns (src/service/analysis-columns.ts) */
  table?: ResultTable;
}

/** The answer to analyseEdits(): the units an edit changed, against the analysis the page holds. */
export interface EditAnalysis {
  skipped: SkippedEdit[];
  /** null when the session no longer holds the page's analysis (or another profile or parameters
   *  were asked): the caller asks analyse() for the whole */
  delta: EvaluationDelta | null;
  /** the serial of the analysis after the edit (the next delta's base) */
  serial: number;
  /** how many communities were evaluated again (core/reevaluate.ts); null: all of them (more than
   *  facilities changed, or no analysis to build on) */
  redone: number | null;
  ms: number;
}

/** The layers a session analyses, with the study area. */
export type SessionLayers = Layers & { area: AreaInfo };

export interface SessionDeps {
  /** how loadUrl() fetches (default: the global fetch of the worker or Node) */
  fetch?: typeof fetch;
}

/** A new, empty analysis session: `load()` a project, then ask it questions. */
export function createAnalysisSession(deps: SessionDeps = {}) {
  /** a project file fetched and read ahead of its opening (prefetch) */
  let early: { url: string; fileName: string; reading: Promise<ReadOutcome> } | null = null;

  /** the file's bytes: the outlines are read from them (schemas/scan-outlines.ts), so no string of
   *  the whole file is decoded */
  async function fetchBytes(url: string, fileName: string): Promise<Uint8Array> {
    const res = await (deps.fetch ?? fetch)(url);
    if (!res.ok) throw new Error(`${fileName}: HTTP ${res.status} ${res.statusText}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  /** the project file checked, scenario part included; nothing opened */
  function read(json: unknown, fileName: string): ReadOutcome {
    // the outlines' self-intersection check waits for the first analysis (checkedIssues)
    // the outlines read from the text into the packing the session keeps (schemas/scan-outlines.ts)
    const parsed = parseProject(json, fileName, { ringsLater: true, scan: true });
    if (!parsed.ok) return parsed;
    // a broken scenario part refuses the whole file: opening it changes nothing
    const part = readScenarioPart(parsed.other);
    if (!part.ok) return { ok: false, problems: part.problems.map((msg) => ({ file: fileName, field: 'scenarios', msg })) };
    return { ok: true, parsed, part };
  }

  /** the opened project's issues and the ring checks left out of them, until checkedIssues() */
  let unchecked: { issues: DataIssue[]; later: RingCheck[] } | null = null;
  let current: SessionLayers | null = null;
  let baseline: SessionLayers | null = null;
  let reachCache: ReachCache | null = null;
  /** the last analysis, kept to answer the next edit with what changed */
  let last: { serial: number; key: string; evaluation: Evaluation } | null = null;
  let serial = 0;
  /** the last AREAS_KEPT walk-area answers, newest first */
  let areasKept: { facilities: readonly Facility[]; engine: unknown; key: string; areas: ServiceAreas }[] = [];
  /** the last AREAS_OUT circles or walk areas handed out, newest first, each with its id: the
   *  map's tiles of them (unitTile 'circles') and the gaps export */
  let areasOut: ServiceAreas[] = [];
  let areasSerial = 0;
  const handOut = (a: ServiceAreas): ServiceAreas => {
    // kept packed (8 or 16 bytes a vertex, not a small array each: a large city's walk areas are 1.1 M
    // vertices, kept up to AREAS_KEPT times); each outline is built again when read
    const out = a.id === undefined ? { ...a, id: ++areasSerial, features: keepPacked(a.features) } : a;
    areasOut = [out, ...areasOut.filter((x) => x !== out)].slice(0, AREAS_OUT);
    return out;
  };
  const loaded = <T>(what: string, x: T | null): T => {
    if (!x) throw new Error(`${what}() called before load(): load a project first`);
    return x;
  };
  /** the packed array of each road array keepRoadsPacked packed, and of each packed array itself (a
   *  road that does not pack exactly stays as it was, so the roads cannot say whether their array
   *  was packed); a caller holding the array from before the packing gets the packed one too */
  const packedOf = new WeakMap<readonly Road[], readonly Road[]>();
  /** The roads packed on the first walk along them (core/reach/network/packed-roads.ts: ≈ 35 MB of
   *  heap less for a large city), not while the project opens (0.17–0.25 s at 65 000 roads, off the
   *  outlines' path); the baseline and the open scenario hold the packing from then on. A baseline
   *  given new roads (an import) has them packed on their first walk too. */
  const packedRoads = (params: Params, roads: readonly Road[]): readonly Road[] => {
    const known = packedOf.get(roads);
    if (known) return known;
    if (params.reach === 'straight' || roads.length === 0 || !baseline || roads !== baseline.roads) return roads;
    const packed = keepRoadsPacked(roads);
    packedOf.set(roads, packed);
    packedOf.set(packed, packed);
    baseline = { ...baseline, roads: packed };
    if (current?.roads === roads) current = { ...current, roads: packed };
    return packed;
  };
  /** the reach engine for these settings and roads; its cache kept for the next question */
  const reachNow = (params: Params, roads: readonly Road[]): ReachChoice => {
    const choice = reachFor(params, packedRoads(params, roads), reachCache);
    reachCache = choice.cache;
    return choice;
  };
  /** the reach the lazily loaded parts use: the session's own (reach.ts ReachSource) */
  const reachSource: ReachSource = { reach: (params, roads) => reachNow(params, roads), reachKept: () => reachCache !== null };
  /** a walk-area answer kept for the same facilities, engine and circle settings, handed out again */
  const keptAreas = (data: SessionLayers, params: Params, choice: ReachChoice): ServiceAreas | null => {
    const key = areasKey(params);
    const kept = areasKept.find((k) => k.facilities === data.facilities && k.engine === choice.engine && k.key === key);
    return kept ? handOut(kept.areas) : null;
  };
  /** straight circles of every circle group (straight mode's areas) */
  const circlesOf = (facilities: readonly Facility[], params: Params): ServiceAreas => serviceAreas(facilities, params, CIRCLE_GROUPS, straightArea, straightRadius(params));
  /** what an analysis was asked with: an edit can build on it only when it is the same */
  const analysisKey = (profile: string, params: Params): string => JSON.stringify([profile, params]);
  /** these layers as a project file with the loaded project's area and the page's settings */
  const fileText = (l: Layers, p: ProjectTextRequest): string =>
    JSON.stringify(projectToJson({ ...l, area: loaded('projectText', baseline).area, profile: p.profile, params: p.params }, p.other));

  const session = {
    // importers, suggestion, compare and the site check load on their first call (lazy-part.ts)
    ...lazyPart(
      () =>
        import('./import-export').then((m) =>
          m.createImportApi({
            baseline: () => baseline,
            current: () => current,
            setBaseline: (l) => {
              if (l.roads !== baseline?.roads) reachCache = null;
              if (baseline) baseline = current = { ...l, area: baseline.area };
            },
            projectText: (l, p) => fileText(l, p),
            areas: (id) => areasOut.find((a) => a.id === id) ?? null,
          }),
        ),
      {
        importRead: true,
        importCheck: true,
        importAccept: true,
        importRestore: true,
        importBeforeText: true,
        importCancel: true,
        exportResults: true,
        exportGaps: true,
      } satisfies Record<keyof ImportApi, true>,
    ),
    ...lazyPart(() => import('./suggest').then((m) => m.createSuggestApi({ layers: () => current, ...reachSource })), {
      suggest: true,
      cancelSuggest: true,
      readParcels: true,
    } satisfies Record<keyof ReturnType<typeof createSuggestApi>, true>),
    // compare replays each side on the baseline itself (compare.ts)
    ...lazyPart(() => import('./compare').then((m) => m.createCompareApi({ baseline: () => baseline, ...reachSource })), { compare: true } satisfies Record<
      keyof ReturnType<typeof createCompareApi>,
      true
    >),
    ...lazyPart(() => import('./site').then((m) => m.createSiteApi({ layers: () => current, ...reachSource })), {
      checkSite: true,
      readSiteFile: true,
      siteXlsx: true,
    } satisfies Record<keyof ReturnType<typeof createSiteApi>, true>),
    /** analyse(), its results as columns (what the page's client asks for) */
    analyseColumns: (req: AnalysisRequest) => toColumns(session.analyse(req)),
    // the map's community and street outlines as vector tiles (unit-tiles.ts), from the open scenario's layers
    ...lazyPart(
      () =>
        import('./unit-tiles').then((m) => {
          const tiles = m.createUnitTiles();
          return {
            /** `version`: for circles, the id of the areas the page shows (ServiceAreas.id) */
            unitTile: (layer: TileLayer, z: number, x: number, y: number, version = 0) =>
              layer === 'circles'
                ? tiles.areaTile(areasOut.find((a) => a.id === version) ?? null, z, x, y)
                : layer === 'dots'
                  ? tiles.dotTile(loaded('unitTile', current).communities, z, x, y)
                  : tiles.tile(layer, loaded('unitTile', current)[layer], z, x, y),
            /** the open layers' tile indexes made before their first tile is asked for */
            prepareTiles: () => (current ? tiles.prepare(current) : undefined),
          };
        }),
      { unitTile: true, prepareTiles: true },
    ),
    listProfiles(): ProfileInfo[] {
      return listProfiles();
    },

    /** Parses and validates a project file (JSON text or already parsed); keeps it for analyse(). */
    load(json: unknown, fileName: string): LoadOutcome {
      early = null;
      const r = read(json, fileName);
      return r.ok ? { ok: true, project: session.open(r.parsed, r.part) } : r;
    },

    /** Fetches and reads a project file before it is asked for (the page starts this for the demo
     *  while it looks for an autosaved project): loadUrl() of the same file then only opens it.
     *  Nothing is opened here, so a project opened meanwhile is never replaced. */
    prefetch(url: string, fileName: string): void {
      const reading = fetchBytes(url, fileName).then((bytes) => read(bytes, fileName));
      reading.catch(() => undefined); // loadUrl() reports a failure, if it is asked for
      early = { url, fileName, reading };
    },

    /** Keeps a project read elsewhere (the command line's folder of layers) for analyse(); the
     *  page gets all of it but the roads (they stay here): their count and credits instead. */
    open(p: OpenProject, read: ScenarioPartResult = readScenarioPart(p.other)): LoadedProject {
      const { roads, profile, params, ...parsed } = p.project;
      // the communities and streets kept packed (8 or 16 bytes a vertex, not a small array each: ≈ 187 MB
      // less for a 20 000-community city), each outline built when read; the engine reads the packing
      const layers = { ...parsed, communities: keepPacked(parsed.communities, labelPoint), streets: keepPacked(parsed.streets) };
      // the roads are packed on the first walk along them (packedRoads)
      current = { ...layers, roads };
      baseline = current;
      reachCache = null;
      // another project's areas can no longer be asked for: let them go
      areasKept = [];
      areasOut = [];
      unchecked = p.ringsLater?.length
        ? { issues: p.issues, later: laterOnPacked(laterOnPacked(p.ringsLater, parsed.communities, layers.communities), parsed.streets, layers.streets) }
        : null;
      // a broken part opens the baseline alone and says why
      const [scenarioPart, scenarioNotes] = read.ok ? [read.part, read.notes] : [NO_SCENARIOS, read.problems];
      return {
        ...layers,
        profile,
        params,
        issues: p.issues,
        other: p.other,
        roadCount: roads.length,
        credits: dataCredits(p.project),
        scenarioPart,
        scenarioNotes,
      };
    },

    /** Reads a file the user picked in the worker itself: the page hands over the File (a handle,
     *  not its bytes), so it neither holds the text of a 100 MB project nor copies it here. */
    async loadFile(file: Blob, fileName: string): Promise<LoadOutcome> {
      return session.load(new Uint8Array(await file.arrayBuffer()), fileName);
    },

    /** Fetches the project file in the worker itself: the page never parses or copies the raw file. */
    async loadUrl(url: string, fileName: string): Promise<LoadOutcome> {
      const ahead = early?.url === url && early.fileName === fileName ? early.reading : null;
      if (!ahead) return session.load(await fetchBytes(url, fileName), fileName);
      const r = await ahead;
      early = null;
      return r.ok ? { ok: true, project: session.open(r.parsed, r.part) } : r;
    },

    /** The opened project's whole issue list, once the self-intersection checks left out when it
     *  was read have run (the page asks after the first analysis, so the verdicts do not wait for
     *  them); null when none were left out (the list the page got is whole) or already answered. */
    checkedIssues(): DataIssue[] | null {
      const u = unchecked;
      unchecked = null;
      return u ? withRingIssues(u.issues, u.later) : null;
    },

    analyse(req: AnalysisRequest): Analysis {
      const t0 = performance.now();
      const params = resolveParams(req.params);
      const choice = reachNow(params, loaded('analyse', current).roads);
      // the layers read once the roads are packed (reachNow): the evaluation kept for the next edit
      // holds the packed roads, so it neither keeps the file's GeoJSON nor differs from the edit's
      const data = loaded('analyse', current);
      const evaluation = evaluateForEdits(data, { profile: req.profile, params, reach: choice.engine });
      // along streets: the walk areas only when kept (circle minutes changed back), so they come
      // with the verdicts in one answer; the others are asked of walkAreas()
      const along = choice.area !== null;
      const areas = req.areas === false ? null : along ? keptAreas(data, params, choice) : handOut(circlesOf(data.facilities, params));
      last = { serial: ++serial, key: analysisKey(req.profile, params), evaluation };
      return { evaluation, serviceAreas: areas, reach: choice.used, reachNote: choice.note, ms: performance.now() - t0, serial };
    },

    /** setEdits() and analyse() in one, answered with the units whose results changed against
     *  the analysis `base` (its serial) the caller holds. The edited layers keep the prepared
     *  communities, streets and the walks from every facility position already seen, so only the
     *  edited facilities are walked from again (core/rules/context.ts), and only the communities
     *  those facilities reach (before or after) get their rows again (core/reevaluate.ts); undo
     *  and redo are edit lists too. */
    analyseEdits(edits: Edit[], req: AnalysisRequest & { base: number }): EditAnalysis {
      const t0 = performance.now();
      const prev = last;
      const { skipped } = session.setEdits(edits);
      const data = loaded('analyseEdits', current);
      const params = resolveParams(req.params);
      const key = analysisKey(req.profile, params);
      if (prev !== null && prev.serial === req.base && prev.key === key) {
        const choice = reachNow(params, data.roads);
        const r = reevaluate(prev.evaluation, data, { profile: req.profile, params, reach: choice.engine });
        if (r) {
          last = { serial: ++serial, key, evaluation: r.evaluation };
          return { skipped, delta: r.delta, serial, redone: r.redone, ms: performance.now() - t0 };
        }
      }
      const a = session.analyse({ ...req, areas: false });
      const same = prev !== null && prev.serial === req.base && last !== null && prev.key === last.key;
      return { skipped, delta: same ? diffEvaluation(prev.evaluation, a.evaluation) : null, serial: a.serial, redone: null, ms: performance.now() - t0 };
    },

    /** The open scenario's edits (oldest first; [] = the baseline): later analyses run on the
     *  baseline with them replayed. Edits never touch roads, so the roads array — and with it the
     *  street-network engine kept in reachCache — stays the same object: no graph rebuild. */
    setEdits(edits: Edit[]): { skipped: SkippedEdit[] } {
      const base = loaded('setEdits', baseline);
      const r = replay(base, { edits });
      current = { ...r.layers, area: base.area };
      return { skipped: r.skipped };
    },

    /** The baseline as a project file (JSON text, roads included) with the page's settings and
     *  extra top-level keys (scenarios, views …): "save project" and autosave write this. */
    projectText(p: ProjectTextRequest): string {
      return fileText(loaded('projectText', baseline), p);
    },
    /** the same text as a Blob: posted to the page by reference and stored by IndexedDB as it is,
     *  so the page's thread never copies or serialises the data (autosave of a 120 MB city) */
    projectData(p: ProjectTextRequest): Blob {
      return new Blob([fileText(loaded('projectText', baseline), p)], { type: 'application/json' });
    },

    /** Network mode, during a drag: the area walkable from one facility put at `to` (each circle
     *  group of its kind), so the moved facility's walk area follows the pointer; null in straight
     *  mode (the page moves the circle itself) or for a facility not in the layers. */
    walkAreaAt(req: AnalysisRequest & { facility: string; to: [number, number] }): ServiceAreas | null {
      const data = loaded('walkAreaAt', current);
      const params = resolveParams(req.params);
      const choice = reachNow(params, data.roads);
      const f = data.facilities.find((x) => x.id === req.facility);
      if (choice.area === null || !f) return null;
      const moved = { ...f, geometry: { type: 'Point' as const, coordinates: req.to } };
      const areas = serviceAreas([moved], params, CIRCLE_GROUPS, choice.area, circleDistance(params));
      return { ...areas, features: areas.features.map((a) => ({ ...a, properties: { ...a.properties, facility: f.id } })) };
    },

    /** Network mode: the area walkable along streets from each circle group's facilities. A
     *  second call after analyse(), so verdicts show at once and the slower polygons follow. */
    walkAreas(req: AnalysisRequest): ServiceAreas {
      const data = loaded('walkAreas', current);
      const params = resolveParams(req.params);
      const choice = reachNow(params, data.roads);
      // the same facilities, engine and circle settings as an answer kept: that answer (circle
      // minutes changed back, on a large city seconds of walking and tracing saved)
      const kept = keptAreas(data, params, choice);
      if (kept) return kept;
      const key = areasKey(params);
      const areas = handOut(choice.area === null ? circlesOf(data.facilities, params) : serviceAreas(data.facilities, params, CIRCLE_GROUPS, choice.area, circleDistance(params)));
      areasKept = [{ facilities: data.facilities, engine: choice.engine, key, areas }, ...areasKept.slice(0, AREAS_KEPT - 1)];
      return areas;
    },
  };
  return session;
}

export type AnalysisSession = ReturnType<typeof createAnalysisSession>;
