// What changed between two collections of a GeoJSON source, as MapLibre's updateData takes it:
// features keyed by their `id` property (the sources' promoteId), compared by identity — a builder
// that keeps an unchanged record's feature object (features.ts) makes an edit's change a few
// features, and MapLibre then re-cuts and redraws only the tiles those touch.
import type { Feature, FeatureCollection } from 'geojson';

export interface FeatureDiff {
  /** ids no longer in the collection */
  remove: (string | number)[];
  /** features new or replacing the one of the same id */
  add: Feature[];
}

/** ids of a collection's features in order, or null when one is missing or repeated (a diff by id
 *  cannot say which of two features it means) */
function uniqueIds(fc: FeatureCollection): Set<string | number> | null {
  const ids = new Set<string | number>();
  for (const f of fc.features) {
    const id: unknown = f.properties?.id;
    if ((typeof id !== 'string' && typeof id !== 'number') || ids.has(id)) return null;
    ids.add(id);
  }
  return ids;
}

/** The diff from `before` to `after`, or null when sending `after` whole is the better way: more
 *  than `share` of its features (and more than a few) are new objects, or ids are missing or repeated. */
export function featureDiff(before: FeatureCollection, after: FeatureCollection, share = 0.25): FeatureDiff | null {
  const limit = Math.max(8, after.features.length * share);
  const had = new Set(before.features);
  const add: Feature[] = [];
  for (const f of after.features) {
    if (had.has(f)) continue;
    add.push(f);
    if (add.length > limit) return null;
  }
  const ids = uniqueIds(after);
  const idsBefore = uniqueIds(before);
  if (!ids || !idsBefore) return null;
  const remove = [...idsBefore].filter((id) => !ids.has(id));
  return remove.length > limit ? null : { remove, add };
}
