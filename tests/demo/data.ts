// Reads the committed demo files as plain GeoJSON (what the app and other tools see), for the tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon } from 'geojson';

export const DEMO_DIR = join(__dirname, '..', '..', 'data', 'demo');

export type Props = Record<string, unknown>;

export function readLayer<G extends Polygon | MultiPolygon | Point | LineString>(name: string): FeatureCollection<G, Props> & Props {
  return JSON.parse(readFileSync(join(DEMO_DIR, `${name}.geojson`), 'utf8')) as FeatureCollection<G, Props> & Props;
}

export function num(f: Feature<Geometry, Props>, key: string): number {
  const v = f.properties?.[key];
  if (typeof v !== 'number') throw new Error(`feature ${String(f.properties?.id)}: ${key} is not a number`);
  return v;
}

export function str(f: Feature<Geometry, Props>, key: string): string {
  const v = f.properties?.[key];
  if (typeof v !== 'string') throw new Error(`feature ${String(f.properties?.id)}: ${key} is not a string`);
  return v;
}

export interface GapEntry {
  id: string;
  rules: string[];
  level: string;
  ids: string[];
  facilities?: string[];
  zh: string;
  en: string;
}

export function readGaps(): { seed: number; size: number; gaps: GapEntry[] } {
  return JSON.parse(readFileSync(join(DEMO_DIR, 'gaps.json'), 'utf8')) as { seed: number; size: number; gaps: GapEntry[] };
}
