// Move a facility (drag on the map). A polygon site is shifted as a whole so that its
// representative point (the one the rules and the map use) lands on the new position; shifting in
// lon/lat degrees is fine for sites of a few hundred metres (cos(lat) changes well under 0.1 % across).
import { haversine, representativePoint } from '../../geo';
import type { Facility, Layers } from '../../model';
import { newId } from '../ids';
import { fail, type OpResult } from './result';
import { checkLonLat } from './validate';

export interface MoveFacilityOp {
  type: 'moveFacility';
  id: string;
  /** new position, WGS84 [lon, lat] */
  to: [number, number];
}

export function moveFacility(layers: Layers, op: { id: string; to: [number, number] }, editId = newId('edit')): OpResult {
  const bad = checkLonLat(op.id, op.to);
  if (bad) return { ok: false, reason: bad };
  const f = layers.facilities.find((x) => x.id === op.id);
  if (!f) return fail('scenario.error.missing.facilities', { id: op.id });
  const from = representativePoint(f.geometry);
  const moved: Facility = { ...f, geometry: shifted(f.geometry, op.to[0] - from[0], op.to[1] - from[1]) };
  // great-circle metres, rounded for the history list
  const metres = Math.round(haversine(from, op.to));
  return {
    ok: true,
    edit: {
      id: editId,
      note: { key: 'scenario.edit.moveFacility', args: { name: f.name, metres } },
      put: [{ layer: 'facilities', feature: moved }],
      op: { type: 'moveFacility', id: op.id, to: [op.to[0], op.to[1]] },
    },
  };
}

function shifted(g: Facility['geometry'], dx: number, dy: number): Facility['geometry'] {
  if (g.type === 'Point') return { type: 'Point', coordinates: [g.coordinates[0] + dx, g.coordinates[1] + dy] };
  return { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(([x, y]) => [x + dx, y + dy])) };
}
