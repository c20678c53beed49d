// The site-suggestion panel's state: the form, the running request's progress, the answer and
// the browser-side timing. Pure helpers here turn the form into a worker request (or say what is
// wrong with it); suggest-actions.ts is the only writer.
import { signal, type Signal } from '@preact/signals';
import type { MultiPolygon, Polygon } from 'geojson';
import { CHILDCARE_KINDS, ELDERLY_KINDS, type FacilityKind, type Msg } from '../core/model';
import type { Params } from '../core/params';
import type { LonLat } from '../core/reach/types';
import type { Cohort, Goal, Parcel, SuggestResult } from '../core/suggest/types';
import type { SuggestProgress, SuggestRequest } from '../service/suggest';

/** the kinds a site can be suggested for, in the order the panel lists them */
export const SUGGEST_KINDS: readonly FacilityKind[] = [...CHILDCARE_KINDS, ...ELDERLY_KINDS];
export const MAX_SITES = 50;
export const GRID_SPACING = { min: 100, max: 5000, default: 500 } as const;

export interface SuggestForm {
  kind: FacilityKind;
  goal: Goal;
  /** 'auto' = the solver's default (all residents without capacity, the kind's cohort with one) */
  cohort: Cohort | 'auto';
  sites: number;
  /** places / beds (m² for the elderly shortfall goal) per site; null = no limit */
  capacity: number | null;
  /** CNY; null = no budget */
  budget: number | null;
  communities: boolean;
  grid: boolean;
  gridSpacing: number;
  /** lay the grid over the drawn area instead of the whole area (when one is drawn) */
  gridInDrawn: boolean;
  parcels: boolean;
}

export const DEFAULT_FORM: SuggestForm = {
  kind: 'childcare_centre',
  goal: 'coverage',
  cohort: 'auto',
  sites: 3,
  capacity: null,
  budget: null,
  communities: true,
  grid: false,
  gridSpacing: GRID_SPACING.default,
  gridInDrawn: false,
  parcels: false,
};

export type SuggestStatus = 'idle' | 'running' | 'done' | 'error';

export interface SuggestTiming {
  /** click → answer painted-ready, measured on the page */
  totalMs: number;
  /** inside the worker (street graph if built, reach pairs, selection) */
  workerMs: number;
  reachMs: number;
  solveMs: number;
}

export interface SuggestState {
  open: Signal<boolean>;
  form: Signal<SuggestForm>;
  status: Signal<SuggestStatus>;
  progress: Signal<SuggestProgress | null>;
  result: Signal<SuggestResult | null>;
  /** the request the result answers (for the scenario name and the quality note) */
  asked: Signal<SuggestRequest | null>;
  timing: Signal<SuggestTiming | null>;
  /** why the last request or action failed (translated when shown) */
  errors: Signal<Msg[]>;
  parcels: Signal<{ file: string; parcels: Parcel[] } | null>;
  /** the area drawn for the grid, if any */
  drawnArea: Signal<Polygon | MultiPolygon | null>;
  /** rank of the site highlighted in the list and on the map */
  highlighted: Signal<number | null>;
  /** a request for the map to zoom to a point; seq changes on every request */
  zoom: Signal<{ point: LonLat; seq: number } | null>;
  /** name of the scenario made from the current result */
  scenarioMade: Signal<string | null>;
  /** what the result was computed on (the layers and parameters objects then current): when they
   *  change, the panel says the result may be out of date */
  basis: Signal<{ layers: unknown; params: unknown } | null>;
  /** why the reach differs from the one asked for (an i18n key), for the current result */
  reachNote: Signal<string | null>;
}

export function createSuggestState(): SuggestState {
  return {
    open: signal(false),
    form: signal({ ...DEFAULT_FORM }),
    status: signal<SuggestStatus>('idle'),
    progress: signal<SuggestProgress | null>(null),
    result: signal<SuggestResult | null>(null),
    asked: signal<SuggestRequest | null>(null),
    timing: signal<SuggestTiming | null>(null),
    errors: signal<Msg[]>([]),
    parcels: signal<{ file: string; parcels: Parcel[] } | null>(null),
    drawnArea: signal<Polygon | MultiPolygon | null>(null),
    highlighted: signal<number | null>(null),
    zoom: signal<{ point: LonLat; seq: number } | null>(null),
    scenarioMade: signal<string | null>(null),
    basis: signal<{ layers: unknown; params: unknown } | null>(null),
    reachNote: signal<string | null>(null),
  };
}

