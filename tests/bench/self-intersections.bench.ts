// The self-intersection check on 街道-sized outlines (issue 14): a wobbly circle of 40 000 and of
// 1 000 000 vertices, against a plain pass over the same vertices (their bounding box, the least
// any check must do) and against @turf/kinks, the O(n²) check it replaces, on 4 000 vertices
// (kinks on 40 000 took 18.7 s; on 1 000 000 it never finished).
import { kinks } from '@turf/kinks';
import type { Position } from 'geojson';
import { ringCrossings } from '../../src/core/self-intersections';
import { median } from './median';
import type { BenchRow } from './run';

function outline(n: number): Position[] {
  const r: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const rad = 0.05 * (1 + 0.05 * Math.sin(37 * a));
    r.push([108.9 + rad * Math.cos(a), 34.1 + rad * Math.sin(a)]);
  }
  r.push(r[0]);
  return r;
}

function bbox(ring: Position[]): number {
  let x = Infinity;
  let X = -Infinity;
  for (const p of ring) {
    if (p[0] < x) x = p[0];
    if (p[0] > X) X = p[0];
  }
  return X - x;
}

export default async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const small = outline(4_000);
  const kinksSmall = { name: '@turf/kinks, 4 000 vertices (the old check)', ms: await median(() => kinks({ type: 'Polygon', coordinates: [small] }), 3) };
  rows.push(kinksSmall);
  rows.push({ name: 'ringCrossings, 4 000 vertices', ms: await median(() => ringCrossings([small]), 5), baseline: kinksSmall });
  for (const n of [40_000, 1_000_000]) {
    const ring = outline(n);
    const pass = { name: `one pass (bbox), ${n} vertices`, ms: await median(() => bbox(ring), 5) };
    const ms = await median(
      () => {
        const c = ringCrossings([ring], 3, Infinity);
        if (!c.ok || c.at.length) throw new Error('the test outline is simple');
      },
      n > 100_000 ? 3 : 5,
    );
    rows.push(pass, { name: `ringCrossings, ${n} vertices`, ms, note: `${(ms / pass.ms).toFixed(0)}× the plain pass over the same vertices` });
  }
  return rows;
}
