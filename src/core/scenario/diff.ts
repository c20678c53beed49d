// What a scenario builds compared with another state (usually the baseline): facilities added or
// enlarged, by how many beds and places, urban or rural — the items the subsidy rules price.
// Beds count for elderly-care kinds, places for childcare kinds (the two subsidy clauses).
import { pointInArea, representativePoint, type AnyArea } from '../geo';
import { CHILDCARE_KINDS, ELDERLY_KINDS, type Community, type Facility, type Layers, type Msg, type Street } from '../model';
import type { CostItem, CostMode } from './cost';

export interface CostDiff {
  items: CostItem[];
  /** things the user should know: not 普惠, unknown urban/rural, unknown counts, removals */
  notes: Msg[];
}

/** Beds in a new facility are "new" unless facility.extra.buildMode says 'converted' or 'leased5y'
 *  (set by the add-facility form: 维修改造 or 租赁≥5年). */
export function bedMode(f: Facility): CostMode {
  const m = f.extra.buildMode;
  return m === 'converted' || m === 'leased5y' ? m : 'new';
}

export function costItems(before: Layers, after: Layers): CostDiff {
  const items: CostItem[] = [];
  const notes: Msg[] = [];
  const old = new Map(before.facilities.map((f) => [f.id, f]));
  for (const f of after.facilities) {
    const was = old.get(f.id);
    const beds = ELDERLY_KINDS.includes(f.kind) ? added(was, f, 'beds', notes) : 0;
    const places = CHILDCARE_KINDS.includes(f.kind) ? added(was, f, 'places', notes) : 0;
    if (beds === 0 && places === 0) continue;
    if (f.inclusive === false) {
      notes.push({ key: 'scenario.cost.notInclusive', args: { name: f.name } });
      continue;
    }
    if (f.inclusive === undefined) notes.push({ key: 'scenario.cost.assumedInclusive', args: { name: f.name } });
    const who = { facilityId: f.id, facilityName: f.name };
    // Beds are priced by building mode only, so urban/rural does not matter for them.
    if (beds > 0) items.push({ kind: 'bed', count: beds, mode: bedMode(f), rural: isRural(f, after) ?? false, ...who });
    if (places > 0) {
      const rural = isRural(f, after);
      if (rural === undefined) notes.push({ key: 'scenario.cost.unknownSetting', args: { name: f.name } });
      else items.push({ kind: 'place', count: places, mode: was ? 'expansion' : 'new', rural, ...who });
    }
  }
  return { items, notes };
}

/** Beds or places added; a count unknown on either side is reported, not taken as 0. */
function added(was: Facility | undefined, now: Facility, field: 'beds' | 'places', notes: Msg[]): number {
  const b = now[field];
  if (!was) return b ?? 0;
  const a = was[field];
  if (a === b) return 0;
  if (a === undefined || b === undefined) {
    notes.push({ key: 'scenario.cost.unknownCount', args: { name: now.name, field } });
    return 0;
  }
  if (b < a) {
    notes.push({ key: field === 'beds' ? 'scenario.cost.bedsRemoved' : 'scenario.cost.placesRemoved', args: { name: now.name, count: a - b } });
    return 0;
  }
  return b - a;
}

/** Rural if the residential area it lies in is a village (type rural); failing that, if the
 *  street/town it lies in is a 镇 (town). Undefined when it lies in neither. */
export function isRural(f: Facility, layers: Pick<Layers, 'communities' | 'streets'>): boolean | undefined {
  const p = representativePoint(f.geometry);
  const inside = (g: Community['geometry'] | Street['geometry']) => g.type !== 'Point' && pointInArea(p, g as AnyArea);
  const c = layers.communities.find((x) => inside(x.geometry));
  if (c) return c.type === 'rural';
  const s = layers.streets.find((x) => inside(x.geometry));
  if (s) return s.type === 'town';
  return undefined;
}
