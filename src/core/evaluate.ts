// CONTRACT (filled in by the rule engine): the one entry point the worker, the CLI and tests call.
import type { AreaInfo, DataIssue, Layers, Level, RuleResult } from './model';
import type { Params } from './params';
import type { ReachEngine } from './reach/types';

export interface EvaluateOptions {
  /** profile id: ak | cf | wy | xn | ca | combined */
  profile: string;
  params?: Partial<Params>;
  /** defaults to the straight-line engine; the network engine plugs in here */
  reach?: ReachEngine;
}

export interface CircleCoverage {
  /** 'elderly' | 'childcare' */
  circle: string;
  /** community ids whose representative point lies outside every circle of this kind */
  outside: string[];
  residentsOutside: number;
  residentsTotal: number;
}

export interface Evaluation {
  profile: string;
  params: Params;
  results: RuleResult[];
  issues: DataIssue[];
  coverage: CircleCoverage[];
}

export interface ProfileInfo {
  id: string;
  name: { zh: string; en: string };
  /** seed document, e.g. "002 万源市…"; combined: all */
  document: string;
  rules: { id: string; kind: string; name: { zh: string; en: string }; levels: Level[] }[];
}

export function listProfiles(): ProfileInfo[] {
  throw new Error('not implemented yet');
}

export function evaluate(_data: Layers & { area: AreaInfo }, _opts: EvaluateOptions): Evaluation {
  throw new Error('not implemented yet');
}
