// An edit answered in the analysis session (Node, no page): move a facility, change its capacity,
// add one, undo — analyseEdits() with the delta of changed units, on 10,000 communities × 1,000
// facilities (straight lines) and on the realistic large city (street network; BENCH_CITY_COMMUNITIES,
// default 5 000 here). Each edit is answered by re-running the rules for the communities it can
// change (core/reevaluate.ts) and patched into the page's result columns (replaceUnits). Baselines
// in the same run: the path before that — every rule on every unit of the replayed layers, walks
// kept, then the comparison of all results (diffEvaluation) — and a full re-evaluation from scratch
// (new arrays: everything prepared again); for the page, the columns of a whole answer read anew.
// Goal (issue 15): ≤ 50 ms for the worker and the page's patch together. Each kind of edit is
// timed over BENCH_EDITS (30) edits: the mean CPU per edit, garbage collections included. 7 Dec
// night (load 11–16, a move writing only its changed walk rows and rule lists): met in CPU by the
// mean on both cities for every kind — straight move ≈ 44 ms, add ≈ 35, capacity ≈ 18, undo/redo
// ≈ 17; network move ≈ 43, add ≈ 38, capacity ≈ 23, undo/redo ≈ 36 — not in wall time at that
// load (2–3× the CPU); what is left: docs/performance-log.md, "Edits".
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { benchCityFile } from '../../scripts/bench-city/generate';
import { evaluate, type Evaluation } from '../../src/core/evaluate';
import { diffEvaluation } from '../../src/core/evaluation-delta';
import { encodeResults, replaceUnits, ResultTable } from '../../src/core/report/result-columns';
import type { Facility, Project } from '../../src/core/model';
import { resolveParams } from '../../src/core/params';
import { reachEngineFor } from '../../src/core/reach/choose';
import { replay, type Edit } from '../../src/core/scenario';
import { buildEdit, type EditOp } from '../../src/core/scenario/ops';
import { parseProject } from '../../src/schemas';
import { createAnalysisSession, type SessionLayers } from '../../src/service/session';
import { city } from './evaluate.bench';
import { medianWithCpu, middle, samples } from './median';
import type { BenchRow } from './run';

const PROFILE = 'combined';

/** edits per kind: the mean CPU per edit includes the garbage collections the edits cause (a
 *  major one every few moves), which a median of 5–7 edits hid or doubled by chance */
const EDITS = Number(process.env.BENCH_EDITS ?? 30);

/** Median wall time, mean and median CPU time per edit (user + system of the process, ms). */
function perEdit(fn: () => void): { ms: number; cpu: number; cpuMedian: number } {
  const { wall, cpu } = samples(fn, EDITS);
  return { ms: middle(wall), cpu: cpu.reduce((a, b) => a + b, 0) / EDITS, cpuMedian: middle(cpu) };
}

