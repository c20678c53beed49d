// The only writer of the suggestion state. A run asks the worker (progress arrives while it
// computes); only the answer to the newest request is kept, so a second click or a cancel drops
// the first. "Turn into a scenario" makes one scenario holding the open scenario's edits plus
// the suggestion's edit (all sites in one undoable step) and opens it.
import { batch, effect } from '@preact/signals';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Msg } from '../core/model';
import { savedScenarios, type Edit } from '../core/scenario';
import { suggestionEdit } from '../core/suggest/scenario';
import { t } from '../i18n';
import type { SuggestClient } from '../worker/suggest-client';
import type { AppState } from './app-state';
import { editsInEffect } from './scenario-actions';
import { buildRequest, type SuggestForm } from './suggest';
import { errorMessage } from '../core/errors';

export interface SuggestDeps {
  client: Partial<SuggestClient>;
  /** creates and opens a scenario holding these edits; a Msg says why it could not */
  newScenario?: (name: string, edits: Edit[]) => Msg | null;
  now?: () => number;
}

const noClient: Msg = { key: 'suggest.error.failed', args: { detail: 'the analysis client has no suggest()' } };

/** The number of the newest request, shared by run, cancel and clear: an answer for an older one is ignored. */
interface Latest {
  seq: number;
}

/** Asks the worker for suggestions with the form as it is; resolves when this request is done
 *  (answered, failed or overtaken). */
function runStep(s: AppState, deps: SuggestDeps, latest: Latest) {
  const g = s.suggest;
  const now = deps.now ?? (() => performance.now());
  /** Asks the worker for suggestions with the form as it is; resolves when this request is done
   *  (answered, failed or overtaken). */
  return async function run(): Promise<void> {
    const built = buildRequest(g.form.value, s.params.value, { parcels: g.parcels.value?.parcels ?? null, drawnArea: g.drawnArea.value });
    if (!built.ok) {
      batch(() => {
        g.errors.value = built.errors;
        g.status.value = 'error';
      });
      return;
    }
    const suggest = deps.client.suggest;
    if (!suggest) {
      g.errors.value = [noClient];
      g.status.value = 'error';
      return;
    }
    const mine = ++latest.seq;
    const t0 = now();
    const basis = { layers: s.layers.peek(), params: s.params.peek() };
    batch(() => {
      g.status.value = 'running';
      g.progress.value = { step: 'start', fraction: 0 };
      g.errors.value = [];
    });
    try {
      const out = await suggest(built.request, (p) => {
        if (mine === latest.seq) g.progress.value = p;
      });
      if (mine !== latest.seq) return; // a newer request (or a cancel) took over
      if (!out.ok) {
        if ('superseded' in out) return;
        batch(() => {
          g.errors.value = [out.error];
          g.status.value = 'error';
          g.progress.value = null;
        });
        return;
      }
      const r = out.result;
      batch(() => {
        g.result.value = r;
        g.asked.value = built.request;
        g.timing.value = { totalMs: now() - t0, workerMs: out.ms, reachMs: r.timings.reachMs, solveMs: r.timings.solveMs };
        g.status.value = 'done';
        g.progress.value = null;
        g.highlighted.value = null;
        g.scenarioMade.value = null;
        g.errors.value = [];
        g.reachNote.value = out.reachNote ?? null;
        g.basis.value = basis;
      });
    } catch (e) {
      if (mine !== latest.seq) return;
      batch(() => {
        g.errors.value = [{ key: 'suggest.error.failed', args: { detail: errorMessage(e) } }];
        g.status.value = 'error';
        g.progress.value = null;
      });
    }
  };
}

