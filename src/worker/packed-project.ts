// A loaded project as it crosses from the worker to the page: the communities' and streets'
// outlines packed into typed arrays (core/packed-outlines.ts) and transferred, so the page holds
// 16 bytes a vertex instead of a small array each (≈ 150 MB less for a 20 000-community city) and
// nothing clones 3.5 M arrays on its thread. The page's units read as ordinary ones.
import type { Community, Street } from '../core/model';
import { packedBuffers, packOutlines, sendOutlines, unpackOutlines, type PackedLayer } from '../core/packed-outlines';
import type { Analysis, LoadedProject, LoadOutcome } from '../service/session';
import type { AnalysisColumns } from '../service/analysis-columns';
import type { ServiceAreas } from '../service/service-areas';

export type PackedProject = Omit<LoadedProject, 'communities' | 'streets'> & { communities: PackedLayer<Community>; streets: PackedLayer<Street> };
export type PackedLoadOutcome = Exclude<LoadOutcome, { ok: true }> | { ok: true; project: PackedProject };

/** in the worker: the outcome to send and the buffers to transfer with it */
export function packLoaded(o: LoadOutcome): [PackedLoadOutcome, ArrayBuffer[]] {
  if (!o.ok) return [o, []];
  // the session keeps the communities (with their label points: the dots need no outline) and the
  // streets packed: the page gets a copy of each packing
  const communities = sendOutlines(o.project.communities);

  const streets = sendOutlines(o.project.streets);
  return [{ ok: true, project: { ...o.project, communities, streets } }, [...packedBuffers(communities.packed), ...packedBuffers(streets.packed)]];
}

/** on the page */
export function unpackLoaded(o: PackedLoadOutcome): LoadOutcome {
  if (!o.ok) return o;
  return { ok: true, project: { ...o.project, communities: unpackOutlines(o.project.communities), streets: unpackOutlines(o.project.streets) } };
}

/** Circles and walk areas as they cross to the page: packed and transferred the same way. A large
 *  city's walk areas are ≈ 1.1 M vertices: cloned, the page spent seconds rebuilding them as small
 *  arrays and held ≈ 70 MB of them; packed they are 16 bytes a vertex in one buffer, and the map
 *  draws them from the worker's tiles (service/unit-tiles.ts), so nothing on the page reads the
 *  outlines but an export. */
export type PackedAreas = Omit<ServiceAreas, 'features'> & { features: PackedLayer<ServiceAreas['features'][number]> };

export function packAreas(a: ServiceAreas): [PackedAreas, ArrayBuffer[]] {
  const features = packOutlines(a.features);
  return [{ ...a, features }, packedBuffers(features.packed)];
}

export function unpackAreas(a: PackedAreas): ServiceAreas {
  return { ...a, features: unpackOutlines(a.features) };
}

/** An analysis's columns with its straight circles packed (analyseColumns) */
export type PackedColumns = Omit<AnalysisColumns, 'analysis'> & { analysis: Omit<Analysis, 'serviceAreas'> & { serviceAreas: PackedAreas | null } };

export function packColumnsAreas(c: AnalysisColumns): [PackedColumns, ArrayBuffer[]] {
  const areas = c.analysis.serviceAreas ? packAreas(c.analysis.serviceAreas) : null;
  return [{ ...c, analysis: { ...c.analysis, serviceAreas: areas?.[0] ?? null } }, areas?.[1] ?? []];
}

export function unpackColumnsAreas(c: PackedColumns): AnalysisColumns {
  return { ...c, analysis: { ...c.analysis, serviceAreas: c.analysis.serviceAreas ? unpackAreas(c.analysis.serviceAreas) : null } };
}
