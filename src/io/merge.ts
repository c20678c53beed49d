// How the good rows of an import join a layer that already has data. The default adds and
// updates (merge): a row whose id is already in the layer updates that record, else a row with
// the same name within NAME_MATCH_METRES of an existing record updates it (and keeps its id, so a
// scenario's edits still find it); every other row is added, nothing is removed. Replace keeps
// only the file's rows, and the plan lists what that would remove before anything changes.
import { haversine, representativePoint, type AnyGeom, type LonLat } from '../core/geo';
import type { KindItems, LayerKind } from './types';

export type ImportMode = 'merge' | 'replace';
export const IMPORT_MODES: readonly ImportMode[] = ['merge', 'replace'];

/** a record of the same name this close (metres, between representative points) is the same place */
export const NAME_MATCH_METRES = 100;

export interface RemovedItem {
  id: string;
  name?: string;
}

/** what accepting would change, shown before the user accepts */
export interface ImportPlan {
  mode: ImportMode;
  added: number;
  /** existing records the file changes (matched by id or by name + place) */
  updated: number;
  /** matched records whose content the file leaves as it was */
  unchanged: number;
  /** of the updated and unchanged: matched by name and place, not by id */
  matchedByName: number;
  /** records that accepting would remove (replace only), in layer order */
  removed: RemovedItem[];
  /** records in the layer before and after */
  before: number;
  after: number;
}

type Item = KindItems[LayerKind];

function anchor(item: Item): LonLat | null {
  const g = item.geometry as { type: string; coordinates: unknown } | null;
  if (!g) return null;
  try {
    if (g.type === 'Point' || g.type === 'Polygon' || g.type === 'MultiPolygon') return representativePoint(g as AnyGeom);
    // lines: their first vertex is a fair handle for "the same road"
    const c = (g.type === 'LineString' ? g.coordinates : (g.coordinates as number[][][])[0]) as number[][];
    return c?.[0] ? [c[0][0], c[0][1]] : null;
  } catch {
    return null;
  }
}

const nameOf = (x: Item): string => (typeof (x as { name?: unknown }).name === 'string' ? (x as { name: string }).name.trim() : '');

/** content equality of two records (key order aside) */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/**
 * The layer after accepting `incoming` under `mode`, and the plan that says what changed.
 * Pure: `current` is not touched; untouched records are the same objects.
 */
export function mergeLayer<T extends Item>(current: readonly T[], incoming: readonly T[], mode: ImportMode): { items: T[]; plan: ImportPlan } {
  const byId = new Map<string, number>();
  current.forEach((x, i) => {
    if (typeof x.id === 'string' && !byId.has(x.id)) byId.set(x.id, i);
  });
  const byName = new Map<string, number[]>();
  current.forEach((x, i) => {
    const n = nameOf(x);
    if (n) byName.set(n, [...(byName.get(n) ?? []), i]);
  });
  const taken = new Set<number>();
  /** index in current matched by each incoming row, or -1 */
  const match = incoming.map((x) => {
    const i = typeof x.id === 'string' ? byId.get(x.id) : undefined;
    if (i !== undefined && !taken.has(i)) {
      taken.add(i);
      return { at: i, byName: false };
    }
    return { at: -1, byName: false };
  });
  // second pass, so an id match always wins over a name match for the same record
  incoming.forEach((x, k) => {
    if (match[k].at >= 0) return;
    const n = nameOf(x);
    const p = anchor(x);
    if (!n || !p) return;
    let best = -1;
    let bestD = NAME_MATCH_METRES;
    for (const i of byName.get(n) ?? []) {
      if (taken.has(i)) continue;
      const q = anchor(current[i]);
      const d = q ? haversine(p, q) : Infinity;
      if (d <= bestD) {
        best = i;
        bestD = d;
      }
    }
    if (best >= 0) {
      taken.add(best);
      match[k] = { at: best, byName: true };
    }
  });

  let updated = 0;
  let unchanged = 0;
  let matchedByName = 0;
  const replaced = new Map<number, T>();
  const added: T[] = [];
  incoming.forEach((x, k) => {
    const { at, byName: viaName } = match[k];
    if (at < 0) {
      added.push(x);
      return;
    }
    const old = current[at];
    // a name match keeps the existing id: scenarios and saved views refer to it
    const next = viaName ? ({ ...x, id: old.id } as T) : x;
    if (viaName) matchedByName++;
    if (same(old, next)) {
      unchanged++;
      replaced.set(at, old);
    } else {
      updated++;
      replaced.set(at, next);
    }
  });

  const removed: RemovedItem[] = [];
  let items: T[];
  if (mode === 'merge') {
    items = current.map((x, i) => replaced.get(i) ?? x);
    items.push(...added);
  } else {
    current.forEach((x, i) => {
      if (!taken.has(i)) removed.push({ id: String(x.id), ...(nameOf(x) ? { name: nameOf(x) } : {}) });
    });
    // the file's order, matched records carrying the kept id
    items = incoming.map((x, k) => (match[k].at >= 0 ? (replaced.get(match[k].at) as T) : x));
  }
  return { items, plan: { mode, added: added.length, updated, unchanged, matchedByName, removed, before: current.length, after: items.length } };
}
