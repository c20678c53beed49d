// The incremental edit path against a full evaluation: random edit sequences (add, move, delete a
// facility, change its capacity, its kind, name, ownership or 普惠 flag, change or delete a
// community, undo, redo) on seeded messy layers and on
// the demo and a generated city (street network), each answered by analyseEdits() as a delta and applied to the
// evaluation the caller held; after every step that must equal — result by result, issues and
// coverage — evaluate() run cold on a structural copy of the replayed layers (new arrays, so none
// of the kept preparation, walks or positions is reused). An edit of facilities alone must be
// answered by re-evaluating some communities only (core/reevaluate.ts), not by a full evaluation.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Evaluation } from '../../src/core/evaluate';
import { applyDelta } from '../../src/core/evaluation-delta';
import { FACILITY_KINDS, type Layers, type Project, type RuleResult } from '../../src/core/model';
import { resolveParams, type Params } from '../../src/core/params';
import { reachEngineFor } from '../../src/core/reach/choose';
import type { ReachEngine } from '../../src/core/reach/types';
import { replay, type Edit } from '../../src/core/scenario';
import { buildEdit, type EditOp } from '../../src/core/scenario/ops';
import { parseProject } from '../../src/schemas';
import { createAnalysisSession, type SessionLayers } from '../../src/service/session';
import { generateBenchCity } from '../../scripts/bench-city/city';
import { PARAM_SETS } from '../../scripts/bench/engine-cases';
import { randomLayers } from '../../scripts/bench/random-layers';

/** a step of the sequence, with fractions picking a feature and a place (so any layers fit) */
type Step =
  | { t: 'move'; f: number; x: number; y: number }
  | { t: 'nudge'; f: number; x: number; y: number }
  | { t: 'add'; kind: number; x: number; y: number; places: number; beds: number; near: number }
  | { t: 'delete'; f: number }
  | { t: 'capacity'; f: number; field: number; v: number | null }
  | { t: 'community'; c: number; population: number | null }
  | { t: 'deleteCommunity'; c: number }
  | { t: 'update'; f: number; which: number; kind: number; flag: boolean }
  | { t: 'undo' }
  | { t: 'redo' };

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('move' as const), f: frac, x: frac, y: frac }) },
  // a few tens of metres: the same block, the same community or the next one (a drag's step)
  { weight: 2, arbitrary: fc.record({ t: fc.constant('nudge' as const), f: frac, x: frac, y: frac }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('add' as const),
      kind: frac,
      x: frac,
      y: frac,
      places: fc.integer({ min: 0, max: 300 }),
      beds: fc.integer({ min: 0, max: 300 }),
      near: frac,
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delete' as const), f: frac }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('capacity' as const), f: frac, field: frac, v: fc.option(fc.integer({ min: 0, max: 2000 }), { freq: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('community' as const), c: frac, population: fc.option(fc.integer({ min: 0, max: 20000 }), { freq: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteCommunity' as const), c: frac }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('update' as const), f: frac, which: frac, kind: frac, flag: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ t: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'redo' as const }) },
);

const pick = <T>(xs: readonly T[], u: number): T | undefined => xs[Math.floor(u * xs.length)];

function bounds(l: Layers): { x0: number; y0: number; dx: number; dy: number } {
  const pts = l.facilities.flatMap((f) => (f.geometry.type === 'Point' ? [f.geometry.coordinates] : []));
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  return { x0, y0, dx: Math.max(...xs) - x0, dy: Math.max(...ys) - y0 };
}

