// The analysis results as columns: one typed array per field, strings and the few distinct
// rule records in small tables. The worker sends these to the page instead of 77 000–204 000
// result objects (a large city): typed arrays are transferred, not cloned, and the page builds
// a RuleResult only for what it shows (a table row's rule, a clicked unit, an export). The
// verdicts, counts and rows the map and tables need are read straight from the columns.
import type { Citation, Level, Msg, NearestFacilityRef, RuleResult, Status } from '../model';

/** What results of one rule (and part, view, level) share: its identity and citation. */
export interface ResultKind {
  rule: string;
  part?: string;
  measure: string;
  view?: 'onsite' | 'catchment';
  level: Level;
  citation: Citation;
}

export interface ResultColumns {
  n: number;
  /** every string the results hold (ids, names, reason keys and texts), as one JSON array text:
   *  one string crosses to the page instead of tens of thousands */
  strings: string;
  kinds: ResultKind[];
  /** per result: index into kinds */
  kind: Uint16Array;
  /** per result: index into the unit columns below */
  unit: Uint32Array;
  /** per result: STATUS index */
  status: Uint8Array;
  /** per result; NaN stands for null */
  value: Float64Array;
  threshold: Float64Array;
  shortfall: Float64Array;
  /** per result: reason key (string index), -1 when there is no reason */
  reasonKey: Int32Array;
  /** per result: 1 when its reason has an args object (possibly empty) */
  reasonArgs: Uint8Array;
  /** per result: its reason's args are [argStart[i], argStart[i+1]) of the arg columns */
  argStart: Uint32Array;
  argKey: Uint32Array;
  /** the arg's number, or NaN when it is a string (argStr then holds its string index) */
  argNum: Float64Array;
  argStr: Int32Array;
  /** per result: nearest facility (circle rules), id string index or -1 */
  nearId: Int32Array;
  nearName: Uint32Array;
  nearDist: Float64Array;
  /** index into VIAS */
  nearVia: Uint8Array;
  /** per unit */
  unitLevel: Uint8Array;
  unitId: Uint32Array;
  /** string index, -1 when the unit carries no name */
  unitName: Int32Array;
}

export const STATUS: readonly Status[] = ['pass', 'fail', 'na'];
export const LEVELS: readonly Level[] = ['area', 'street', 'community', 'facility', 'scenario'];
const VIAS: readonly NearestFacilityRef['via'][] = ['site', 'block', 'streets', 'straight'];
const STATUS_INDEX: Record<Status, number> = { pass: 0, fail: 1, na: 2 };

