// The reach queries of a suggestion with many candidates, asked in chunks with a checkpoint
// between them. A pair's distance does not depend on the other points asked with it, so the
// chunks give the same pairs. Each chunk repeats some work over the side that is not chunked (the
// straight engine: a range search per demand point, or an index over the supply; the network
// engine: placing every demand point, or a walk from every supply point), so a chunk is at least
// as large as that side: the repeated work then adds at most the work of one pass over the chunks.
import type { LonLat, ReachEngine, ReachPairs } from '../reach/types';
import { CHECK_EVERY, type Steps } from './steps';

/** Candidate rows (candidate → demand, in demand order, with distances). */
export interface CandidateRows {
  offsets: Uint32Array;
  demand: Uint32Array;
  distance: Float64Array;
}

/** Candidate rows from demand → candidate pairs: one counting sort. */
export function transpose(p: ReachPairs, candidates: number): CandidateRows {
  const total = p.supply.length;
  const n = p.offsets.length - 1;
  const supply = p.supply;
  const offsets = new Uint32Array(candidates + 1);
  for (let k = 0; k < total; k++) offsets[supply[k] + 1]++;
  for (let j = 0; j < candidates; j++) offsets[j + 1] += offsets[j];
  const fill = offsets.slice(0, candidates);
  const demand = new Uint32Array(total);
  const distance = new Float64Array(total);
  for (let i = 0; i < n; i++)
    for (let k = p.offsets[i], end = p.offsets[i + 1]; k < end; k++) {
      const at = fill[supply[k]]++;
      demand[at] = i;
      distance[at] = p.distance[k];
    }
  return { offsets, demand, distance };
}

/** The candidates' rows within the circle of the communities (`pairsOf` walks from them: the rule
 *  engine's community reach; its runs may come in any order, they are transposed), candidates asked a chunk at a
 *  time (usually the demand points, communities, are far fewer) and each chunk's pairs
 *  transposed at once. */
export function* candidateRows(pairsOf: (supply: LonLat[]) => ReachPairs, demandCount: number, candidates: LonLat[]): Steps<CandidateRows> {
  const chunk = Math.max(CHECK_EVERY, demandCount);
  const parts: CandidateRows[] = [];
  for (let a = 0; a < candidates.length || a === 0; a += chunk) {
    const part = candidates.slice(a, a + chunk);
    parts.push(transpose(pairsOf(part), part.length));
    if (a + chunk < candidates.length) yield;
  }
  if (parts.length === 1) return parts[0];
  const total = parts.reduce((s, p) => s + p.demand.length, 0);
  const offsets = new Uint32Array(candidates.length + 1);
  const demandOut = new Uint32Array(total);
  const distance = new Float64Array(total);
  let j = 0;
  let at = 0;
  for (const p of parts) {
    for (let k = 1; k < p.offsets.length; k++) offsets[j + k] = at + p.offsets[k];
    j += p.offsets.length - 1;
    demandOut.set(p.demand, at);
    distance.set(p.distance, at);
    at += p.demand.length;
  }
  return { offsets, demand: demandOut, distance };
}

/** For each point, the index of the nearest target within maxDistance (ties: the smaller index,
 *  the engines' row order), or undefined. The points (grid cells, many) are asked a chunk at a
 *  time; the network engine walks from every target once per chunk (a walk costs far more than
 *  placing a point), so its chunks are 8 times larger. */
export function* nearestWithin(engine: ReachEngine, points: LonLat[], targets: LonLat[], maxDistance: number): Steps<(number | undefined)[]> {
  const out: (number | undefined)[] = [];
  if (points.length === 0) return out;
  const chunk = Math.max(CHECK_EVERY, targets.length) * (engine.mode === 'network' ? 8 : 1);
  for (let a = 0; a < points.length; a += chunk) {
    const part = points.slice(a, a + chunk);
    const q = { demand: part, supply: targets, maxDistance };
    const p = engine.nearestPairs ? engine.nearestPairs(q) : engine.pairs(q);
    for (let k = 0; k < part.length; k++) out.push(p.offsets[k + 1] > p.offsets[k] ? p.supply[p.offsets[k]] : undefined);
    if (a + chunk < points.length) yield;
  }
  return out;
}
