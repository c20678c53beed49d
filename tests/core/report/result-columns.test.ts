// The results as columns (src/core/report/result-columns.ts) are the engine's results: every
// result built back from the columns equals the object evaluate() made, field for field, on the
// demo and on seeded messy layers (missing, impossible, unknown values) under every profile, and
// after crossing to another thread as the worker sends them (typed arrays transferred).
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { evaluate, listProfiles } from '../../../src/core/evaluate';
import type { Level, RuleResult } from '../../../src/core/model';
import { arraySource, columnBuffers, encodeResults, replaceUnits, ResultTable } from '../../../src/core/report/result-columns';
import { applyDelta, diffEvaluation } from '../../../src/core/evaluation-delta';
import { countsByRule, resultsForUnit, ruleKeyOf, verdictsByUnit } from '../../../src/core/report/verdicts';
import { fromColumns } from '../../../src/service/analysis-columns';
import { createAnalysisSession } from '../../../src/service/session';
import { buildRows, DEFAULT_QUERY } from '../../../src/state/table';
import { randomLayers } from '../../../scripts/bench/random-layers';
import { PARAM_SETS } from '../../../scripts/bench/engine-cases';

const demo = JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as unknown;

/** the columns as the page gets them: posted with their buffers transferred */
function posted(results: readonly RuleResult[]): ResultTable {
  const cols = encodeResults(results);
  return new ResultTable(structuredClone(cols, { transfer: columnBuffers(cols) }));
}

function sameAsEngine(results: RuleResult[]): void {
  const table = posted(results);
  expect(table.n).toBe(results.length);
  // the first differing result, readable, before the whole comparison
  const k = results.findIndex((r, i) => JSON.stringify(table.get(i)) !== JSON.stringify(r));
  if (k >= 0) expect(table.get(k)).toEqual(results[k]);
  expect(table.all()).toStrictEqual(results);
  // the view models read the same from columns as from the engine's objects
  const objects = arraySource(results);
  expect(countsByRule(table)).toEqual(countsByRule(objects));
  expect(verdictsByUnit(table, null)).toEqual(verdictsByUnit(objects, null));
  // one rule and some levels (the map's view; a fresh table counts over its columns, not per row)
  const r = results.find((x) => x.unit.level === 'community');
  const rule = r ? ruleKeyOf(r) : null;
  expect(verdictsByUnit(table, rule, ['street', 'community'])).toEqual(verdictsByUnit(objects, rule, ['street', 'community']));
  for (const level of ['area', 'street', 'community', 'facility'] as const) {
    const q = { ...DEFAULT_QUERY, level };
    expect(buildRows(table, q, () => undefined)).toEqual(buildRows(objects, q, () => undefined));
  }
}

