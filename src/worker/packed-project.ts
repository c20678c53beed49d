// A loaded project as it crosses from the worker to the page: the communities' and streets'
// outlines packed into typed arrays (core/packed-outlines.ts), so the page holds 8 or 16 bytes a
// vertex instead of a small array each (≈ 150 MB less for a 20 000-community city) and nothing
// clones 3.5 M arrays on its thread: shared with the worker's own packing when the page is
// cross-origin isolated (one copy for both), else a copy transferred. The page's units read as
// ordinary ones.
import type { Community, Street } from '../core/model';
import { packedBuffers, sendOutlines, shareOutlines, unpackOutlines, type PackedLayer } from '../core/packed-outlines';
import type { LoadedProject, LoadOutcome } from '../service/session';
import type { AnalysisColumns } from '../service/analysis-columns';
import { shownAreas, type ShownAreas } from '../service/service-areas';

export type PackedProject = Omit<LoadedProject, 'communities' | 'streets'> & { communities: PackedLayer<Community>; streets: PackedLayer<Street> };
export type PackedLoadOutcome = Exclude<LoadOutcome, { ok: true }> | { ok: true; project: PackedProject };

/** Can this worker share memory with the page (served cross-origin isolated: core/csp.ts
 *  ISOLATION_HEADERS)? */
export function canShare(): boolean {
  return typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

/** in the worker: the outcome to send and the buffers to transfer with it */
export function packLoaded(o: LoadOutcome, share = canShare()): [PackedLoadOutcome, ArrayBuffer[]] {
  if (!o.ok) return [o, []];
  // the session keeps the communities (with their label points: the dots need no outline) and the
  // streets packed: the page shares each packing when it can, else it gets a copy
  const send = <T extends Community | Street>(units: readonly T[]) => (share ? shareOutlines(units, (bytes) => new SharedArrayBuffer(bytes)) : sendOutlines(units));
  const communities = send(o.project.communities);
  const streets = send(o.project.streets);
  return [{ ok: true, project: { ...o.project, communities, streets } }, [...packedBuffers(communities.packed), ...packedBuffers(streets.packed)]];
}

/** on the page */
export function unpackLoaded(o: PackedLoadOutcome): LoadOutcome {
  if (!o.ok) return o;
  return { ok: true, project: { ...o.project, communities: unpackOutlines(o.project.communities), streets: unpackOutlines(o.project.streets) } };
}

/** An analysis's columns with its straight circles as the page holds them: which they are, no
 *  outlines (service-areas.ts ShownAreas; the map draws them from the worker's tiles). A large
 *  city's walk areas are ≈ 1.1 M vertices: the page held them packed (18 MB) for the gaps export
 *  alone, which now takes them in the worker. */
export function showColumnsAreas(c: AnalysisColumns): AnalysisColumns<ShownAreas> {
  return { ...c, analysis: { ...c.analysis, serviceAreas: c.analysis.serviceAreas ? shownAreas(c.analysis.serviceAreas) : null } };
}