const bad = (key: string, args?: Msg['args']): Msg => (args ? { key, args } : { key });

/** The form as a worker request, or every reason it cannot be sent (each says what to change). */
export function buildRequest(
  form: SuggestForm,
  params: Partial<Params>,
  extra: { parcels: Parcel[] | null; drawnArea: Polygon | MultiPolygon | null },
): { ok: true; request: SuggestRequest } | { ok: false; errors: Msg[] } {
  const errors: Msg[] = [];
  if (!SUGGEST_KINDS.includes(form.kind)) errors.push(bad('suggest.form.kindBad'));
  if (!Number.isInteger(form.sites) || form.sites < 1 || form.sites > MAX_SITES) errors.push(bad('suggest.form.sitesBad', { max: MAX_SITES }));
  if (form.capacity !== null && !(Number.isFinite(form.capacity) && form.capacity > 0)) errors.push(bad('suggest.form.capacityBad'));
  if (form.budget !== null && !(Number.isFinite(form.budget) && form.budget >= 0)) errors.push(bad('suggest.form.budgetBad'));
  if (form.budget !== null && form.capacity === null) errors.push(bad('suggest.form.budgetNeedsCapacity'));
  if (form.goal === 'ratio' && form.capacity === null) errors.push(bad('suggest.form.ratioNeedsCapacity'));
  if (form.goal === 'ratio' && !CHILDCARE_KINDS.includes(form.kind)) errors.push(bad('suggest.form.ratioChildcareOnly'));
  if (form.goal === 'coverage' && form.cohort === 'all' && form.capacity !== null && !CHILDCARE_KINDS.includes(form.kind)) errors.push(bad('suggest.form.allWithBeds'));
  if (!form.communities && !form.grid && !form.parcels) errors.push(bad('suggest.form.noCandidates'));
  if (form.grid && !(Number.isFinite(form.gridSpacing) && form.gridSpacing >= GRID_SPACING.min && form.gridSpacing <= GRID_SPACING.max))
    errors.push(bad('suggest.form.spacingBad', { min: GRID_SPACING.min, max: GRID_SPACING.max }));
  if (form.grid && form.gridInDrawn && !extra.drawnArea) errors.push(bad('suggest.form.noDrawnArea'));
  if (form.parcels && !extra.parcels) errors.push(bad('suggest.form.noParcels'));
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    request: {
      kind: form.kind,
      goal: form.goal,
      cohort: form.goal === 'coverage' && form.cohort !== 'auto' ? form.cohort : undefined,
      sites: form.sites,
      capacity: form.capacity ?? undefined,
      budget: form.budget ?? undefined,
      candidates: {
        communities: form.communities,
        grid: form.grid ? { spacing: form.gridSpacing, area: form.gridInDrawn && extra.drawnArea ? extra.drawnArea : undefined } : undefined,
        parcels: form.parcels && extra.parcels ? extra.parcels : undefined,
      },
      params,
    },
  };
}

/** "Quality" in words: what the method guarantees here, and the proven share of the best possible. */
export function qualityNote(r: SuggestResult): { key: string; args: Record<string, string | number> }[] {
  const notes: { key: string; args: Record<string, string | number> }[] = [];
  const got = r.sites.at(-1)?.cumulative ?? 0;
  if (r.guarantee !== null) notes.push({ key: 'suggest.quality.guarantee', args: { pct: Math.floor(r.guarantee * 1000) / 10 } });
  else if (r.goal !== 'ratio') notes.push({ key: 'suggest.quality.noGuarantee', args: {} });
  if (r.upperBound !== null && r.upperBound > 0)
    notes.push({ key: 'suggest.quality.bound', args: { pct: Math.min(100, Math.floor((1000 * got) / r.upperBound) / 10), bound: Math.round(r.upperBound) } });
  else if (r.upperBound === 0) notes.push({ key: 'suggest.quality.nothingLeft', args: {} });
  return notes;
}