let added = 0;
/** the edit op of a step on these layers, or null (nothing to do it on) */
function opOf(l: Layers, s: Step, b: ReturnType<typeof bounds>): EditOp | null {
  const to = (x: number, y: number): [number, number] => [b.x0 + x * b.dx, b.y0 + y * b.dy];
  switch (s.t) {
    case 'move': {
      const f = pick(l.facilities, s.f);
      return f ? { type: 'moveFacility', id: f.id, to: to(s.x, s.y) } : null;
    }
    case 'nudge': {
      const f = pick(l.facilities, s.f);
      if (f?.geometry.type !== 'Point') return null;
      const [x, y] = f.geometry.coordinates;
      return { type: 'moveFacility', id: f.id, to: [x + (s.x - 0.5) * 0.002, y + (s.y - 0.5) * 0.0015] };
    }
    case 'add': {
      // now and then right next to an existing facility: the same block, the same community
      const near = s.near < 0.3 ? pick(l.facilities, s.near / 0.3) : undefined;
      const at: [number, number] = near && near.geometry.type === 'Point' ? [near.geometry.coordinates[0] + 1e-5, near.geometry.coordinates[1]] : to(s.x, s.y);
      const kind = pick(FACILITY_KINDS, s.kind) ?? FACILITY_KINDS[0];
      return {
        type: 'addFacility',
        facility: { id: `N${++added}`, name: `新设施${added}`, kind, places: s.places, beds: s.beds, geometry: { type: 'Point', coordinates: at }, extra: {} },
      } as EditOp;
    }
    case 'delete': {
      const f = pick(l.facilities, s.f);
      return f ? { type: 'deleteFacility', id: f.id } : null;
    }
    case 'capacity': {
      const f = pick(l.facilities, s.f);
      const field = pick(['places', 'beds', 'floorArea', 'nursingBeds'] as const, s.field) ?? 'places';
      return f ? { type: 'setCapacity', id: f.id, capacity: { [field]: s.v } } : null;
    }
    case 'community': {
      const c = pick(l.communities, s.c);
      return c ? ({ type: 'setCommunity', id: c.id, fields: { population: s.population } } as unknown as EditOp) : null;
    }
    case 'deleteCommunity': {
      const c = pick(l.communities, s.c);
      return c ? { type: 'deleteCommunity', id: c.id } : null;
    }
    case 'update': {
      const f = pick(l.facilities, s.f);
      if (!f) return null;
      const which = Math.floor(s.which * 4);
      const props =
        which === 0
          ? { kind: pick(FACILITY_KINDS, s.kind) ?? FACILITY_KINDS[0] }
          : which === 1
            ? { name: s.flag ? `${f.name}特困` : `${f.name}敬老院` }
            : which === 2
              ? { ownership: s.flag ? ('public' as const) : ('private' as const) }
              : { inclusive: s.flag };
      return { type: 'updateFacility', id: f.id, props };
    }
    case 'undo':
    case 'redo':
      return null;
  }
}

const touchesCommunities = (edits: readonly Edit[]) => edits.some((e) => [...(e.put ?? []), ...(e.delete ?? [])].some((x) => x.layer === 'communities'));

/** results per unit, in the engine's order within a unit; citations left out (the same object) */
function perUnit(results: readonly RuleResult[]): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const { citation: _, ...r } of results) {
    const k = `${r.unit.level}|${r.unit.id}`;
    const list = out.get(k) ?? [];
    list.push(r);
    out.set(k, list);
  }
  return out;
}

function expectSame(held: Evaluation, full: Evaluation): void {
  expect(held.results.length).toBe(full.results.length);
  const a = perUnit(held.results);
  const b = perUnit(full.results);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [k, list] of b) expect(a.get(k), k).toEqual(list);
  expect(held.issues).toEqual(full.issues);
  expect(held.coverage).toEqual(full.coverage);
}

/** a structural copy: new arrays and objects, so evaluate() prepares everything again */
const copy = (l: SessionLayers): SessionLayers => ({ ...structuredClone({ ...l, roads: [] }), roads: l.roads });

