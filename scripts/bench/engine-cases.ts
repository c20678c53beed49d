// The cases the rule engine's reference results were recorded on (tests/fixtures/engine/): every
// profile on three seeded random layers, with default and with changed parameters.
import { evaluate, listProfiles, type Evaluation } from '../../src/core/evaluate';
import type { Params } from '../../src/core/params';
import { randomLayers } from './random-layers';

export const PARAM_SETS: Partial<Params>[] = [
  {},
  {
    year: 2031,
    detourFactor: 1.3,
    elderlyCircleKinds: ['elderly_daycare', 'elderly_rural_point'],
    thresholds: { 'ca.community.min:elderly': 150, 'ca.coverage.town:share': 0.2, 'wy.places.new': 2 },
  },
];

export interface EngineCase {
  seed: number;
  profile: string;
  paramSet: number;
}

export function engineCases(): EngineCase[] {
  const out: EngineCase[] = [];
  for (const seed of [1, 2, 3]) for (const { id } of listProfiles()) for (let paramSet = 0; paramSet < PARAM_SETS.length; paramSet++) out.push({ seed, profile: id, paramSet });
  return out;
}

export function runCase(c: EngineCase): Evaluation {
  return evaluate(randomLayers(c.seed), { profile: c.profile, params: PARAM_SETS[c.paramSet] });
}

/** An evaluation without the citations (the rule's own text, the same object on every result of
 *  a rule): what is compared. */
export function comparable(e: Evaluation) {
  return { ...e, results: e.results.map(({ citation: _, ...r }) => r) };
}
