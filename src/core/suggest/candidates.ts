// Candidate sites: the user's parcels, the communities' representative points, a grid over an
// area — or any mix. Order matters only for ties (the earlier candidate wins): parcels first
// (sites the planner actually has), then communities in layer order, then grid points row by row
// from south-west to north-east.
import type { LonLat } from '../reach/types';
import { BUILD_MODES } from './cost';
import { gridPointsSteps } from './grid';
import { Tick, type Steps } from './steps';
import type { Candidate, CandidateSpec } from './types';

export interface CommunityPoint {
  id: string;
  name: string;
  rural: boolean;
  point: LonLat;
}

/** Problems in the user's parcels, each naming the parcel (index and id), the field and the fix. */
export function parcelProblems(parcels: readonly unknown[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  parcels.forEach((raw, index) => {
    const p = (raw ?? {}) as Record<string, unknown>;
    const where = `parcel ${index}${typeof p.id === 'string' ? ` (id ${p.id})` : ''}`;
    if (typeof p.id !== 'string' || p.id === '') problems.push(`${where}: field id is missing; give every parcel a unique id`);
    else if (seen.has(p.id)) problems.push(`${where}: id is used twice; ids must be unique`);
    else seen.add(p.id);
    const pt = p.point;
    if (!Array.isArray(pt) || pt.length < 2 || !pt.every((v) => typeof v === 'number' && Number.isFinite(v)) || Math.abs(pt[0] as number) > 180 || Math.abs(pt[1] as number) > 90)
      problems.push(`${where}: geometry must be a Point with WGS84 longitude/latitude, got ${JSON.stringify(pt)}`);
    if (p.mode !== undefined && !BUILD_MODES.includes(p.mode as never)) problems.push(`${where}: field mode is ${JSON.stringify(p.mode)}; use one of ${BUILD_MODES.join(', ')}`);
    if (p.capacity !== undefined && !(typeof p.capacity === 'number' && p.capacity > 0))
      problems.push(`${where}: field capacity is ${JSON.stringify(p.capacity)}; use a number > 0 or leave it out`);
    if (p.rural !== undefined && typeof p.rural !== 'boolean') problems.push(`${where}: field rural is ${JSON.stringify(p.rural)}; use true or false`);
  });
  return problems;
}

/** The candidate list, as steps. `nearestCommunity` maps points to the index of the nearest
 *  community within the circle (or undefined), used to name grid points and decide rural rates. */
export function* buildCandidates(
  spec: CandidateSpec,
  communities: readonly CommunityPoint[],
  nearestCommunity: (points: LonLat[]) => Steps<(number | undefined)[]>,
): Steps<Candidate[]> {
  const out: Candidate[] = [];
  const parcels = spec.parcels ?? [];
  const problems = parcelProblems(parcels);
  if (problems.length) throw new Error(`candidate parcels: ${problems.join('; ')}`);
  const parcelNear = yield* nearestCommunity(parcels.map((p) => p.point));
  parcels.forEach((p, k) => {
    const near = parcelNear[k];
    out.push({
      id: `parcel:${p.id}`,
      name: p.name ?? p.id,
      point: p.point,
      source: 'parcel',
      mode: p.mode ?? 'new',
      rural: p.rural ?? (near !== undefined ? communities[near].rural : false),
      community: near !== undefined ? communities[near].id : undefined,
      capacity: p.capacity,
    });
  });
  if (spec.communities) {
    for (const c of communities) out.push({ id: `community:${c.id}`, name: c.name, point: c.point, source: 'community', mode: 'new', rural: c.rural, community: c.id });
  }
  const tick = new Tick();
  if (spec.grid) {
    const pts = yield* gridPointsSteps(spec.grid.area, spec.grid.spacing);
    const near = yield* nearestCommunity(pts);
    for (let k = 0; k < pts.length; k++) {
      const p = pts[k];
      const c = near[k] !== undefined ? communities[near[k] as number] : undefined;
      out.push({
        id: `grid:${k}`,
        name: `${p[0].toFixed(5)}, ${p[1].toFixed(5)}`,
        point: p,
        source: 'grid',
        mode: 'new',
        // no community in reach: the (higher) urban rate, so a budget is not overstated
        rural: c ? c.rural : false,
        community: c?.id,
      });
      if (tick.add()) yield;
    }
  }
  return out;
}
