// Pure builders: model + verdicts → the GeoJSON the map's sources hold. Properties carry only
// what the layer expressions read (id, verdict, kind …); names are data and end up as map text
// or JSX text, never as markup.
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Community, Facility, Street } from '../core/model';
import type { Lang } from '../i18n';
import { unitKey, type Verdict } from '../state/verdicts';
import { KIND_STYLES, type FacilityGroup } from './theme';

export interface CommunityProps {
  id: string;
  name: string;
  verdict: Verdict;
  /** 1 when the community lies outside every circle the user has switched on */
  outside: 0 | 1;
}

export interface StreetProps {
  id: string;
  name: string;
  verdict: Verdict;
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

export function communityFeatures(
  communities: readonly Community[],
  verdicts: ReadonlyMap<string, Verdict>,
  outside: ReadonlySet<string>,
): FeatureCollection<Polygon | MultiPolygon | Point, CommunityProps> {
  return {
    type: 'FeatureCollection',
    features: communities.map((c) => ({
      type: 'Feature',
      geometry: c.geometry,
      properties: { id: c.id, name: c.name, verdict: verdicts.get(unitKey('community', c.id)) ?? 'none', outside: outside.has(c.id) ? 1 : 0 },
    })),
  };
}

export function streetFeatures(streets: readonly Street[], verdicts: ReadonlyMap<string, Verdict>): FeatureCollection<Polygon | MultiPolygon, StreetProps> {
  return {
    type: 'FeatureCollection',
    features: streets.map((s) => ({
      type: 'Feature',
      geometry: s.geometry,
      properties: { id: s.id, name: s.name, verdict: verdicts.get(unitKey('street', s.id)) ?? 'none' },
    })),
  };
}

/** Beds measure elderly-care capacity, places childcare; health centres have no capacity here. */
export function capacityOf(f: Facility): number | undefined {
  const group = KIND_STYLES[f.kind].group;
  if (group === 'elderly') return f.beds;
  if (group === 'childcare') return f.places;
  return undefined;
}

/** Facilities as points: a polygon facility is drawn at a point guaranteed to lie on it. */
export function facilityFeatures(facilities: readonly Facility[], lang: Lang): FeatureCollection<Point, FacilityProps> {
  return {
    type: 'FeatureCollection',
    features: facilities.map((f): Feature<Point, FacilityProps> => {
      const style = KIND_STYLES[f.kind];
      const geometry = f.geometry.type === 'Point' ? f.geometry : pointOnFeature(f.geometry).geometry;
      const capacity = capacityOf(f);
      const properties: FacilityProps = { id: f.id, name: f.name, kind: f.kind, group: style.group, glyph: style.glyph[lang] };
      if (capacity !== undefined) properties.capacity = capacity;
      return { type: 'Feature', geometry, properties };
    }),
  };
}

/** Communities outside every circle of the groups switched on (from Evaluation.coverage). */
export function outsideSet(coverage: readonly { circle: string; outside: string[] }[], circles: readonly string[]): Set<string> {
  const on = coverage.filter((c) => circles.includes(c.circle));
  if (on.length === 0) return new Set();
  // "outside every circle": in the outside list of each selected circle kind
  const [first, ...rest] = on;
  const restSets = rest.map((c) => new Set(c.outside));
  return new Set(first.outside.filter((id) => restSets.every((s) => s.has(id))));
}
