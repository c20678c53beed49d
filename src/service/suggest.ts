// Site suggestion in the analysis session: suggestSitesAsync() on the worker's current layers with the reach
// engine the analysis uses (straight, or the street network kept in the reach cache), progress
// reported step by step, and a newer request (or cancelSuggest) superseding an older one.
// The worker has one thread: a message (a cancel, a newer request, an analysis) runs only when the
// run pauses. The run pauses for a macrotask every ~15 ms of work, at checkpoints every few
// thousand grid cells, pairs or gain evaluations, and asks there whether it is still the latest:
// a superseded run stops within a slice (SuggestStopped) and answers `superseded`, and other calls
// are served meanwhile instead of after the run. The page also ignores any answer that is not for
// its latest request.
import '../i18n/suggest'; // its strings: loaded with this code, not with the page
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaInfo, FacilityKind, Layers, Msg } from '../core/model';
import { resolveParams, usesNetwork, type Params } from '../core/params';
import { createStraightEngine } from '../core/reach/straight';
import { BUILD_MODES, type BuildMode } from '../core/suggest/cost';
import { SuggestStopped, suggestSitesAsync } from '../core/suggest/suggest';
import type { Cohort, Goal, Parcel, SuggestResult } from '../core/suggest/types';
import { readFileLazy } from '../io/read-lazy';
import type { ReachSource } from './reach';
import { errorMessage } from '../core/errors';

export interface SuggestRequest {
  kind: FacilityKind;
  goal: Goal;
  /** coverage only; undefined = the solver's default for the capacity given */
  cohort?: Cohort;
  sites: number;
  /** places / beds (m² for the elderly shortfall goal) per new site */
  capacity?: number;
  /** CNY of construction subsidy (cf.subsidy.*) all new sites may cost together */
  budget?: number;
  candidates: {
    communities: boolean;
    /** a grid `spacing` metres apart over `area` (a drawn area) or, without one, over the
     *  street/town polygons of the project */
    grid?: { spacing: number; area?: Polygon | MultiPolygon };
    parcels?: Parcel[];
  };
  params: Partial<Params>;
}

export type SuggestStep = 'start' | 'network' | 'reach' | 'candidates' | 'solve' | 'done';
export interface SuggestProgress {
  step: SuggestStep;
  /** 0–1, by step (the steps' real durations vary with the data) */
  fraction: number;
}

export type SuggestOutcome = { ok: true; result: SuggestResult; reachNote?: string; ms: number } | { ok: false; superseded: true } | { ok: false; error: Msg };

export type ParcelsOutcome = { ok: true; parcels: Parcel[]; file: string } | { ok: false; errors: Msg[] };

/** What the suggestion needs of the analysis session's state (session.ts owns it). */
export interface SuggestSource extends ReachSource {
  layers(): (Layers & { area?: AreaInfo }) | null;
}

const FRACTION: Record<SuggestStep, number> = { start: 0, network: 0.1, reach: 0.3, candidates: 0.45, solve: 0.85, done: 1 };

/** lets messages that arrived meanwhile (a newer request, a cancel, an analysis) run */
const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** ms of work between two pauses of a running suggestion: short enough that a cancel or an
 *  analysis waits no longer, long enough that the pauses (≥ 1–4 ms each) cost little */
export const SUGGEST_SLICE_MS = 15;

/** The street/town polygons as one MultiPolygon: the default area of the grid. */
export function streetsArea(layers: Layers): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: layers.streets.flatMap((s): Position[][][] => (s.geometry.type === 'Polygon' ? [s.geometry.coordinates] : s.geometry.coordinates)) };
}

function errorText(e: unknown): Msg {
  return { key: 'suggest.error.failed', args: { detail: errorMessage(e) } };
}

const textOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const pick = (p: Record<string, unknown>, names: readonly string[]): unknown => {
  for (const n of names) if (p[n] !== undefined && p[n] !== null && p[n] !== '') return p[n];
  return undefined;
};

/** A parcels file (any format readFile knows, Point features) → parcels, or every problem found,
 *  each naming the file, the feature number and id, the field and what to do. */
