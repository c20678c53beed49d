// Which reach engine the analysis uses. The street network whenever roads are loaded (params.reach
// 'auto', the default, or 'network'); straight lines without roads or when asked. The street-network engine — built once per road set and snap distance,
// and kept, because building the graph costs far more than one evaluation — gives both the
// coverage pairs and the walk-along-streets service areas drawn on the map.
import type { Road } from '../core/model';
import type { Params } from '../core/params';
import { createNetworkEngine, type NetworkEngine } from '../core/reach/network-engine';
import type { AreaFn } from './service-areas';
import { facilityPoint } from './service-areas';

export interface ReachCache {
  roads: readonly Road[];
  snapDistance: number;
  engine: NetworkEngine;
}

export interface ReachChoice {
  /** undefined = the rule engine's straight-line engine */
  engine: NetworkEngine | undefined;
  /** service-area polygons; null = draw straight circles */
  area: AreaFn | null;
  used: 'straight' | 'network';
  /** i18n key explaining a fallback */
  note?: string;
  cache: ReachCache | null;
}

/** How the session's lazily loaded parts (site check, suggestion, compare) get a reach engine: the
 *  session's own (session.ts reachNow), so the roads are packed and the engine kept the same way
 *  whoever asks first. Building an engine of their own on the unpacked roads made the next analysis
 *  build the street network again. */
export interface ReachSource {
  /** the engine for these settings and roads, built and kept if there is none for them */
  reach(params: Params, roads: readonly Road[]): ReachChoice;
  /** whether a street-network engine is kept (building one is a step worth telling the user) */
  reachKept(): boolean;
}

export function reachFor(p: Params, roads: readonly Road[], cache: ReachCache | null): ReachChoice {
  if (p.reach === 'straight') return { engine: undefined, area: null, used: 'straight', cache };
  // only a user who asked for the network needs telling there is none; 'auto' just uses straight lines
  if (roads.length === 0) return { engine: undefined, area: null, used: 'straight', ...(p.reach === 'network' ? { note: 'ui.reach.noRoads' } : {}), cache };
  const kept = cache && cache.roads === roads && cache.snapDistance === p.snapDistance ? cache : null;
  const engine = kept?.engine ?? createNetworkEngine(roads, { snapDistance: p.snapDistance });
  // one multi-source walk per circle group: the streets reached from any of its facilities, as
  // one polygon (per-facility walks cost a Dijkstra and a buffer each — seconds for a few hundred)
  const area: AreaFn = (facilities, metres) => {
    if (facilities.length === 0) return [];
    const reached = engine.serviceArea(facilities.map(facilityPoint), metres).area;
    return reached ? [{ facility: '*', geometry: reached }] : [];
  };
  return { engine, area, used: 'network', cache: kept ?? { roads, snapDistance: p.snapDistance, engine } };
}