async function editRows(label: string, project: Project, runs: number): Promise<BenchRow[]> {
  const session = createAnalysisSession();
  session.open({ project, issues: [], other: {} });
  const { roads, profile: _p, params: _q, ...rest } = project;
  const baseline: SessionLayers = { ...rest, roads };
  const params = resolveParams({});
  const engine = reachEngineFor(params, roads);
  const first = session.analyse({ profile: PROFILE, params: {}, areas: false });
  let base = first.serial;
  // the page's columns of the analysis it holds
  let table = new ResultTable(encodeResults(first.evaluation.results));
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
  let redone: number | null = null;
  let page: number[] = [];
  let pageCpu: number[] = [];
  const answer = (edits: Edit[]) => {
    const e = session.analyseEdits(edits, { profile: PROFILE, params: {}, base });
    if (!e.delta) throw new Error('no delta');
    units = e.delta.units.length;
    redone = e.redone;
    base = e.serial;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    table = replaceUnits(table, e.delta.units, e.delta.results);
    page.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    pageCpu.push((c.user + c.system) / 1000);
  };
  const rows: BenchRow[] = [];
  const full = await medianWithCpu(() => {
    const l = replay(baseline, { edits: [moved()] }).layers;
    evaluate({ ...l, communities: [...l.communities] }, { profile: PROFILE, reach: engine });
  }, 3);
  const fullRow = { name: 'full re-evaluation', ms: full.ms };
  // the path before core/reevaluate.ts: every rule on every unit (walks kept), all results compared
  let held: Evaluation = evaluate(baseline, { profile: PROFILE, reach: engine });
  const everyUnit = await medianWithCpu(() => {
    const next = evaluate(replay(baseline, { edits: [moved()] }).layers, { profile: PROFILE, reach: engine });
    diffEvaluation(held, next);
    held = next;
  }, runs);
  const beforeRow = { name: 'rules on every unit + diff (before)', ms: everyUnit.ms };
  const rulesOnly = await medianWithCpu(() => evaluate(baseline, { profile: PROFILE, reach: engine }), runs);
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const note = ({ cpu, cpuMedian }: { cpu: number; cpuMedian: number }, ms: number) => {
    const p = mid(page);
    const pc = mid(pageCpu);
    page = [];
    pageCpu = [];
    return `CPU ${cpu.toFixed(0)} ms per edit, mean of ${EDITS} (median ${cpuMedian.toFixed(0)}); ${redone ?? 'all'} communities re-evaluated, ${units} units changed; page patch ${p.toFixed(1)} ms of it (CPU ${pc.toFixed(1)} ms); goal ≤ 50 ms: ${ms <= 50 ? 'met' : `missed by ${(ms - 50).toFixed(0)} ms`} (Node, wall), ${cpu <= 50 ? 'met' : `missed by ${(cpu - 50).toFixed(0)} ms`} in CPU; load ${loadavg()[0].toFixed(1)}`;
  };
  // the first edit after a full analysis builds what the next ones reuse (the rows' places per
  // community, the page's lookups of strings and units): once, not timed with the others
  const firstEdit = await medianWithCpu(() => answer([moved()]), 1);
  page = [];
  pageCpu = [];
  const move = await perEdit(() => answer([moved()]));
  rows.push({ name: `${label}: move a facility → delta + page patch`, ms: move.ms, baseline: beforeRow, note: note(move, move.ms) });
  const kept = [moved()];
  const capacity = await perEdit(() =>
    answer([...kept, edit(replay(baseline, { edits: kept }).layers, { type: 'setCapacity', id: facility.id, capacity: { places: 10 + (k % 50), beds: 20 + (k % 70) } })]),
  );
  rows.push({ name: `${label}: change its capacity → delta + page patch`, ms: capacity.ms, baseline: beforeRow, note: note(capacity, capacity.ms) });
  const add = await perEdit(() => {
    const at: [number, number] = [x0 + Math.cos(k) * 0.004, y0 + Math.sin(k * 0.7) * 0.003];
    answer([
      ...kept,
      edit(baseline, {
        type: 'addFacility',
        facility: { id: `NEW${k}`, name: '新设施', kind: 'elderly_daycare', places: 30, floorArea: 400, geometry: { type: 'Point', coordinates: at }, extra: {} },
      } as EditOp),
    ]);
  });
  rows.push({ name: `${label}: add a facility → delta + page patch`, ms: add.ms, baseline: beforeRow, note: note(add, add.ms) });
  const redo = [...kept, edit(replay(baseline, { edits: kept }).layers, { type: 'setCapacity', id: facility.id, capacity: { places: 99 } })];
  let flip = false;
  const undo = await perEdit(() => answer((flip = !flip) ? kept : redo));
  rows.push({ name: `${label}: undo / redo → delta + page patch`, ms: undo.ms, baseline: beforeRow, note: note(undo, undo.ms) });
  rows.push({ name: `${label}: the first edit after a full analysis (once)`, ms: firstEdit.ms, baseline: beforeRow, note: `CPU ${firstEdit.cpu.toFixed(0)} ms` });
  // the page: the patch above against reading a whole answer's columns anew
  const whole = await medianWithCpu(() => new ResultTable(encodeResults(held.results)), 3);
  rows.push({ name: `${label}: page, a whole answer's columns (baseline)`, ms: whole.ms, note: `CPU ${whole.cpu.toFixed(0)} ms; ${held.results.length} results` });
  rows.push({ name: `${label}: every rule on every unit, warm (unchanged layers)`, ms: rulesOnly.ms, note: `CPU ${rulesOnly.cpu.toFixed(0)} ms` });
  rows.push({ name: `${label}: rules on every unit + diff, before (baseline)`, ms: everyUnit.ms, baseline: fullRow, note: `CPU ${everyUnit.cpu.toFixed(0)} ms` });
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
