// The reach engine a run uses: the street network whenever the parameters allow it ('auto' or
// 'network') and roads are loaded, else straight lines. Build it once and pass it to every
// evaluation of the run (building the graph costs more than one evaluation).
import type { Road } from '../model';
import { usesNetwork, type Params } from '../params';
import { createNetworkEngine } from './network-engine';
import { createStraightEngine } from './straight';
import type { ReachEngine } from './types';

export function reachEngineFor(params: Partial<Pick<Params, 'reach' | 'snapDistance'>>, roads: readonly Road[]): ReachEngine {
  return usesNetwork(params, roads.length) ? createNetworkEngine(roads, { snapDistance: params.snapDistance ?? 500 }) : createStraightEngine();
}
