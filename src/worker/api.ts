// Everything the page asks of the analysis worker. The functions run in the worker (worker.ts
// exposes this object with Comlink) and equally in Node, where tests call them directly.
import { dataCredits } from '../core/credits';
import { evaluate, listProfiles, type Evaluation, type ProfileInfo } from '../core/evaluate';
import type { AreaInfo, Layers } from '../core/model';
import { circleDistance, resolveParams, type Params } from '../core/params';
import { readScenarioPart, replay, type Edit, type SkippedEdit } from '../core/scenario';
import { projectToJson, type InputProblem } from '../schemas';
import { type ParsedProject, parseProject } from './parse';
import type { ImportApi } from './import';
import type { createSuggestApi } from './suggest';
import type { createCompareApi } from './compare';
import type { createSiteApi } from './site';
import { lazyPart } from './lazy-part';
import { createAnalysisPartsApi } from './analysis-parts';
import { reachFor, type ReachCache, type ReachChoice } from './reach';
import { CIRCLE_GROUPS, serviceAreas, straightArea, straightRadius, type ServiceAreas } from './service-areas';

/** What the page keeps of a loaded project: everything it draws (roads stay in the worker). */
export interface LoadedProject extends Omit<ParsedProject, 'roads'> {
  roadCount: number;
  /** licence credits the data asks for (e.g. OpenStreetMap, ODbL), from every layer incl. roads */
  credits: string[];
}

export type LoadOutcome = { ok: true; project: LoadedProject } | { ok: false; problems: InputProblem[] };

export interface AnalysisRequest {
  profile: string;
  params: Partial<Params>;
  /** false when the caller already holds the circles for these circle parameters (a profile
   *  switch does not move them): saves building and re-drawing hundreds of polygons */
  areas?: boolean;
}

export interface Analysis {
  evaluation: Evaluation;
  /** straight mode: the circles; null in network mode (ask walkAreas(), which takes seconds)
   *  or when the request said areas: false */
  serviceAreas: ServiceAreas | null;
  /** which reach engine produced the circles and coverage, and why if it differs from the request */
  reach: ReachChoice['used'];
  reachNote?: string;
  /** milliseconds spent in the worker */
  ms: number;
}

let data: (Layers & { area: AreaInfo }) | null = null;
/** the project as loaded (with roads); `data` is it with the open scenario's edits replayed */
let baseline: (Layers & { area: AreaInfo }) | null = null;
let reachCache: ReachCache | null = null;

