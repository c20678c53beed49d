// Scenario edits on a large area: committing one edit (structural sharing) against the naive way
// of keeping history by deep-copying the layers (structuredClone), and replaying 200 edits.
import type { Community, Facility, Layers } from '../../src/core/model';
import { applyEdit } from '../../src/core/scenario/edit';
import { setCapacity } from '../../src/core/scenario/ops';
import { replay } from '../../src/core/scenario/replay';
import type { Edit } from '../../src/core/scenario/edit';
import { median } from './median';
import type { BenchRow } from './run';

/** n communities on a grid of 0.01° squares and m point facilities (synthetic, seeded by index) */
function layers(n: number, m: number): Layers {
  const side = Math.ceil(Math.sqrt(n));
  const communities: Community[] = Array.from({ length: n }, (_, i) => {
    const x = 108 + (i % side) * 0.01;
    const y = 34 + Math.floor(i / side) * 0.01;
    return { id: `c${i}`, name: `社区${i}`, type: 'built', population: 1000 + (i % 500), households: 400, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] }, extra: {} };
  });
  const facilities: Facility[] = Array.from({ length: m }, (_, i) => ({
    id: `f${i}`,
    name: `设施${i}`,
    kind: 'childcare_centre',
    places: 20,
    geometry: { type: 'Point', coordinates: [108 + (i % side) * 0.01 + 0.005, 34 + Math.floor(i / side) * 0.01 + 0.005] },
    extra: {},
  }));
  return { communities, facilities, streets: [], roads: [] };
}

export default async function bench(): Promise<BenchRow[]> {
  const L = layers(10_000, 1_000);
  const r = setCapacity(L, { id: 'f500', capacity: { places: 60 } }, 'e');
  if (!r.ok) throw new Error(r.reason.key);
  const edit = r.edit;
  const apply = await median(() => applyEdit(L, edit), 15);
  const clone = await median(() => structuredClone(L), 5);

  const edits: Edit[] = [];
  let cur = L;
  for (let i = 0; i < 200; i++) {
    const e = setCapacity(cur, { id: `f${(i * 7) % 1000}`, capacity: { places: 21 + i } }, `e${i}`);
    if (!e.ok) throw new Error(e.reason.key);
    edits.push(e.edit);
    cur = applyEdit(cur, e.edit).layers;
  }
  const rep = await median(() => replay(L, { edits }), 5);
  const note = '10,000 communities, 1,000 facilities';
  return [
    { name: 'scenario: commit one capacity edit (applyEdit + inverse)', ms: apply, baseline: { name: 'deep copy of the layers (structuredClone)', ms: clone }, note },
    { name: 'scenario: replay 200 edits onto the baseline (rebuilt from intent)', ms: rep, note },
  ];
}