function run(project: Project, cases: { profile: string; params: Partial<Params> }[], numRuns: number, maxSteps: number): void {
  const session = createAnalysisSession();
  session.open({ project, issues: [], other: {} });
  const { roads, profile: _p, params: _q, ...rest } = project;
  const baseline: SessionLayers = { ...rest, roads };
  const b = bounds(baseline);
  const engines = new Map<string, ReachEngine>();
  for (const c of cases) {
    const params = resolveParams(c.params);
    const engineKey = `${params.reach}|${params.snapDistance}`;
    if (!engines.has(engineKey)) engines.set(engineKey, reachEngineFor(params, roads));
    const engine = engines.get(engineKey) as ReachEngine;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: maxSteps }), (steps) => {
        let edits: Edit[] = [];
        let undone: Edit[] = [];
        session.setEdits([]);
        const first = session.analyse({ profile: c.profile, params: c.params, areas: false });
        let held = first.evaluation;
        let base = first.serial;
        let deltas = 0;
        for (const s of steps) {
          const layers = replay(baseline, { edits }).layers;
          const before = edits;
          if (s.t === 'undo') {
            if (edits.length === 0) continue;
            undone = [edits[edits.length - 1], ...undone];
            edits = edits.slice(0, -1);
          } else if (s.t === 'redo') {
            if (undone.length === 0) continue;
            edits = [...edits, undone[0]];
            undone = undone.slice(1);
          } else {
            const op = opOf(layers, s, b);
            const r = op ? buildEdit(layers, op, `e${edits.length}`) : null;
            if (!r?.ok) continue;
            edits = [...edits, r.edit];
            undone = [];
          }
          const e = session.analyseEdits(edits, { profile: c.profile, params: c.params, base });
          expect(e.delta).not.toBeNull();
          // facilities alone changed: some communities re-evaluated, not all
          if (!touchesCommunities(before) && !touchesCommunities(edits)) expect(e.redone).not.toBeNull();
          if (!e.delta) return;
          held = applyDelta(held, e.delta);
          base = e.serial;
          deltas++;
          const full = evaluate(copy(replay(baseline, { edits }).layers), { profile: c.profile, params: c.params, reach: engine });
          expectSame(held, full);
        }
        return deltas >= 0;
      }),
      { numRuns, seed: 20261207 },
    );
  }
}

describe('edits answered incrementally = a full evaluation of the replayed layers', () => {
  for (const seed of [1, 2, 3]) {
    it(`seeded messy layers ${seed}: every profile's results after each random edit`, () => {
      const layers = randomLayers(seed);
      const project = { ...layers, profile: 'combined', params: {} } as Project;
      run(
        project,
        [
          { profile: 'combined', params: PARAM_SETS[seed % 2] },
          { profile: 'ca', params: PARAM_SETS[(seed + 1) % 2] },
        ],
        12,
        8,
      );
    }, 120_000);
  }

  it('seeded messy layers without a repeated facility id: the preparation patched at the edited indices', () => {
    // a repeated id makes every edit prepare the facilities in full (rules/context.ts): here the
    // patched preparation (issues, on-site lists, streets' facilities, walks) meets random edits
    const layers = randomLayers(2);
    const last = layers.facilities.length - 1;
    layers.facilities = layers.facilities.map((f, i) => (i === last ? { ...f, id: 'F-last' } : f));
    expect(new Set(layers.facilities.map((f) => f.id)).size).toBe(layers.facilities.length);
    run({ ...layers, profile: 'combined', params: {} } as Project, [{ profile: 'combined', params: PARAM_SETS[0] }], 12, 8);
  }, 120_000);

  it('the demo along its street network (combined profile)', () => {
    const parsed = parseProject(JSON.parse(readFileSync('data/demo/project.json', 'utf8')), 'project.json');
    if (!parsed.ok) throw new Error('demo does not load');
    run(parsed.project, [{ profile: 'combined', params: {} }], 4, 5);
  }, 300_000);

  it('a generated city along its streets: moves a few metres and across it, adds, deletes, undo and redo', () => {
    // irregular blocks cut by a road network (scripts/bench-city): the same-block, street and
    // on-site walks of a new position (walked alone by an edit, rules/context.ts) against all
    // positions walked again by a cold evaluation
    const { stats: _, ...city } = generateBenchCity({ seed: 5, communities: 300, facilities: 150, roadNodes: 6_000, streets: 3 });
    run({ ...city, profile: 'combined', params: {} } as Project, [{ profile: 'combined', params: {} }], 6, 10);
  }, 300_000);

  it('a delta needs the analysis it is against: another base gets none (the caller analyses in full)', () => {
    const session = createAnalysisSession();
    session.open({ project: { ...randomLayers(1), profile: 'ca', params: {} } as Project, issues: [], other: {} });
    const a = session.analyse({ profile: 'ca', params: {} });
    const f = randomLayers(1).facilities[3];
    const layers = randomLayers(1);
    const r = buildEdit(layers, { type: 'moveFacility', id: f.id, to: [108.9, 34.15] }, 'e1');
    if (!r.ok) throw new Error('move refused');
    expect(session.analyseEdits([r.edit], { profile: 'ca', params: {}, base: a.serial + 1 }).delta).toBeNull();
    const again = session.analyse({ profile: 'ca', params: {} });
    // another profile than the held analysis: no delta either
    expect(session.analyseEdits([], { profile: 'wy', params: {}, base: again.serial }).delta).toBeNull();
  });
});
