// What a site suggestion takes and gives. Plain data: the worker, the CLI and the app share it.
import type { MultiPolygon, Polygon } from 'geojson';
import type { DataIssue, FacilityKind } from '../model';
import type { Params } from '../params';
import type { LonLat, ReachEngine } from '../reach/types';
import type { BuildMode, Measure } from './cost';

/** coverage: most people newly within the circle; shortfall: close the places (childcare) or m²
 *  (elderly care) that failing communities lack; ratio: reach an area-wide ratio at least cost */
export type Goal = 'coverage' | 'shortfall' | 'ratio';
export const GOALS: readonly Goal[] = ['coverage', 'shortfall', 'ratio'];
export type Cohort = 'all' | 'elderly' | 'infants';
export const COHORTS: readonly Cohort[] = ['all', 'elderly', 'infants'];

/** An available plot or building (e.g. 闲置房产) offered as a site. */
export interface Parcel {
  id: string;
  name?: string;
  point: LonLat;
  /** how the site would be built; decides the subsidy rate. Default 'new' */
  mode?: BuildMode;
  /** village site (cheaper rural rate)? Default: the type of the nearest community in reach */
  rural?: boolean;
  /** what this building can hold (places, beds or m²), overriding the general capacity */
  capacity?: number;
}

export interface CandidateSpec {
  /** each community's representative point */
  communities?: boolean;
  /** a regular grid (metres between points) over an area, e.g. a drawn polygon */
  grid?: { area: Polygon | MultiPolygon; spacing: number };
  parcels?: Parcel[];
}

export interface SuggestOptions {
  kind: FacilityKind;
  /** default 'coverage' */
  goal?: Goal;
  /** coverage only. Default 'all' without capacity; with capacity the kind's own cohort
   *  (infants for childcare, elderly for elderly care), one place or bed per person */
  cohort?: Cohort;
  /** most new sites to suggest */
  sites: number;
  /** per new site: places (childcare) or beds (elderly care); m² floor area for the elderly
   *  shortfall goal. Undefined = uncapacitated (coverage and shortfall only) */
  capacity?: number;
  /** CNY of one-off construction subsidy (cf.subsidy.*) the new sites may cost together */
  budget?: number;
  candidates: CandidateSpec;
  params?: Partial<Params>;
  /** default: the straight-line engine */
  reach?: ReachEngine;
  /** coverage with capacity: people of the cohort one place/bed serves (default 1; cohort 'all'
   *  with childcare: 1000 / 4.5 ≈ 222.2, from 4.5 places per 1000 residents, 002 一) */
  perPlace?: number;
  /** ratio goal: places (childcare) or beds (elderly) per 1000 residents. Childcare default 4.5 (002 一, 003 二(四)) */
  ratio?: number;
  /** shortfall goal: required places (childcare) or m² (elderly) per 1000 residents by community type */
  standard?: Partial<Record<'new' | 'built' | 'rural', number>>;
  /** asked every few thousand items (grid cells, pairs, gain evaluations); true stops the run
   *  there with SuggestStopped and nothing returned */
  shouldStop?: () => boolean;
  /** told when a phase begins: candidates (the grid and the nearest communities, after the
   *  existing facilities' pairs), solve (after the candidates' pairs) */
  onPhase?: (phase: SuggestPhase) => void;
}

export type SuggestPhase = 'candidates' | 'solve';

export type Source = 'parcel' | 'community' | 'grid';

export interface Candidate {
  id: string;
  name: string;
  point: LonLat;
  source: Source;
  mode: BuildMode;
  rural: boolean;
  /** id of the community this site stands in or nearest to (within the circle), if any */
  community?: string;
  capacity?: number;
}

export interface SuggestedSite {
  rank: number;
  candidate: Candidate;
  /** capacity built here: places, beds or m²; null = uncapacitated */
  size: number | null;
  /** newly served (people of the cohort, places or m² of shortfall) — the marginal gain */
  gain: number;
  cumulative: number;
  /** CNY subsidy; null when uncapacitated (cost is per place/bed) */
  cost: number | null;
  cumulativeCost: number | null;
  /** which communities it serves and how much of each, nearest first */
  served: { community: string; amount: number }[];
}

export interface CurvePoint {
  sites: number;
  cost: number | null;
  served: number;
  /** share of what could be served before any new site (0–1) */
  share: number;
}

export interface SuggestResult {
  kind: FacilityKind;
  goal: Goal;
  cohort: Cohort;
  /** unit of gain: people, places or m² */
  unit: 'residents' | 'elderly' | 'infants' | 'places' | 'm2';
  measure: Measure;
  /** metres of the service circle used */
  distance: number;
  reachMode: 'straight' | 'network';
  sites: SuggestedSite[];
  /** network mode: the area walkable along streets from each site (by rank − 1; null where the
   *  site is off the network), drawn as its reach — along streets the reach is not a circle */
  reachAreas?: (Polygon | MultiPolygon | null)[];
  curve: CurvePoint[];
  /** demand still unserved after the existing facilities (what new sites can add to) */
  open: number;
  /** demand the existing facilities already serve */
  servedByExisting: number;
  /** proven: no selection within the limits serves more; null for the ratio goal */
  upperBound: number | null;
  /** a-priori guarantee of the method here (e.g. 1 − 1/e), or null when none holds */
  guarantee: number | null;
  /** which greedy rule produced the list */
  rule: 'gain' | 'gainPerCost';
  evaluations: number;
  counts: { candidates: number; demand: number; pairs: number; existing: number };
  /** ratio goal: the area-wide target and whether the sites reach it */
  ratio?: { perThousand: number; base: number; existing: number; needed: number; added: number; reached: boolean };
  issues: DataIssue[];
  /** milliseconds: reach pairs (both engines' work) and the site selection itself */
  timings: { reachMs: number; solveMs: number };
}
