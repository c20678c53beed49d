// Fixture access for the io tests: committed files (made by tests/fixtures/io/make-fixtures.sh
// with GDAL) read as bytes, the way a browser File or the CLI hands them to readFile().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Polygon, Point } from 'geojson';
import { readFile, type ReadOptions, type SourceLayer } from '../../src/io';

export const FIXTURES = 'tests/fixtures/io';

export function bytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function sourceJson<T = FeatureCollection<Polygon | Point, Record<string, string | number>>>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, 'src', name), 'utf8')) as T;
}

/** readFile that must succeed, with the error in the failure message if not. */
export function readOk(name: string, data: Uint8Array, opts: ReadOptions = {}): SourceLayer[] {
  const r = readFile(name, data, opts);
  if (!r.ok) throw new Error(`expected ${name} to read, got ${JSON.stringify(r.error)}`);
  return r.layers;
}

/** readFile that must fail; returns the message. */
export function readFails(name: string, data: Uint8Array, opts: ReadOptions = {}) {
  const r = readFile(name, data, opts);
  if (r.ok) throw new Error(`expected ${name} to fail, it read ${r.layers.length} layer(s)`);
  return r.error;
}

/** Largest coordinate difference between two equally shaped coordinate arrays. */
export function maxDiff(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return Infinity;
    return a.reduce((m: number, x, i) => Math.max(m, maxDiff(x, b[i])), 0);
  }
  return Infinity;
}