describe('results as columns', () => {
  const session = createAnalysisSession();
  session.load(demo, 'demo');
  for (const { id } of listProfiles()) {
    it(`the demo, ${id}: every result back as evaluate() made it`, () => {
      const a = session.analyse({ profile: id, params: {} });
      expect(a.evaluation.results.length).toBeGreaterThan(100);
      sameAsEngine(a.evaluation.results);
    });
  }

  for (const seed of [1, 2, 3])
    for (const params of PARAM_SETS)
      it(`seeded messy layers ${seed}, ${Object.keys(params).length ? 'changed' : 'default'} parameters, combined`, () => {
        const ev = evaluate(randomLayers(seed), { profile: 'combined', params });
        // the messy layers reach every status, reasons with args, and n/a values (null)
        expect(new Set(ev.results.map((r) => r.status)).size).toBe(3);
        expect(ev.results.some((r) => r.value === null)).toBe(true);
        sameAsEngine(ev.results);
      });

  it('hand-made edge cases: no args, empty args, string and number args, no name, a nearest facility', () => {
    const citation = { document: 'd', clause: 'c', text: 't' };
    const unit = { level: 'community' as const, id: 'c1' };
    const results: RuleResult[] = [
      { rule: 'r', unit, value: 0, threshold: -1.5, measure: 'm', status: 'pass', shortfall: 0, citation },
      { rule: 'r', part: 'p', unit, value: null, threshold: null, measure: 'm', status: 'na', shortfall: null, reason: { key: 'k' }, citation },
      {
        rule: 'r',
        unit: { level: 'street', id: 's', name: '街' },
        value: 1e-12,
        threshold: 3,
        measure: '%',
        status: 'fail',
        shortfall: 7,
        reason: { key: 'k', args: {} },
        view: 'catchment',
        citation,
      },
      {
        rule: 'q',
        unit,
        value: 812.5,
        threshold: 800,
        measure: 'm',
        status: 'fail',
        shortfall: 1,
        reason: { key: 'x', args: { name: '甲', n: 0, id: '007' } },
        nearest: { id: 'F1', name: '乙', distance: 812.5, via: 'streets' },
        citation: { ...citation, note: 'n' },
      },
    ];
    expect(posted(results).all()).toStrictEqual(results);
  });

  it('the page reads the worker answer: columns through the session, one unit, all results on first read', () => {
    const req = { profile: 'combined', params: {} };
    const want = session.analyse(req).evaluation.results;
    const got = fromColumns(structuredClone(session.analyseColumns(req)));
    const id = want.find((r) => r.unit.level === 'community')?.unit.id ?? '';
    expect(resultsForUnit(got.table, 'community', id)).toEqual(resultsForUnit(arraySource(want), 'community', id));
    expect(got.evaluation.results).toStrictEqual(want);
  });

  for (const seed of [1, 2])
    it(`an edit's changed units replace theirs, column to column (seeded layers ${seed})`, () => {
      const layers = randomLayers(seed);
      const prev = evaluate(layers, { profile: 'combined', params: {} });
      // a facility gone, a community's population changed, a facility added (a copy elsewhere)
      const moved = { ...layers.facilities[1], id: 'NEW-1', geometry: layers.facilities[2].geometry };
      const edited = {
        ...layers,
        facilities: [...layers.facilities.slice(1), moved],
        communities: layers.communities.map((c, i) => (i === 0 ? { ...c, population: (c.population ?? 0) + 5000 } : c)),
      };
      const next = evaluate(edited, { profile: 'combined', params: {} });
      const delta = diffEvaluation(prev, next);
      expect(delta.units.length).toBeGreaterThan(2);
      const got = replaceUnits(posted(prev.results), delta.units, delta.results);
      // in applyDelta's order, and as a set the cold evaluation's results
      expect(got.all()).toStrictEqual(applyDelta(prev, delta).results);
      const sorted = (rs: readonly RuleResult[]) => rs.map((r) => JSON.stringify(r)).sort();
      expect(sorted(got.all())).toEqual(sorted(next.results));
      const byRule = (cs: ReturnType<typeof countsByRule>) => [...cs].sort((a, b) => a.rule.localeCompare(b.rule));
      expect(byRule(countsByRule(got))).toEqual(byRule(countsByRule(arraySource(next.results))));
    });

  it('a unit with as many rows after the edit keeps their places: written into the arrays the table was built from, the table before still reads its own', () => {
    const layers = randomLayers(2);
    const prev = evaluate(layers, { profile: 'combined', params: {} });
    // a facility moved onto another's place: the communities around both get other values, not other rows
    const facilities = layers.facilities.map((f, i) => (i === 0 ? { ...f, geometry: layers.facilities[5].geometry } : f));
    const next = evaluate({ ...layers, facilities }, { profile: 'combined', params: {} });
    const delta = diffEvaluation(prev, next);
    const key = (r: RuleResult) => `${r.unit.level}|${r.unit.id}`;
    const count = (rs: readonly RuleResult[]) => {
      const m = new Map<string, number>();
      for (const r of rs) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
      return m;
    };
    const was = count(prev.results);
    const now = count(next.results);
    const kept = new Set(delta.units.map((u) => `${u.level}|${u.id}`).filter((k) => was.get(k) === now.get(k)));
    expect(kept.size).toBeGreaterThan(3);
    const cols = encodeResults(prev.results);
    const before = new ResultTable(cols);
    const after = replaceUnits(before, delta.units, delta.results);
    const applied = applyDelta(prev, delta).results;
    expect(after.all()).toStrictEqual(applied);
    // the kept units' rows sit where they were, holding the new evaluation's rows of the unit in its order
    const nth = new Map<string, number>();
    let rewritten = -1;
    prev.results.forEach((r, i) => {
      const k = key(r);
      if (!kept.has(k)) return;
      const j = nth.get(k) ?? 0;
      nth.set(k, j + 1);
      expect(applied[i]).toBe(next.results.filter((x) => key(x) === k)[j]);
      if (rewritten < 0 && r.value !== null && applied[i].value !== null && r.value !== applied[i].value) rewritten = i;
    });
    // written in place: the arrays the first table was given hold the new value …
    expect(rewritten).toBeGreaterThanOrEqual(0);
    expect(cols.value[rewritten]).toBe(applied[rewritten].value);
    // … and the first table reads its old one (put back from what the patch wrote over)
    expect(before.get(rewritten).value).toBe(prev.results[rewritten].value);
    expect(Array.from({ length: before.n }, (_, i) => before.get(i))).toStrictEqual(prev.results);
    expect(after.all()).toStrictEqual(applied);
  });

  it('in-place patches, an added facility and its removal, a deletion from the middle: every table reads its own rows whenever read, and an earlier one can be patched again', () => {
    const layers = randomLayers(1);
    const opts = { profile: 'combined', params: {} };
    const f = layers.facilities;
    const evs = [evaluate(layers, opts)];
    // a facility with rows of its own (its deletion takes rows from the middle)
    const victim = f.findIndex((x, i) => i > 3 && evs[0].results.some((r) => r.unit.level === 'facility' && r.unit.id === x.id));
    expect(victim).toBeGreaterThan(3);
    const moved = f.map((x, i) => (i === 3 ? { ...x, geometry: f[8].geometry } : x));
    const deleted = moved.filter((_, i) => i !== victim);
    const steps = [
      moved,
      [...moved, { ...f[2], id: 'ADDED-1', name: '新增' }], // an add: its rows come last
      moved, // its undo: the last rows go
      [...moved, { ...f[2], id: 'ADDED-2', name: '又新增', geometry: f[6].geometry }], // another add: its rows where the first one's were
      moved.map((x, i) => (i === 4 ? { ...x, places: (x.places ?? 0) + 40, beds: (x.beds ?? 0) + 60 } : x)),
      deleted, // a deletion: rows go from the middle
      deleted.map((x, i) => (i === 6 ? { ...x, geometry: f[1].geometry } : x)),
    ];
    const tables = [posted(evs[0].results)];
    const rowsOf = (t: ResultTable) => Array.from({ length: t.n }, (_, i) => t.get(i));
    for (const [k, facilities] of steps.entries()) {
      const next = evaluate({ ...layers, facilities }, opts);
      const delta = diffEvaluation(evs[k], next);
      evs.push(applyDelta(evs[k], delta));
      tables.push(replaceUnits(tables[k], delta.units, delta.results));
      expect(rowsOf(tables[k + 1])).toStrictEqual(evs[k + 1].results);
      // an earlier table read in the middle of the run (the panels during a drag)
      expect(rowsOf(tables[Math.floor(k / 2)])).toStrictEqual(evs[Math.floor(k / 2)].results);
    }
    // each as a set the cold evaluation's results, each table read again, newest last
    const sorted = (rs: readonly RuleResult[]) => rs.map((r) => JSON.stringify(r)).sort();
    expect(sorted(evs[7].results)).toEqual(sorted(evaluate({ ...layers, facilities: steps[6] }, opts).results));
    for (const k of [0, 2, 1, 4, 3, 5, 7, 6]) expect(rowsOf(tables[k]), `table ${k}`).toStrictEqual(evs[k].results);
    // a branch: the table after the first move patched again (another edit from there)
    const other = evaluate({ ...layers, facilities: moved.map((x, i) => (i === 9 ? { ...x, geometry: f[0].geometry } : x)) }, opts);
    const d = diffEvaluation(evs[1], other);
    const branch = replaceUnits(tables[1], d.units, d.results);
    expect(rowsOf(branch)).toStrictEqual(applyDelta(evs[1], d).results);
    for (const k of [7, 1, 0, 2]) expect(rowsOf(tables[k]), `table ${k} after the branch`).toStrictEqual(evs[k].results);
  });

  it("a patched table's verdicts follow from the table before, reading only the replaced units' rows, and equal a full count", () => {
    const layers = randomLayers(3);
    const opts = { profile: 'combined', params: {} };
    const f = layers.facilities;
    const steps = [
      f.map((x, i) => (i === 2 ? { ...x, geometry: f[7].geometry } : x)),
      [...f, { ...f[1], id: 'ADDED-V', name: '新增', geometry: f[4].geometry }],
      f.filter((_, i) => i !== 5),
    ];
    const views: [string | null, Level[] | undefined][] = [
      [null, ['street', 'community']],
      [null, undefined],
      ['ca.circle:elderly', ['community']],
    ];
    let ev = evaluate(layers, opts);
    let table = posted(ev.results);
    for (const [rule, levels] of views) verdictsByUnit(table, rule, levels);
    for (const facilities of steps) {
      const next = evaluate({ ...layers, facilities }, opts);
      const delta = diffEvaluation(ev, next);
      ev = applyDelta(ev, delta);
      table = replaceUnits(table, delta.units, delta.results);
      const read = vi.spyOn(table, 'status');
      for (const [rule, levels] of views) {
        // the full count over the engine's objects, not over the table
        expect(verdictsByUnit(table, rule, levels)).toEqual(verdictsByUnit(arraySource(next.results), rule, levels));
      }
      // only the replaced units' rows were read: at most each of their new rows once per view, and
      // fewer than the rows a full count of the same views goes over
      const reads = read.mock.calls.length;
      read.mockRestore();
      expect(reads).toBeGreaterThan(0);
      expect(reads).toBeLessThanOrEqual(views.length * delta.results.length);
      expect(reads).toBeLessThan(views.length * table.n);
    }
  });

  it('forty moves in a row (a long drag): the old values of rewritten rows are let go now and then, every table still reads its own', () => {
    const layers = randomLayers(2);
    const opts = { profile: 'combined', params: {} };
    const f = layers.facilities;
    let ev = evaluate(layers, opts);
    const tables = [{ table: posted(ev.results), results: ev.results }];
    for (let k = 1; k <= 40; k++) {
      const facilities = f.map((x, i) => (i === 3 ? { ...x, geometry: f[(k * 7) % f.length].geometry } : x));
      const delta = diffEvaluation(ev, evaluate({ ...layers, facilities }, opts));
      ev = applyDelta(ev, delta);
      const table = replaceUnits(tables[tables.length - 1].table, delta.units, delta.results);
      expect(table.all()).toStrictEqual(ev.results);
      tables.push({ table, results: ev.results });
      // the arguments' columns the newest table writes into stay within a few times what its rows
      // hold: the old values of rewritten rows are let go (mostlyOld packs them) instead of piling up
      const held = (table as unknown as { s: { argKey: Uint32Array } }).s.argKey.length;
      expect(held, `move ${k}`).toBeLessThanOrEqual(3 * Math.max(16, table.columns().argKey.length));
    }
    for (const k of [0, 1, 13, 27, 39, 40])
      expect(
        Array.from({ length: tables[k].table.n }, (_, i) => tables[k].table.get(i)),
        `table ${k}`,
      ).toStrictEqual(tables[k].results);
  });

  it('edits one after another share the strings, units and kinds (a drag): each table the same as applyDelta, the earlier ones unchanged', () => {
    const layers = randomLayers(3);
    let ev = evaluate(layers, { profile: 'combined', params: {} });
    let table = posted(ev.results);
    const held: { table: ResultTable; results: RuleResult[] }[] = [{ table, results: ev.results }];
    let facilities = layers.facilities;
    for (let k = 0; k < 6; k++) {
      // move one facility onto another's place, rename one (its unit gets a new name), delete one, add one
      const f = facilities[k % facilities.length];
      const to = facilities[(k * 7 + 3) % facilities.length].geometry;
      facilities = facilities.map((x) => (x === f ? { ...x, geometry: to } : x));
      if (k % 2 === 1) facilities = facilities.map((x, i) => (i === k ? { ...x, name: `${x.name}（改）` } : x));
      if (k === 2) facilities = facilities.slice(1);
      if (k === 4) facilities = [...facilities, { ...f, id: `ADDED-${k}`, name: '新增' }];
      const next = evaluate({ ...layers, facilities }, { profile: 'combined', params: {} });
      const delta = diffEvaluation(ev, next);
      table = replaceUnits(table, delta.units, delta.results);
      ev = applyDelta(ev, delta);
      expect(table.all()).toStrictEqual(ev.results);
      held.push({ table, results: ev.results });
    }
    // every earlier table still reads what it read (the pool only grows)
    for (const h of held) expect(Array.from({ length: h.table.n }, (_, i) => h.table.get(i))).toStrictEqual(h.results);
    // a patched table's columns cross to another thread whole (strings and units made on request)
    const last = held[held.length - 1];
    const cols = last.table.columns();
    expect(new ResultTable(structuredClone(cols)).all()).toStrictEqual(last.results);
  });
});