/** What the run is asked on: the form, a parcels file, a drawn area. */
function inputSteps(s: AppState, deps: SuggestDeps) {
  const g = s.suggest;
  return {
    setOpen(open: boolean): void {
      g.open.value = open;
    },

    setForm(change: Partial<SuggestForm>): void {
      g.form.value = { ...g.form.value, ...change };
    },

    /** Reads a parcels file in the worker; on any problem the parcels loaded before stay. */
    async loadParcels(name: string, bytes: ArrayBuffer): Promise<void> {
      const read = deps.client.readParcels;
      if (!read) {
        g.errors.value = [noClient];
        return;
      }
      try {
        const out = await read(name, bytes);
        batch(() => {
          if (out.ok) {
            g.parcels.value = { file: out.file, parcels: out.parcels };
            g.form.value = { ...g.form.value, parcels: true };
            g.errors.value = [];
          } else g.errors.value = out.errors;
        });
      } catch (e) {
        g.errors.value = [{ key: 'suggest.error.failed', args: { detail: errorMessage(e) } }];
      }
    },

    clearParcels(): void {
      batch(() => {
        g.parcels.value = null;
        g.form.value = { ...g.form.value, parcels: false };
      });
    },

    /** the area the grid is laid over (null = the whole area); a drawn area switches the grid on */
    setDrawnArea(area: Polygon | MultiPolygon | null): void {
      batch(() => {
        g.drawnArea.value = area;
        g.form.value = area ? { ...g.form.value, grid: true, gridInDrawn: true } : { ...g.form.value, gridInDrawn: false };
      });
    },
  };
}

/** The answer on the map and as a scenario. */
function resultSteps(s: AppState, deps: SuggestDeps) {
  const g = s.suggest;
  let zoomSeq = 0;
  return {
    highlight(rank: number | null): void {
      g.highlighted.value = rank;
    },

    /** highlights the site and asks the map to zoom to it */
    zoomTo(rank: number): void {
      const site = g.result.peek()?.sites.find((x) => x.rank === rank);
      if (!site) return;
      batch(() => {
        g.highlighted.value = rank;
        g.zoom.value = { point: site.candidate.point, seq: ++zoomSeq };
      });
    },

    /** One click: a new scenario = the open scenario's edits + all suggested sites as one edit,
     *  opened at once (the map then shows its verdicts). Returns the scenario's name, or null
     *  with the reason in `errors` (nothing is changed then). */
    toScenario(): string | null {
      const r = g.result.peek();
      const layers = s.layers.peek();
      const session = s.session.peek();
      const fail = (m: Msg) => {
        g.errors.value = [m];
        return null;
      };
      if (!r || r.sites.length === 0) return fail({ key: 'suggest.error.nothingToTurn' });
      if (!layers || !session || !deps.newScenario) return fail({ key: 'suggest.error.noScenarios' });
      const edit = suggestionEdit(layers, r);
      if (!edit.ok) return fail(edit.reason);
      const lang = s.lang.peek();
      const taken = new Set(savedScenarios(session).map((x) => x.name));
      const base = t(lang, 'suggest.ui.scenarioName', { kind: t(lang, `kind.${r.kind}`), n: r.sites.length });
      let name = base;
      for (let k = 2; taken.has(name); k++) name = `${base} (${k})`;
      const problem = deps.newScenario(name, [...editsInEffect(session), edit.edit]);
      if (problem) return fail(problem);
      batch(() => {
        g.scenarioMade.value = name;
        g.errors.value = [];
      });
      return name;
    },
  };
}

export function createSuggestActions(s: AppState, deps: SuggestDeps) {
  const g = s.suggest;
  const latest: Latest = { seq: 0 };

  /** forgets the answer (and the drawn area, parcels stay: they are the user's file) */
  function clear(): void {
    latest.seq++; // an answer still on its way is not wanted either
    batch(() => {
      g.result.value = null;
      g.asked.value = null;
      g.timing.value = null;
      g.basis.value = null;
      g.reachNote.value = null;
      g.highlighted.value = null;
      g.scenarioMade.value = null;
      g.errors.value = [];
      g.status.value = 'idle';
      g.progress.value = null;
    });
  }

  // another project opened: sites and an area drawn for the old one mean nothing there
  let project = s.project.peek();
  effect(() => {
    const p = s.project.value;
    if (p === project) return;
    project = p;
    clear();
    g.drawnArea.value = null;
  });

  return {
    ...inputSteps(s, deps),
    run: runStep(s, deps, latest),
    clear,

    /** Stops waiting for the running request; the worker drops it at its next step. */
    cancel(): void {
      if (g.status.peek() !== 'running') return;
      latest.seq++;
      void deps.client.cancelSuggest?.();
      batch(() => {
        g.status.value = g.result.peek() ? 'done' : 'idle';
        g.progress.value = null;
      });
    },
    ...resultSteps(s, deps),
  };
}

export type SuggestActions = ReturnType<typeof createSuggestActions>;
