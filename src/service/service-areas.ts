// Service areas drawn on the map. Straight mode: a circle of radius circleDistance ÷ detourFactor
// around each facility of the circle's kinds (turf.circle: geodesic destination points, 64 steps).
// Network mode: the network engine's walk-along-streets polygons replace the circles.
import { circle, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Facility, FacilityKind } from '../core/model';
import { circleDistance, type Params } from '../core/params';

export type CircleGroup = 'elderly' | 'childcare';
export const CIRCLE_GROUPS: readonly CircleGroup[] = ['elderly', 'childcare'];

export interface ServiceAreaProps {
  /** the facility's id; '*' for the merged walk area of a whole group (network mode) */
  facility: string;
  circle: CircleGroup;
  /** metres */
  radius: number;
}

export type ServiceAreas = FeatureCollection<Polygon | MultiPolygon, ServiceAreaProps> & {
  /** the session's number for the areas it handed out: the map asks for their tiles by it
   *  (unit-tiles.ts), so the page never hands them to MapLibre */
  id?: number;
};

/** What the page holds of circles or walk areas: which they are (each one's facility, group and
 *  radius, and the set's id), not their outlines. The map draws them from the worker's tiles (by
 *  the id) and the gaps export takes them there, so a large city's 1.1 M vertices of walk areas
 *  are held once, in the worker, not packed again on the page. (In-process callers may hand the
 *  whole areas: they are ShownAreas too.) */
export type ShownAreas = Omit<ServiceAreas, 'features'> & {
  features: { type: 'Feature'; properties: ServiceAreaProps; geometry?: Polygon | MultiPolygon }[];
};

/** the areas as the page gets them: their properties and id, no outline */
export function shownAreas(a: ServiceAreas): ShownAreas {
  return { ...a, features: a.features.map((f) => ({ type: 'Feature', properties: f.properties })) };
}

/** Everything the drawn circles depend on: equal keys, equal circles. */
export function areasKey(p: Params): string {
  return JSON.stringify([p.reach, p.circleMinutes, p.walkSpeed, p.detourFactor, p.snapDistance, p.elderlyCircleKinds, p.childcareCircleKinds]);
}

export function circleKinds(p: Params, group: CircleGroup): readonly FacilityKind[] {
  return group === 'elderly' ? p.elderlyCircleKinds : p.childcareCircleKinds;
}

/** Straight-line radius in metres: the walking distance shortened by the detour factor. */
export function straightRadius(p: Params): number {
  return circleDistance(p) / p.detourFactor;
}

export function facilityPoint(f: Facility): [number, number] {
  const g = f.geometry.type === 'Point' ? f.geometry : pointOnFeature(f.geometry).geometry;
  return [g.coordinates[0], g.coordinates[1]];
}

/** Polygons walkable within `metres` of the given facilities (all of one circle group). */
export type AreaFn = (facilities: readonly Facility[], metres: number) => { facility: string; geometry: Polygon | MultiPolygon }[];

/** One circle per facility. */
export const straightArea: AreaFn = (facilities, metres) =>
  facilities.map((f) => ({ facility: f.id, geometry: circle(facilityPoint(f), metres / 1000, { steps: 64, units: 'kilometers' }).geometry }));

export function serviceAreas(facilities: readonly Facility[], p: Params, groups: readonly CircleGroup[], area: AreaFn, metres: number): ServiceAreas {
  const features: Feature<Polygon | MultiPolygon, ServiceAreaProps>[] = [];
  for (const group of groups) {
    const kinds = circleKinds(p, group);
    for (const a of area(
      facilities.filter((f) => kinds.includes(f.kind)),
      metres,
    ))
      features.push({ type: 'Feature', geometry: a.geometry, properties: { facility: a.facility, circle: group, radius: metres } });
  }
  return { type: 'FeatureCollection', features };
}

/** One facility's circles moved to `to` (straight mode; a drag shows them live), or null when it
 *  has none of its own (walk areas of network mode are one per group: they follow the drop). */
export function movedCircle(areas: ShownAreas, facility: string, to: [number, number]): ServiceAreas | null {
  const features = areas.features
    .filter((f) => f.properties.facility === facility)
    .map((f) => ({ ...f, geometry: circle(to, f.properties.radius / 1000, { steps: 64, units: 'kilometers' }).geometry }));
  return features.length > 0 ? { type: 'FeatureCollection', features } : null;
}