export const api = {
  // importers, suggestion, compare and the site check load on their first call (lazy-part.ts)
  ...lazyPart(
    () =>
      import('./import').then((m) =>
        m.createImportApi({
          baseline: () => baseline,
          current: () => data,
          setBaseline: (l) => {
            if (l.roads !== baseline?.roads) reachCache = null;
            if (baseline) baseline = data = { ...l, area: baseline.area };
          },
          projectText: (l, p) => {
            if (!baseline) throw new Error('projectText() called before load(): load a project first');
            return JSON.stringify(projectToJson({ ...l, area: baseline.area, profile: p.profile, params: p.params }, p.other));
          },
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
  ...lazyPart(
    () =>
      import('./suggest').then((m) =>
        m.createSuggestApi({
          layers: () => data,
          reachCache: () => reachCache,
          keepReachCache: (c) => {
            reachCache = c;
          },
        }),
      ),
    { suggest: true, cancelSuggest: true, readParcels: true } satisfies Record<keyof ReturnType<typeof createSuggestApi>, true>,
  ),
  // compare replays each side on the baseline itself (src/worker/compare.ts)
  ...lazyPart(
    () =>
      import('./compare').then((m) =>
        m.createCompareApi({
          baseline: () => baseline,
          reachCache: () => reachCache,
          keepReachCache: (c) => {
            reachCache = c;
          },
        }),
      ),
    { compare: true } satisfies Record<keyof ReturnType<typeof createCompareApi>, true>,
  ),
  ...lazyPart(
    () =>
      import('./site').then((m) =>
        m.createSiteApi({
          layers: () => data,
          reachCache: () => reachCache,
          keepReachCache: (c) => {
            reachCache = c;
          },
        }),
      ),
    { checkSite: true, readSiteFile: true, siteXlsx: true } satisfies Record<keyof ReturnType<typeof createSiteApi>, true>,
  ),
  // analyse() with the results fetched a slice per message (the page's client uses this)
  ...createAnalysisPartsApi({ analyse: (req: AnalysisRequest): Analysis => api.analyse(req) }),
  listProfiles(): ProfileInfo[] {
    return listProfiles();
  },

  /** Parses and validates a project file (JSON text or already parsed); keeps it for analyse(). */
  load(json: unknown, fileName: string): LoadOutcome {
    const parsed = parseProject(json, fileName);
    if (!parsed.ok) return parsed;
    const p = parsed.project;
    // a broken scenario part refuses the whole file: opening it changes nothing
    const part = readScenarioPart(p.other);
    if (!part.ok) return { ok: false, problems: part.problems.map((msg) => ({ file: fileName, field: 'scenarios', msg })) };
    const { roads, profile, params, issues, other, ...layers } = p;
    data = { ...layers, roads };
    baseline = data;
    reachCache = null;
    // the page gets all the parsed project but the roads (they stay here): their count and credits instead
    return { ok: true, project: { ...layers, profile, params, issues, other, roadCount: roads.length, credits: dataCredits(p) } };
  },

  /** Fetches the project file in the worker itself: the page never parses or copies the raw file. */
  async loadUrl(url: string, fileName: string): Promise<LoadOutcome> {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${fileName}: HTTP ${res.status} ${res.statusText}`);
    return api.load(await res.text(), fileName);
  },

  analyse(req: AnalysisRequest): Analysis {
    if (!data) throw new Error('analyse() called before load(): load a project first');
    const t0 = performance.now();
    const params = resolveParams(req.params);
    const choice = reachFor(params, data.roads, reachCache);
    reachCache = choice.cache;
    const evaluation = evaluate(data, { profile: req.profile, params, reach: choice.engine });
    const areas = choice.area !== null || req.areas === false ? null : serviceAreas(data.facilities, params, CIRCLE_GROUPS, straightArea, straightRadius(params));
    return { evaluation, serviceAreas: areas, reach: choice.used, reachNote: choice.note, ms: performance.now() - t0 };
  },

  /** The open scenario's edits (oldest first; [] = the baseline): later analyses run on the
   *  baseline with them replayed. Edits never touch roads, so the roads array — and with it the
   *  street-network engine kept in reachCache — stays the same object: no graph rebuild. */
  setEdits(edits: Edit[]): { skipped: SkippedEdit[] } {
    if (!baseline) throw new Error('setEdits() called before load(): load a project first');
    const r = replay(baseline, { edits });
    data = { ...r.layers, area: baseline.area };
    return { skipped: r.skipped };
  },

  /** The baseline as a project file (JSON text, roads included) with the page's settings and
   *  extra top-level keys (scenarios, views …): "save project" and autosave write this. */
  projectText(p: { profile: string; params: Partial<Params>; other: Record<string, unknown> }): string {
    if (!baseline) throw new Error('projectText() called before load(): load a project first');
    return JSON.stringify(projectToJson({ ...baseline, profile: p.profile, params: p.params }, p.other));
  },

  /** Network mode: the area walkable along streets from each circle group's facilities. A
   *  second call after analyse(), so verdicts show at once and the slower polygons follow. */
  walkAreas(req: AnalysisRequest): ServiceAreas {
    if (!data) throw new Error('walkAreas() called before load(): load a project first');
    const params = resolveParams(req.params);
    const choice = reachFor(params, data.roads, reachCache);
    reachCache = choice.cache;
    if (choice.area === null) return serviceAreas(data.facilities, params, CIRCLE_GROUPS, straightArea, straightRadius(params));
    return serviceAreas(data.facilities, params, CIRCLE_GROUPS, choice.area, circleDistance(params));
  },
};

export type Api = typeof api;
