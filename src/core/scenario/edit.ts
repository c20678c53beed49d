// An Edit is a small record of one change to the layers: features to put (add or replace, by id)
// and ids to delete. Undo is data too: applying an edit returns the edit that takes it back.
// Inputs are never mutated; untouched arrays and features are reused (structural sharing),
// so the UI and the worker can tell what changed with Object.is.
import type { Community, Facility, Layers, Msg, Road, Street } from '../model';
import type { EditOp } from './ops';

export type LayerName = 'communities' | 'facilities' | 'streets' | 'roads';
export const LAYER_NAMES: readonly LayerName[] = ['communities', 'facilities', 'streets', 'roads'];

export interface FeatureOf {
  communities: Community;
  facilities: Facility;
  streets: Street;
  roads: Road;
}

/** Put a feature: replaces the feature with the same id in place, or inserts it.
 *  `at` (only used when inserting) restores a deleted feature to its old position on undo. */
export type Put = { [L in LayerName]: { layer: L; feature: FeatureOf[L]; at?: number } }[LayerName];

export interface Delete {
  layer: LayerName;
  id: string;
}

export interface Edit {
  id: string;
  /** what the history list shows (an i18n key and its arguments) */
  note: Msg;
  put?: Put[];
  delete?: Delete[];
  /** the intent behind put/delete, when the edit came from an edit operation; replay rebuilds
   *  the edit from it so that, e.g., a capacity change keeps the re-imported name and position */
  op?: EditOp;
}

export interface Applied<T extends Layers> {
  layers: T;
  /** applying this to `layers` gives back the input, identical in content and order */
  inverse: Edit;
}

/** Why an edit does not fit these layers, or null if it does. */
export function checkEdit(layers: Layers, edit: Edit): Msg | null {
  const seen = new Set<string>();
  for (const d of edit.delete ?? []) {
    const key = `${d.layer}\u0000${d.id}`;
    if (seen.has(key)) return { key: 'scenario.error.twiceInEdit', args: { layer: d.layer, id: d.id } };
    seen.add(key);
    if (!indexOfId(layers[d.layer], d.id).found) {
      return { key: `scenario.error.missing.${d.layer}`, args: { id: d.id } };
    }
  }
  for (const p of edit.put ?? []) {
    const id = p.feature.id;
    if (typeof id !== 'string' || id === '') return { key: 'scenario.error.noId', args: { layer: p.layer } };
    const key = `${p.layer}\u0000${id}`;
    if (seen.has(key)) return { key: 'scenario.error.twiceInEdit', args: { layer: p.layer, id } };
    seen.add(key);
  }
  return null;
}

export class EditError extends Error {
  constructor(readonly msg: Msg) {
    super(`${msg.key} ${JSON.stringify(msg.args ?? {})}`);
    this.name = 'EditError';
  }
}

/** Applies an edit: deletes first, then puts. Throws EditError if the edit does not fit
 *  (use checkEdit first where a misfit is expected, e.g. replay). */
export function applyEdit<T extends Layers>(layers: T, edit: Edit): Applied<T> {
  const problem = checkEdit(layers, edit);
  if (problem) throw new EditError(problem);

  const inversePut: Put[] = [];
  const inverseDelete: Delete[] = [];
  const next: Partial<Record<LayerName, Layers[LayerName]>> = {};

  for (const layer of LAYER_NAMES) {
    const deletes = (edit.delete ?? []).filter((d) => d.layer === layer);
    const puts = (edit.put ?? []).filter((p) => p.layer === layer);
    if (deletes.length === 0 && puts.length === 0) continue;
    const r = applyToLayer(layers[layer] as readonly { id: string }[], layer, deletes, puts);
    next[layer] = r.features as Layers[LayerName];
    inversePut.push(...r.inversePut);
    inverseDelete.push(...r.inverseDelete);
  }

  if (Object.keys(next).length === 0) return { layers, inverse: { id: edit.id, note: edit.note } };
  const inverse: Edit = { id: edit.id, note: edit.note };
  if (inversePut.length > 0) inverse.put = inversePut;
  if (inverseDelete.length > 0) inverse.delete = inverseDelete;
  return { layers: { ...layers, ...next }, inverse };
}

interface LayerResult {
  features: { id: string }[];
  inversePut: Put[];
  inverseDelete: Delete[];
}

function applyToLayer(features: readonly { id: string }[], layer: LayerName, deletes: Delete[], puts: Put[]): LayerResult {
  const inversePut: Put[] = [];
  const inverseDelete: Delete[] = [];
  const deleteIds = new Set(deletes.map((d) => d.id));

  // Deleted features come back on undo at their old index; indices are of the original array,
  // so re-inserting them in ascending order rebuilds it exactly.
  const out: { id: string }[] = [];
  features.forEach((f, i) => {
    if (deleteIds.has(f.id)) inversePut.push(putOf(layer, f, i));
    else out.push(f);
  });

  const indexOf = lastIndexOf(out, puts.length);
  const inserts: { feature: { id: string }; at?: number }[] = [];
  for (const p of puts) {
    const i = indexOf(p.feature.id);
    if (i !== undefined) {
      inversePut.push(putOf(layer, out[i], undefined));
      out[i] = p.feature;
    } else {
      inserts.push({ feature: p.feature, at: p.at });
      inverseDelete.push({ layer, id: p.feature.id });
    }
  }
  // Positioned inserts in ascending order, then the rest appended in the order given.
  const positioned = inserts.filter((x) => x.at !== undefined).sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  for (const x of positioned) out.splice(Math.max(0, Math.min(x.at ?? out.length, out.length)), 0, x.feature);
  for (const x of inserts) if (x.at === undefined) out.push(x.feature);

  inversePut.sort((a, b) => (a.at ?? -1) - (b.at ?? -1));
  return { features: out, inversePut, inverseDelete };
}

/** The last index of an id in `features` (their ids do not change while puts replace features
 *  of the same id): a few puts — an edit in the app — scan for it (a map of 10 000 ids per edit
 *  and replay cost more than the scans), many build the map. */
function lastIndexOf(features: readonly { id: string }[], lookups: number): (id: string) => number | undefined {
  if (lookups <= 8)
    return (id) => {
      for (let i = features.length - 1; i >= 0; i--) if (features[i].id === id) return i;
      return undefined;
    };
  const index = new Map<string, number>();
  features.forEach((f, i) => index.set(f.id, i));
  return (id) => index.get(id);
}

function putOf(layer: LayerName, feature: { id: string }, at: number | undefined): Put {
  // The feature came out of `layers[layer]`, so it has that layer's type.
  const p = { layer, feature, ...(at === undefined ? {} : { at }) };
  return p as Put;
}

export function indexOfId(features: readonly { id: string }[], id: string): { found: boolean; index: number } {
  const index = features.findIndex((f) => f.id === id);
  return { found: index >= 0, index };
}

/** Is the edit a no-op? */
export function isEmptyEdit(edit: Edit): boolean {
  return (edit.put?.length ?? 0) === 0 && (edit.delete?.length ?? 0) === 0;
}
