// "The mapping is remembered per file layout": the app stores the mapping a user confirmed under
// layoutKey(columns, kind) and offers it for the next file with the same columns. The store is an
// interface so the page can pass idb-keyval's get/set and tests a Map.
import { guessMapping, layoutKey, normalizeName } from './fields';
import type { LayerKind, Mapping } from './types';

export interface MappingStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

const PREFIX = 'io.mapping:';

function isMapping(v: unknown): v is Mapping {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

export async function rememberMapping(store: MappingStore, columns: string[], kind: LayerKind, mapping: Mapping): Promise<void> {
  await store.set(PREFIX + layoutKey(columns, kind), { ...mapping });
}

/**
 * The remembered mapping for this layout, or the guess when there is none. The layout key is the
 * set of normalised column names, so the saved columns are found again by normalised name
 * ("人口（人）" in one file, "人口" in the next); fields the user left unmapped stay unmapped.
 */
export async function recallMapping(store: MappingStore, columns: string[], kind: LayerKind): Promise<{ mapping: Mapping; remembered: boolean }> {
  const saved = await store.get(PREFIX + layoutKey(columns, kind));
  if (!isMapping(saved)) return { mapping: guessMapping(columns, kind), remembered: false };
  const byNorm = new Map(columns.map((c) => [normalizeName(c), c]));
  const mapping: Mapping = {};
  for (const [field, column] of Object.entries(saved)) {
    const here = byNorm.get(normalizeName(column));
    if (here !== undefined) mapping[field] = here;
  }
  return { mapping, remembered: true };
}