const num = (x: number | null): number => (x === null ? Number.NaN : x);
const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** the columns with one entry per result (argStart one more: where each row's arguments end) */
function rowColumns(n: number) {
  return {
    kind: new Uint16Array(n),
    unit: new Uint32Array(n),
    status: new Uint8Array(n),
    value: new Float64Array(n),
    threshold: new Float64Array(n),
    shortfall: new Float64Array(n),
    reasonKey: new Int32Array(n),
    reasonArgs: new Uint8Array(n),
    argStart: new Uint32Array(n + 1),
    nearId: new Int32Array(n),
    nearName: new Uint32Array(n),
    nearDist: new Float64Array(n),
    nearVia: new Uint8Array(n),
  };
}

/** Columns of `results`, in their order. */
export function encodeResults(results: readonly RuleResult[]): ResultColumns {
  const n = results.length;
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const str = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const kinds: ResultKind[] = [];
  const kindIndex = new Map<string, number>();
  // units and citations are shared objects in the engine's output: identity first, text second
  const citationIds = new Map<Citation, number>();
  const unitIds = new Map<RuleResult['unit'], number>();
  const unitByKey = new Map<string, number>();
  const unitLevel: number[] = [];
  const unitId: number[] = [];
  const unitName: number[] = [];
  const c = rowColumns(n);
  const argKey: number[] = [];
  const argNum: number[] = [];
  const argStr: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = results[i];
    let cit = citationIds.get(r.citation);
    if (cit === undefined) {
      cit = citationIds.size;
      citationIds.set(r.citation, cit);
    }
    const kk = `${r.rule}\u0000${r.part ?? ''}\u0000${r.measure}\u0000${r.view ?? ''}\u0000${r.unit.level}\u0000${cit}`;
    let k = kindIndex.get(kk);
    if (k === undefined) {
      k = kinds.length;
      const kind: ResultKind = { rule: r.rule, measure: r.measure, level: r.unit.level, citation: r.citation };
      if (r.part !== undefined) kind.part = r.part;
      if (r.view !== undefined) kind.view = r.view;
      kinds.push(kind);
      kindIndex.set(kk, k);
    }
    c.kind[i] = k;
    let u = unitIds.get(r.unit);
    if (u === undefined) {
      const uk = `${r.unit.level}\u0000${r.unit.id}\u0000${r.unit.name ?? '\u0000'}`;
      u = unitByKey.get(uk);
      if (u === undefined) {
        u = unitLevel.length;
        unitLevel.push(LEVELS.indexOf(r.unit.level));
        unitId.push(str(r.unit.id));
        unitName.push(r.unit.name === undefined ? -1 : str(r.unit.name));
        unitByKey.set(uk, u);
      }
      unitIds.set(r.unit, u);
    }
    c.unit[i] = u;
    c.status[i] = STATUS_INDEX[r.status];
    c.value[i] = num(r.value);
    c.threshold[i] = num(r.threshold);
    c.shortfall[i] = num(r.shortfall);
    c.argStart[i] = argKey.length;
    if (r.reason) {
      c.reasonKey[i] = str(r.reason.key);
      if (r.reason.args) {
        c.reasonArgs[i] = 1;
        for (const [key, v] of Object.entries(r.reason.args)) {
          argKey.push(str(key));
          argNum.push(typeof v === 'number' ? v : Number.NaN);
          argStr.push(typeof v === 'number' ? -1 : str(String(v)));
        }
      }
    } else c.reasonKey[i] = -1;
    if (r.nearest) {
      c.nearId[i] = str(r.nearest.id);
      c.nearName[i] = str(r.nearest.name);
      c.nearDist[i] = r.nearest.distance;
      c.nearVia[i] = VIAS.indexOf(r.nearest.via);
    } else c.nearId[i] = -1;
  }
  c.argStart[n] = argKey.length;
  return {
    n,
    strings: JSON.stringify(strings),
    kinds,
    ...c,
    argKey: Uint32Array.from(argKey),
    argNum: Float64Array.from(argNum),
    argStr: Int32Array.from(argStr),
    unitLevel: Uint8Array.from(unitLevel),
    unitId: Uint32Array.from(unitId),
    unitName: Int32Array.from(unitName),
  };
}

