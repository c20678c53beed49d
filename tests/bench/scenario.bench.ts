// Scenario edits on a large area: committing one edit (structural sharing) against the naive way
// of keeping history by deep-copying the layers (structuredClone), and replaying 200 edits.
import type { Evaluation } from '../../src/core/evaluate';
import type { Community, Facility, Layers, RuleResult } from '../../src/core/model';
import { resolveParams } from '../../src/core/params';
import { compare } from '../../src/core/scenario/compare';
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
    return {
      id: `c${i}`,
      name: `社区${i}`,
      type: 'built',
      population: 1000 + (i % 500),
      households: 400,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.01, y],
            [x + 0.01, y + 0.01],
            [x, y + 0.01],
            [x, y],
          ],
        ],
      },
      extra: {},
    };
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
  // compare two evaluations of 10,000 communities × 10 rules (synthetic results, every 7th flips)
  const citation = { document: 'bench', clause: '-', text: '-' };
  const results = (flip: boolean): RuleResult[] =>
    L.communities.flatMap((c, i) =>
      Array.from({ length: 10 }, (_, k): RuleResult => {
        const fail = ((i + k) % 3 === 0) !== (flip && i % 7 === 0);
        return {
          rule: `r${k}`,
          unit: { level: 'community', id: c.id },
          value: 1,
          threshold: 1,
          measure: k % 2 ? 'places_per_1000' : 'm2',
          status: fail ? 'fail' : 'pass',
          shortfall: fail ? 3 : 0,
          view: 'onsite',
          citation,
        };
      }),
    );
  const ev = (flip: boolean): Evaluation => ({ profile: 'combined', params: resolveParams(), results: results(flip), issues: [], coverage: [] });
  const evA = ev(false);
  const evB = ev(true);
  const cmp = await median(() => compare(evA, evB, L, cur), 5);
  const note = '10,000 communities, 1,000 facilities';
  return [
    { name: 'scenario: commit one capacity edit (applyEdit + inverse)', ms: apply, baseline: { name: 'deep copy of the layers (structuredClone)', ms: clone }, note },
    { name: 'scenario: replay 200 edits onto the baseline (rebuilt from intent)', ms: rep, note },
    { name: 'scenario: compare two evaluations (100,000 results each)', ms: cmp, note },
  ];
}
