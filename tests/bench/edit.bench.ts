// An edit answered in the analysis session (Node, no page): move a facility, change its capacity,
// add one, undo — analyseEdits() with the delta of changed units, on 10,000 communities × 1,000
// facilities (straight lines) and on the realistic large city (street network; BENCH_CITY_COMMUNITIES,
// default 5 000 here). Baselines in the same run: what an edit cost before — the replayed layers
// evaluated from scratch (new arrays: everything prepared again) — and the rules alone (a warm
// evaluation of unchanged layers, what is left to cut). Goal (issue 15): ≤ 50 ms including the page.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { benchCityFile } from '../../scripts/bench-city/generate';
import { evaluate } from '../../src/core/evaluate';
import type { Facility, Project } from '../../src/core/model';
import { resolveParams } from '../../src/core/params';
import { reachEngineFor } from '../../src/core/reach/choose';
import { replay, type Edit } from '../../src/core/scenario';
import { buildEdit, type EditOp } from '../../src/core/scenario/ops';
import { parseProject } from '../../src/schemas';
import { createAnalysisSession, type SessionLayers } from '../../src/service/session';
import { city } from './evaluate.bench';
import { medianWithCpu } from './median';
import type { BenchRow } from './run';

const PROFILE = 'combined';

async function editRows(label: string, project: Project, runs: number): Promise<BenchRow[]> {
  const session = createAnalysisSession();
  session.open({ project, issues: [], other: {} });
  const { roads, profile: _p, params: _q, ...rest } = project;
  const baseline: SessionLayers = { ...rest, roads };
  const params = resolveParams({});
  const engine = reachEngineFor(params, roads);
  let base = session.analyse({ profile: PROFILE, params: {}, areas: false }).serial;
  const facility = baseline.facilities[Math.floor(baseline.facilities.length / 3)] as Facility & { geometry: { type: 'Point' } };
  const [x0, y0] = facility.geometry.coordinates;
  let k = 0;
  const edit = (layers: SessionLayers, op: EditOp): Edit => {
    const r = buildEdit(layers, op, `e${++k}`);
    if (!r.ok) throw new Error(`${op.type} refused`);
    return r.edit;
  };
  // a new place every run, up to ≈ 400 m away: new walks each time, like a drag
  const moved = () => edit(baseline, { type: 'moveFacility', id: facility.id, to: [x0 + Math.sin(k) * 0.004, y0 + Math.cos(k * 1.3) * 0.003] });
  let units = 0;
  const answer = (edits: Edit[]) => {
    const e = session.analyseEdits(edits, { profile: PROFILE, params: {}, base });
    if (!e.delta) throw new Error('no delta');
    units = e.delta.units.length;
    base = e.serial;
  };
  const rows: BenchRow[] = [];
  const full = await medianWithCpu(() => {
    const l = replay(baseline, { edits: [moved()] }).layers;
    evaluate({ ...l, communities: [...l.communities] }, { profile: PROFILE, reach: engine });
  }, 3);
  const fullRow = { name: 'full re-evaluation (as before)', ms: full.ms };
  evaluate(baseline, { profile: PROFILE, reach: engine });
  const rulesOnly = await medianWithCpu(() => evaluate(baseline, { profile: PROFILE, reach: engine }), runs);
  const note = (cpu: number, ms: number) =>
    `CPU ${cpu.toFixed(0)} ms; ${units} units changed; goal ≤ 50 ms: ${ms <= 50 ? 'met' : `missed by ${(ms - 50).toFixed(0)} ms`} in Node (page not counted), load ${loadavg()[0].toFixed(1)}`;
  const move = await medianWithCpu(() => answer([moved()]), runs);
  rows.push({ name: `${label}: move a facility → delta`, ms: move.ms, baseline: fullRow, note: note(move.cpu, move.ms) });
  const kept = [moved()];
  const capacity = await medianWithCpu(
    () => answer([...kept, edit(replay(baseline, { edits: kept }).layers, { type: 'setCapacity', id: facility.id, capacity: { places: 10 + (k % 50), beds: 20 + (k % 70) } })]),
    runs,
  );
  rows.push({ name: `${label}: change its capacity → delta`, ms: capacity.ms, baseline: fullRow, note: note(capacity.cpu, capacity.ms) });
  const add = await medianWithCpu(() => {
    const at: [number, number] = [x0 + Math.cos(k) * 0.004, y0 + Math.sin(k * 0.7) * 0.003];
    answer([
      ...kept,
      edit(baseline, {
        type: 'addFacility',
        facility: { id: `NEW${k}`, name: '新设施', kind: 'elderly_daycare', places: 30, floorArea: 400, geometry: { type: 'Point', coordinates: at }, extra: {} },
      } as EditOp),
    ]);
  }, runs);
  rows.push({ name: `${label}: add a facility → delta`, ms: add.ms, baseline: fullRow, note: note(add.cpu, add.ms) });
  const redo = [...kept, edit(replay(baseline, { edits: kept }).layers, { type: 'setCapacity', id: facility.id, capacity: { places: 99 } })];
  let flip = false;
  const undo = await medianWithCpu(() => answer((flip = !flip) ? kept : redo), runs);
  rows.push({ name: `${label}: undo / redo → delta`, ms: undo.ms, baseline: fullRow, note: note(undo.cpu, undo.ms) });
  rows.push({
    name: `${label}: the rules alone (warm, unchanged layers)`,
    ms: rulesOnly.ms,
    baseline: fullRow,
    note: `CPU ${rulesOnly.cpu.toFixed(0)} ms: what every edit still pays`,
  });
  rows.push({ name: `${label}: full re-evaluation after an edit (baseline)`, ms: full.ms, note: `CPU ${full.cpu.toFixed(0)} ms` });
  return rows;
}

export default async function (): Promise<BenchRow[]> {
  const grid = city(10_000, 1_000);
  const rows = await editRows('10k × 1k, straight', { ...grid, profile: PROFILE, params: {} } as Project, 7);
  const n = Number(process.env.BENCH_CITY_COMMUNITIES ?? 5_000);
  const file = benchCityFile({ communities: n });
  const parsed = parseProject(JSON.parse(readFileSync(file.path, 'utf8')), 'city.json');
  if (!parsed.ok) throw new Error('the bench city does not load');
  rows.push(...(await editRows(`city ${n / 1000}k × ${file.stats.facilities / 1000}k, network`, parsed.project, 5)));
  return rows;
}