/** The buffers to transfer (not copy) when the columns are posted to another thread. */
export function columnBuffers(c: ResultColumns): ArrayBuffer[] {
  const arrays = [
    c.kind,
    c.unit,
    c.status,
    c.value,
    c.threshold,
    c.shortfall,
    c.reasonKey,
    c.reasonArgs,
    c.argStart,
    c.argKey,
    c.argNum,
    c.argStr,
    c.nearId,
    c.nearName,
    c.nearDist,
    c.nearVia,
    c.unitLevel,
    c.unitId,
    c.unitName,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Read access to results by index: the view models (verdicts, counts, table rows) read this,
 *  over the columns on the page (ResultTable) or over the engine's objects (arraySource). */
export interface ResultSource {
  readonly n: number;
  level(i: number): Level;
  /** the unit record: one object per unit, shared by its results */
  unitOf(i: number): { level: Level; id: string; name?: string };
  status(i: number): Status;
  /** the rule key (id or id:part) */
  ruleKey(i: number): string;
  /** counts for the unit's verdict (not the catchment view beside the on-site one) */
  decides(i: number): boolean;
  get(i: number): RuleResult;
}

export function arraySource(results: readonly RuleResult[]): ResultSource {
  return {
    n: results.length,
    level: (i) => results[i].unit.level,
    unitOf: (i) => results[i].unit,
    status: (i) => results[i].status,
    ruleKey: (i) => (results[i].part ? `${results[i].rule}:${results[i].part}` : results[i].rule),
    decides: (i) => results[i].view !== 'catchment',
    get: (i) => results[i],
  };
}

/** What the tables of one analysis and its edits share, append-only: the strings, units and kinds
 *  their rows point into (a later table adds to them; an earlier one never points past what it had).
 *  The lookups by text are built on the first edit (replaceUnits), then kept: an edit costs what it
 *  changed, not the size of the tables. */
interface Pool {
  strings: string[];
  units: { level: Level; id: string; name?: string }[];
  kinds: ResultKind[];
  kindKey: string[];
  kindDecides: boolean[];
  index: { stringAt: Map<string, number>; unitAt: Map<string, number>; unitsOf: Map<string, number[]>; kindAt: Map<string, number> } | null;
}

const unitKeyOf = (u: { level: Level; id: string; name?: string }): string => `${u.level}\u0000${u.id}\u0000${u.name ?? '\u0000'}`;
const kindKeyOf = (k: ResultKind): string => `${k.rule}\u0000${k.part ?? ''}\u0000${k.measure}\u0000${k.view ?? ''}\u0000${k.level}\u0000${JSON.stringify(k.citation)}`;

function poolOf(c: ResultColumns, strings: string[]): Pool {
  const units = Array.from(c.unitLevel, (lv, u) => {
    const unit: { level: Level; id: string; name?: string } = { level: LEVELS[lv], id: strings[c.unitId[u]] };
    if (c.unitName[u] >= 0) unit.name = strings[c.unitName[u]];
    return unit;
  });
  const kinds = [...c.kinds];
  return { strings, units, kinds, kindKey: kinds.map((k) => (k.part ? `${k.rule}:${k.part}` : k.rule)), kindDecides: kinds.map((k) => k.view !== 'catchment'), index: null };
}

function indexOf(pool: Pool): NonNullable<Pool['index']> {
  if (pool.index) return pool.index;
  const unitsOf = new Map<string, number[]>();
  pool.units.forEach((u, i) => {
    const k = `${u.level}\u0000${u.id}`;
    const list = unitsOf.get(k);
    if (list) list.push(i);
    else unitsOf.set(k, [i]);
  });
  pool.index = {
    stringAt: new Map(pool.strings.map((x, i) => [x, i])),
    unitAt: new Map(pool.units.map((u, i) => [unitKeyOf(u), i])),
    unitsOf,
    kindAt: new Map(pool.kinds.map((k, i) => [kindKeyOf(k), i])),
  };
  return pool.index;
}

/** Read access to columns: the page's one view of an analysis's results. RuleResult objects
 *  are built on request (`get`, `forUnit`, `all`), the shared unit and kind records once. */
export class ResultTable implements ResultSource {
  readonly n: number;
  private readonly strings: string[];
  private readonly units: { level: Level; id: string; name?: string }[];
  private built: RuleResult[] | null = null;
  /** per kind: its rule key (id or id:part) and whether it decides the verdict (not the catchment view) */
  readonly kindKey: string[];
  readonly kindDecides: boolean[];
  /** shared with the tables replaceUnits() makes from this one */
  readonly pool: Pool;

  /** `pool`: the strings, units and kinds of the table this one was patched from (replaceUnits) */
  constructor(
    readonly c: ResultColumns,
    pool?: Pool,
  ) {
    this.n = c.n;
    this.pool = pool ?? poolOf(c, JSON.parse(c.strings) as string[]);
    this.strings = this.pool.strings;
    this.units = this.pool.units;
    this.kindKey = this.pool.kindKey;
    this.kindDecides = this.pool.kindDecides;
  }

  static empty(): ResultTable {
    return new ResultTable(encodeResults([]));
  }

  level(i: number): Level {
    return this.c.kinds[this.c.kind[i]].level;
  }
  unitOf(i: number): { level: Level; id: string; name?: string } {
    return this.units[this.c.unit[i]];
  }
  status(i: number): Status {
    return STATUS[this.c.status[i]];
  }
  /** the rule key (id or id:part) of result i */
  ruleKey(i: number): string {
    return this.kindKey[this.c.kind[i]];
  }
  /** result i counts for the unit's verdict (it is not the catchment view beside the on-site one) */
  decides(i: number): boolean {
    return this.kindDecides[this.c.kind[i]];
  }

  /** result i as the engine made it */
  get(i: number): RuleResult {
    const c = this.c;
    const k = c.kinds[c.kind[i]];
    const out: RuleResult = {
      rule: k.rule,
      unit: this.units[c.unit[i]],
      value: orNull(c.value[i]),
      threshold: orNull(c.threshold[i]),
      measure: k.measure,
      status: STATUS[c.status[i]],
      shortfall: orNull(c.shortfall[i]),
      citation: k.citation,
    };
    if (k.part !== undefined) out.part = k.part;
    if (c.reasonKey[i] >= 0) {
      const reason: Msg = { key: this.strings[c.reasonKey[i]] };
      if (c.reasonArgs[i]) {
        const args: Record<string, string | number> = {};
        for (let a = c.argStart[i]; a < c.argStart[i + 1]; a++) args[this.strings[c.argKey[a]]] = c.argStr[a] >= 0 ? this.strings[c.argStr[a]] : c.argNum[a];
        reason.args = args;
      }
      out.reason = reason;
    }
    if (k.view !== undefined) out.view = k.view;
    if (c.nearId[i] >= 0) out.nearest = { id: this.strings[c.nearId[i]], name: this.strings[c.nearName[i]], distance: c.nearDist[i], via: VIAS[c.nearVia[i]] };
    return out;
  }

  /** every result, built once (exports, the ledger, reports: what needs them all) */
  all(): RuleResult[] {
    this.built ??= Array.from({ length: this.n }, (_, i) => this.get(i));
    return this.built;
  }
}

type RowColumns = ReturnType<typeof rowColumns> & { argKey: Uint32Array; argNum: Float64Array; argStr: Int32Array };
const ROW_COLUMNS = ['kind', 'unit', 'status', 'value', 'threshold', 'shortfall', 'reasonKey', 'reasonArgs', 'nearId', 'nearName', 'nearDist', 'nearVia'] as const;
const ARG_COLUMNS = ['argKey', 'argNum', 'argStr'] as const;
/** what the run copy uses of each typed column (of one type per column, the same in both tables) */
type Typed = { set(from: ArrayLike<number>, at: number): void; subarray(from: number, to: number): ArrayLike<number> };

/** The rows that stay, as runs [start, end) of the old rows: one pass over the unit column. */
function keptRuns(old: ResultColumns, gone: Uint8Array): { runs: number[]; rows: number; args: number } {
  const runs: number[] = [];
  let rows = 0;
  let args = 0;
  for (let i = 0; i < old.n; ) {
    while (i < old.n && gone[old.unit[i]]) i++;
    const a = i;
    while (i < old.n && !gone[old.unit[i]]) i++;
    if (i > a) {
      runs.push(a, i);
      rows += i - a;
      args += old.argStart[i] - old.argStart[a];
    }
  }
  return { runs, rows, args };
}

/** The kept runs copied into the new columns (typed-array copies; argStart shifted run by run). */
function copyRuns(old: ResultColumns, c: RowColumns, runs: readonly number[]): void {
  let j = 0;
  let a = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const from = runs[r];
    const to = runs[r + 1];
    for (const k of ROW_COLUMNS) (c[k] as Typed).set((old[k] as Typed).subarray(from, to), j);
    const a0 = old.argStart[from];
    const a1 = old.argStart[to];
    for (const k of ARG_COLUMNS) (c[k] as Typed).set((old[k] as Typed).subarray(a0, a1), a);
    for (let i = from; i < to; i++) c.argStart[j + i - from] = old.argStart[i] - a0 + a;
    j += to - from;
    a += a1 - a0;
  }
}

/** The table after some units were evaluated again (an edit: core/evaluation-delta.ts): the
 *  results of `units` replaced by `results`, every other row kept as it is, in its order, and the
 *  new rows last (as applyDelta orders them). Column to column: no result object is built, and
 *  the strings, units and kinds are shared with `t` (its pool), extended by what the edit brings. */
export function replaceUnits(t: ResultTable, units: readonly { level: Level; id: string }[], results: readonly RuleResult[]): ResultTable {
  const old = t.c;
  const pool = t.pool;
  const ix = indexOf(pool);
  const gone = new Uint8Array(pool.units.length);
  for (const u of units) for (const i of ix.unitsOf.get(`${u.level}\u0000${u.id}`) ?? []) gone[i] = 1;
  const kept = keptRuns(old, gone);
  const add = encodeResults(results);
  const addStrings = (JSON.parse(add.strings) as string[]).map((x) => {
    let i = ix.stringAt.get(x);
    if (i === undefined) {
      i = pool.strings.push(x) - 1;
      ix.stringAt.set(x, i);
    }
    return i;
  });
  const addKinds = add.kinds.map((k) => {
    const key = kindKeyOf(k);
    let i = ix.kindAt.get(key);
    if (i === undefined) {
      i = pool.kinds.push(k) - 1;
      pool.kindKey.push(k.part ? `${k.rule}:${k.part}` : k.rule);
      pool.kindDecides.push(k.view !== 'catchment');
      ix.kindAt.set(key, i);
    }
    return i;
  });
  const addUnits = Array.from(add.unitLevel, (lv, u) => {
    const unit: { level: Level; id: string; name?: string } = { level: LEVELS[lv], id: pool.strings[addStrings[add.unitId[u]]] };
    if (add.unitName[u] >= 0) unit.name = pool.strings[addStrings[add.unitName[u]]];
    const key = unitKeyOf(unit);
    let i = ix.unitAt.get(key);
    if (i === undefined) {
      i = pool.units.push(unit) - 1;
      ix.unitAt.set(key, i);
      const k = `${unit.level}\u0000${unit.id}`;
      const list = ix.unitsOf.get(k);
      if (list) list.push(i);
      else ix.unitsOf.set(k, [i]);
    }
    return i;
  });
  const n = kept.rows + add.n;
  const argCount = kept.args + add.argKey.length;
  const c: RowColumns = { ...rowColumns(n), argKey: new Uint32Array(argCount), argNum: new Float64Array(argCount), argStr: new Int32Array(argCount) };
  copyRuns(old, c, kept.runs);
  let a = kept.args;
  const str = (x: number) => addStrings[x];
  for (let i = 0; i < add.n; i++) {
    const j = kept.rows + i;
    c.kind[j] = addKinds[add.kind[i]];
    c.unit[j] = addUnits[add.unit[i]];
    c.status[j] = add.status[i];
    c.value[j] = add.value[i];
    c.threshold[j] = add.threshold[i];
    c.shortfall[j] = add.shortfall[i];
    c.reasonKey[j] = add.reasonKey[i] < 0 ? -1 : str(add.reasonKey[i]);
    c.reasonArgs[j] = add.reasonArgs[i];
    c.argStart[j] = a;
    for (let x = add.argStart[i]; x < add.argStart[i + 1]; x++, a++) {
      c.argKey[a] = str(add.argKey[x]);
      c.argNum[a] = add.argNum[x];
      c.argStr[a] = add.argStr[x] < 0 ? -1 : str(add.argStr[x]);
    }
    c.nearId[j] = add.nearId[i] < 0 ? -1 : str(add.nearId[i]);
    c.nearName[j] = add.nearId[i] < 0 ? 0 : str(add.nearName[i]);
    c.nearDist[j] = add.nearDist[i];
    c.nearVia[j] = add.nearVia[i];
  }
  c.argStart[n] = a;
  return new ResultTable(withTables(c, n, pool), pool);
}

/** A patched table's columns: its rows, with the strings and unit columns of the pool as far as
 *  this table knows them, made only if read (posting the table to another thread) */
function withTables(c: RowColumns, n: number, pool: Pool): ResultColumns {
  const counts = { strings: pool.strings.length, units: pool.units.length };
  const units = () => pool.units.slice(0, counts.units);
  const cols = { n, kinds: pool.kinds, ...c } as ResultColumns;
  const lazy = <T>(name: keyof ResultColumns, make: () => T) => Object.defineProperty(cols, name, { get: make, enumerable: true });
  lazy('strings', () => JSON.stringify(pool.strings.slice(0, counts.strings)));
  lazy('unitLevel', () => Uint8Array.from(units(), (u) => LEVELS.indexOf(u.level)));
  const at = (x: string) => pool.index?.stringAt.get(x) ?? pool.strings.indexOf(x);
  lazy('unitId', () => Uint32Array.from(units(), (u) => at(u.id)));
  lazy('unitName', () => Int32Array.from(units(), (u) => (u.name === undefined ? -1 : at(u.name))));
  return cols;
}