export async function parcelsFromFile(name: string, bytes: Uint8Array | ArrayBuffer): Promise<ParcelsOutcome> {
  const read = await readFileLazy(name, bytes); // the format's reader loads on first use
  if (!read.ok) return { ok: false, errors: [read.error] };
  const errors: Msg[] = [];
  const parcels: Parcel[] = [];
  const seen = new Set<string>();
  for (const layer of read.layers) {
    for (const f of layer.features) {
      const p = f.properties;
      const id = textOf(pick(p, ['id', 'ID', '编号', 'code'])) ?? `${layer.name}-${f.number}`;
      const where = { file: name, number: f.number, id };
      if (f.geometry?.type !== 'Point') {
        errors.push({ key: 'suggest.parcels.notPoint', args: { ...where, type: f.geometry?.type ?? '—' } });
        continue;
      }
      if (seen.has(id)) {
        errors.push({ key: 'suggest.parcels.duplicate', args: where });
        continue;
      }
      seen.add(id);
      const [lon, lat] = f.geometry.coordinates;
      const parcel: Parcel = { id, point: [lon, lat] };
      const nm = textOf(pick(p, ['name', '名称', 'NAME']));
      if (nm) parcel.name = nm;
      const mode = pick(p, ['mode', '建设方式']);
      if (mode !== undefined) {
        if (BUILD_MODES.includes(mode as BuildMode)) parcel.mode = mode as BuildMode;
        else errors.push({ key: 'suggest.parcels.mode', args: { ...where, value: String(mode), modes: BUILD_MODES.join(', ') } });
      }
      const cap = pick(p, ['capacity', '容量']);
      if (cap !== undefined) {
        const n = typeof cap === 'number' ? cap : Number(cap);
        if (Number.isFinite(n) && n > 0) parcel.capacity = n;
        else errors.push({ key: 'suggest.parcels.capacity', args: { ...where, value: String(cap) } });
      }
      const rural = pick(p, ['rural', '农村']);
      if (rural !== undefined) {
        if (rural === true || rural === 'true' || rural === 1 || rural === '是') parcel.rural = true;
        else if (rural === false || rural === 'false' || rural === 0 || rural === '否') parcel.rural = false;
        else errors.push({ key: 'suggest.parcels.rural', args: { ...where, value: String(rural) } });
      }
      parcels.push(parcel);
    }
  }
  if (errors.length) return { ok: false, errors };
  if (parcels.length === 0) return { ok: false, errors: [{ key: 'suggest.parcels.none', args: { file: name } }] };
  return { ok: true, parcels, file: name };
}

/** walk areas drawn for at most this many sites (a walk and a buffer each, ≈ tens of ms) */
const MAX_REACH_AREAS = 30;

export function createSuggestApi(src: SuggestSource) {
  let generation = 0;

  async function run(req: SuggestRequest, t0: number, report: (s: SuggestStep) => void, stale: () => boolean): Promise<SuggestOutcome> {
    report('start');
    await yieldToQueue();
    if (stale()) return { ok: false, superseded: true };
    const layers = src.layers();
    if (!layers) return { ok: false, error: { key: 'suggest.error.noProject' } };
    try {
      const params = resolveParams(req.params);
      if (usesNetwork(params, layers.roads.length) && !src.reachKept()) report('network');
      const choice = src.reach(params, layers.roads);
      await yieldToQueue();
      if (stale()) return { ok: false, superseded: true };

      let grid: { area: Polygon | MultiPolygon; spacing: number } | undefined;
      if (req.candidates.grid) {
        const area = req.candidates.grid.area ?? streetsArea(layers);
        if (area.type === 'MultiPolygon' && area.coordinates.length === 0) return { ok: false, error: { key: 'suggest.error.noGridArea' } };
        grid = { area, spacing: req.candidates.grid.spacing };
      }
      report('reach');
      const result = await suggestSitesAsync(
        layers,
        {
          kind: req.kind,
          goal: req.goal,
          cohort: req.cohort,
          sites: req.sites,
          capacity: req.capacity,
          budget: req.budget,
          params: { ...params, reach: choice.used },
          reach: choice.engine ?? createStraightEngine(),
          candidates: { communities: req.candidates.communities, grid, parcels: req.candidates.parcels },
          shouldStop: stale,
          onPhase: report,
        },
        { pause: yieldToQueue, sliceMs: SUGGEST_SLICE_MS },
      );
      if (stale()) return { ok: false, superseded: true };
      // along streets a site's reach is the area walkable from it, not a circle: one walk per site
      const engine = choice.engine;
      const reachAreas =
        engine && result.reachMode === 'network' ? result.sites.slice(0, MAX_REACH_AREAS).map((s) => engine.serviceArea([s.candidate.point], result.distance).area) : undefined;
      report('done');
      return { ok: true, result: reachAreas ? { ...result, reachAreas } : result, reachNote: choice.note, ms: performance.now() - t0 };
    } catch (e) {
      if (e instanceof SuggestStopped) return { ok: false, superseded: true };
      return { ok: false, error: errorText(e) };
    }
  }

  return {
    /** Runs a suggestion on the current layers. `onProgress` may be a Comlink proxy (worker.ts releases it). */
    async suggest(req: SuggestRequest, onProgress?: (p: SuggestProgress) => void): Promise<SuggestOutcome> {
      const gen = ++generation;
      const report = (step: SuggestStep) => {
        void Promise.resolve(onProgress?.({ step, fraction: FRACTION[step] })).catch(() => undefined);
      };
      return run(req, performance.now(), report, () => gen !== generation);
    },

    /** Stops the running request at its next checkpoint (within a slice); it answers superseded. */
    cancelSuggest(): void {
      generation++;
    },

    readParcels(name: string, bytes: Uint8Array | ArrayBuffer): Promise<ParcelsOutcome> {
      return parcelsFromFile(name, bytes);
    },
  };
}
