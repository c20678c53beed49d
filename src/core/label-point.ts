// The point a community's dot is drawn at (and the map centres on): turf's point on the feature.
// One function for the page (map/features.ts) and the worker (which packs it with the outline).
import { pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export const labelPoint = (g: Polygon | MultiPolygon): Position => pointOnFeature(g).geometry.coordinates;
