// Pure builders: model + verdicts → the GeoJSON the map's sources hold. Properties carry only
// what the layer expressions read (id, verdict, kind …); names are data and end up as map text
// or JSX text, never as markup.
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { labelPoint } from '../core/label-point';
import { type Community, type Facility, type Street, unitKey } from '../core/model';
import { packedLabel } from '../core/packed-outlines';
import type { Lang } from '../i18n';
import { type Verdict, verdictOfRank } from '../core/report/verdicts';
import { KIND_STYLES, type FacilityGroup } from './theme';

/** Geometry-bearing properties: set once per project. Verdicts come as feature state (unitStates). */
export interface UnitProps {
  id: string;
  name: string;
}

/** Feature state of a street or community: its verdict and, for communities, whether it lies
 *  outside every circle the user has switched on. */
export interface UnitState {
  verdict: Verdict;
  outside: boolean;
}

/** The feature state of every unit of a source, in `ids` order: a byte per unit, its verdict's
 *  rank (verdictOfRank) plus OUTSIDE. Arrays, not a Map of objects: the map compares a large
 *  city's 20 000 communities with the states it holds in one pass and sets only those that changed. */
export interface UnitStates {
  ids: readonly string[];
  codes: Uint8Array;
}
/** the outside flag's bit in a unit's code */
export const OUTSIDE = 4;

export const stateOf = (code: number): UnitState => ({ verdict: verdictOfRank(code & 3), outside: (code & OUTSIDE) !== 0 });

/** The codes of `ids` from their verdict ranks (unitRanks) and the outside ids. */
export function packStates(ids: readonly string[], ranks: Uint8Array, outside: ReadonlySet<string>): UnitStates {
  const codes = new Uint8Array(ids.length);
  for (let k = 0; k < ids.length; k++) codes[k] = ranks[k] | (outside.size > 0 && outside.has(ids[k]) ? OUTSIDE : 0);
  return { ids, codes };
}

/** What a source holding `before` (undefined: no state at all) must be told to hold `states`: the
 *  places in `states` whose code it does not hold yet, and the units of `before` that are gone and
 *  still hold a state (to remove). A unit without a state is drawn as code 0 (no verdict, inside),
 *  so a code 0 is never set over nothing: an opened project's 20 000 communities wait for their
 *  verdicts without a state each, which MapLibre would write into every outline tile as it loads
 *  (≈ 0.5 s of the page's thread before the outlines are drawn, for states that draw nothing). */
export function stateChanges(states: UnitStates, before?: UnitStates): { set: number[]; remove: string[] } {
  const { ids, codes } = states;
  // the same units (one ids array per layer array): compared place by place; else by id
  const held = before && before.ids !== ids ? new Map(before.ids.map((u, k) => [u, before.codes[k]])) : null;
  const set: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    const was = (held ? held.get(ids[k]) : before?.codes[k]) ?? 0;
    held?.delete(ids[k]);
    if (was !== codes[k]) set.push(k);
  }
  const remove: string[] = [];
  for (const [unit, code] of held ?? []) if (code !== 0) remove.push(unit);
  return { set, remove };
}

export interface FacilityProps {
  id: string;
  name: string;
  kind: string;
  group: FacilityGroup;
  /** beds for elderly care, places for childcare; absent when unknown (drawn at the smallest size) */
  capacity?: number;
  glyph: string;
}

export function unitFeatures<G extends Polygon | MultiPolygon | Point>(units: readonly { id: string; name: string; geometry: G }[]): FeatureCollection<G, UnitProps> {
  return {
    type: 'FeatureCollection',
    features: units.map((u) => ({ type: 'Feature', geometry: u.geometry, properties: { id: u.id, name: u.name } })),
  };
}

export const communityFeatures = (cs: readonly Community[]) => unitFeatures(cs);

/** A point on each community (the point itself for point communities, else one inside the polygon:
 *  the one packed with it when it came from the worker, so no outline is built for it). */
export function communityDots(cs: readonly Community[]): FeatureCollection<Point, UnitProps> {
  const dot = (c: Community): Point => {
    const packed = packedLabel(c);
    if (packed) return { type: 'Point', coordinates: packed };
    return c.geometry.type === 'Point' ? c.geometry : { type: 'Point', coordinates: labelPoint(c.geometry) };
  };
  return unitFeatures(cs.map((c) => ({ id: c.id, name: c.name, geometry: dot(c) })));
}
export const streetFeatures = (ss: readonly Street[]) => unitFeatures(ss);

/** State of every unit of a level from verdicts keyed by unitKey (each unit gets one, so a unit
 *  that lost its verdict is reset). */
export function unitStates(ids: readonly string[], level: 'community' | 'street', verdicts: ReadonlyMap<string, Verdict>, outside: ReadonlySet<string>): UnitStates {
  const ranks = Uint8Array.from(ids, (id) => RANKS.indexOf(verdicts.get(unitKey(level, id)) ?? 'none'));
  return packStates(ids, ranks, outside);
}
const RANKS = [0, 1, 2, 3].map(verdictOfRank);

/** Beds measure elderly-care capacity, places childcare; health centres have no capacity here. */
export function capacityOf(f: Facility): number | undefined {
  const group = KIND_STYLES[f.kind].group;
  if (group === 'elderly') return f.beds;
  if (group === 'childcare') return f.places;
  return undefined;
}

/** Each facility record's feature, per language: an edit keeps the records it did not change, so
 *  their features stay the same objects and the map sends MapLibre only the new ones (MapView.setData). */
const facilityFeatureOf: Record<Lang, WeakMap<Facility, Feature<Point, FacilityProps>>> = { zh: new WeakMap(), en: new WeakMap() };

/** Facilities as points: a polygon facility is drawn at a point guaranteed to lie on it. */
export function facilityFeatures(facilities: readonly Facility[], lang: Lang): FeatureCollection<Point, FacilityProps> {
  const made = facilityFeatureOf[lang];
  return {
    type: 'FeatureCollection',
    features: facilities.map((f): Feature<Point, FacilityProps> => {
      const had = made.get(f);
      if (had) return had;
      const style = KIND_STYLES[f.kind];
      const geometry = f.geometry.type === 'Point' ? f.geometry : pointOnFeature(f.geometry).geometry;
      const capacity = capacityOf(f);
      const properties: FacilityProps = { id: f.id, name: f.name, kind: f.kind, group: style.group, glyph: style.glyph[lang] };
      if (capacity !== undefined) properties.capacity = capacity;
      const feature: Feature<Point, FacilityProps> = { type: 'Feature', geometry, properties };
      made.set(f, feature);
      return feature;
    }),
  };
}
