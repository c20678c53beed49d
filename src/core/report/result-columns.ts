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

/** `r` is of `kind` but for its citation (compared by the caller) */
function isKind(kind: ResultKind, r: RuleResult): boolean {
  return kind.rule === r.rule && kind.part === r.part && kind.measure === r.measure && kind.view === r.view && kind.level === r.unit.level;
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
  // units and citations are shared objects in the engine's output: identity first, text second
  const unitIds = new Map<RuleResult['unit'], number>();
  const unitByKey = new Map<string, number>();
  const unitLevel: number[] = [];
  const unitId: number[] = [];
  const unitName: number[] = [];
  const c = rowColumns(n);
  const argKey: number[] = [];
  const argNum: number[] = [];
  const argStr: number[] = [];
  // a kind is its fields and its citation object: looked up among the few kinds of that citation
  // (a text key made per row was a third of the encoding); the row before's kind is tried first
  const kindsOf = new Map<Citation, number[]>();
  let before: RuleResult | undefined;
  let k = -1;
  let unitBefore: RuleResult['unit'] | undefined;
  let u = -1;
  for (let i = 0; i < n; i++) {
    const r = results[i];
    if (!(before !== undefined && r.citation === before.citation && isKind(kinds[k], r))) {
      let list = kindsOf.get(r.citation);
      if (!list) kindsOf.set(r.citation, (list = []));
      k = list.find((j) => isKind(kinds[j], r)) ?? -1;
      if (k < 0) {
        k = kinds.length;
        const kind: ResultKind = { rule: r.rule, measure: r.measure, level: r.unit.level, citation: r.citation };
        if (r.part !== undefined) kind.part = r.part;
        if (r.view !== undefined) kind.view = r.view;
        kinds.push(kind);
        list.push(k);
      }
      before = r;
    }
    c.kind[i] = k;
    if (r.unit !== unitBefore) {
      unitBefore = r.unit;
      u = unitIds.get(r.unit) ?? -1;
    }
    if (u < 0) {
      const uk = `${r.unit.level}\u0000${r.unit.id}\u0000${r.unit.name ?? '\u0000'}`;
      u = unitByKey.get(uk) ?? -1;
      if (u < 0) {
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
        const args = r.reason.args;
        for (const key in args) {
          const v = args[key];
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

/** The arrays a table reads. Row i's arguments are [argStart[i], argEnd[i]) of the argument
 *  columns, which only grow (argTop of them used), so a row rewritten in place takes new ones and
 *  leaves the old ones to the tables before. One table owns a store at a time: an edit that keeps
 *  the rows' places writes into it and hands it to the new table (replaceUnits). */
interface Store extends Omit<ResultColumns, 'n' | 'strings' | 'kinds' | 'unitLevel' | 'unitId' | 'unitName'> {
  argEnd: Uint32Array;
  argTop: number;
  /** argEnd is a view of argStart shifted by one (the worker's layout) until the owner's first patch */
  packed: boolean;
  /** rows ever in use (an earlier table may read any of them) */
  high: number;
  /** per pool unit, its rows in the owner's layout, ascending; made on the owner's first patch */
  rows: number[][] | null;
}
const ROW = ['kind', 'unit', 'status', 'value', 'threshold', 'shortfall', 'reasonKey', 'reasonArgs', 'argStart', 'argEnd', 'nearId', 'nearName', 'nearDist', 'nearVia'] as const;
const ARG = ['argKey', 'argNum', 'argStr'] as const;
type RowKey = (typeof ROW)[number];
/** what the copies use of each typed column (of one type per column) */
type Typed = {
  length: number;
  set(from: ArrayLike<number>, at?: number): void;
  subarray(from: number, to?: number): Typed;
  slice(from?: number, to?: number): Typed;
  [i: number]: number;
};
const col = (s: Store | Record<string, unknown>, k: string) => (s as Record<string, Typed>)[k];
const sized = (a: Typed, n: number): Typed => new (a.constructor as new (n: number) => Typed)(n);

function storeOf(c: ResultColumns): Store {
  const { kind, unit, status, value, threshold, shortfall, reasonKey, reasonArgs, argStart, nearId, nearName, nearDist, nearVia, argKey, argNum, argStr } = c;
  const argEnd = argStart.subarray(1);
  return {
    kind,
    unit,
    status,
    value,
    threshold,
    shortfall,
    reasonKey,
    reasonArgs,
    argStart,
    argEnd,
    nearId,
    nearName,
    nearDist,
    nearVia,
    argKey,
    argNum,
    argStr,
    argTop: argStart[c.n],
    packed: true,
    high: c.n,
    rows: null,
  };
}

/** room for `rows` rows and `args` more arguments (arrays grown by half again, contents kept) */
function ensure(s: Store, rows: number, args: number): void {
  if (s.packed) {
    s.argEnd = s.argEnd.slice();
    s.packed = false;
  }
  const grow = (k: string, need: number) => {
    const a = col(s, k);
    if (a.length >= need) return;
    const b = sized(a, Math.max(need, Math.ceil(a.length * 1.5), 16));
    b.set(a);
    (s as unknown as Record<string, Typed>)[k] = b;
  };
  for (const k of ROW) grow(k, rows);
  for (const k of ARG) grow(k, s.argTop + args);
}

/** The arguments' columns cannot take `more` without growing and most of what they hold are old
 *  values (each rewritten row leaves its old arguments to the tables before): then the rows are
 *  better packed into new arrays than the columns grown — a long session's edits would grow them
 *  without end. */
function mostlyOld(s: Store, n: number, more: number): boolean {
  if (s.argTop + more <= s.argKey.length) return false;
  let live = 0;
  for (let i = 0; i < n; i++) live += s.argEnd[i] - s.argStart[i];
  return live * 2 < s.argTop;
}

/** rows of the same unit (level and id) as one ascending list */
function positionsOf(rows: number[][], pooled: readonly number[] | undefined): number[] {
  if (!pooled) return [];
  const lists = pooled.map((p) => rows[p]).filter((l) => l && l.length > 0);
  if (lists.length <= 1) return lists[0] ?? [];
  return lists.flat().sort((a, b) => a - b);
}

function rowsByUnit(s: Store, n: number, units: number): number[][] {
  const rows: number[][] = Array.from({ length: units }, () => []);
  for (let i = 0; i < n; i++) rows[s.unit[i]].push(i);
  return rows;
}

/** The old values of the rows a patch wrote over: what the table before it reads there. */
interface Diff {
  at: number[];
  saved: Record<RowKey, Typed>;
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
  /** the arrays this table reads; null once a later table patched them in place (see `stale`) */
  private s: Store | null;
  /** when `s` was handed on: the newer table and the old values of the rows it wrote over */
  private stale: { diff: Diff; next: ResultTable } | null = null;
  /** how many strings and units this table's rows point into (its columns() when posted) */
  private readonly known: { strings: number; units: number };
  /** the table this one was patched from (while something holds it) and the units the patch
   *  replaced: what a view over the whole table can be updated from (verdicts.ts) */
  from: { table: WeakRef<ResultTable>; units: readonly { level: Level; id: string }[] } | null = null;

  /** `c`: the columns as the worker sent them (the table owns them from now on: a later edit may
   *  write into them); `pool`: the strings, units and kinds of the table this one was patched from */
  constructor(c: ResultColumns | { store: Store; n: number }, pool?: Pool) {
    this.n = c.n;
    this.pool = pool ?? poolOf(c as ResultColumns, JSON.parse((c as ResultColumns).strings) as string[]);
    this.s = 'store' in c ? c.store : storeOf(c);
    this.strings = this.pool.strings;
    this.units = this.pool.units;
    this.kindKey = this.pool.kindKey;
    this.kindDecides = this.pool.kindDecides;
    this.known = { strings: this.pool.strings.length, units: this.pool.units.length };
  }

  static empty(): ResultTable {
    return new ResultTable(encodeResults([]));
  }

  /** the arrays holding this table's values: its own, or — after a later table patched them in
   *  place — a copy made now of the newest ones with the patches' old values put back */
  private store(): Store {
    if (this.s) return this.s;
    const diffs: Diff[] = [];
    let t: ResultTable = this;
    while (!t.s && t.stale) {
      diffs.push(t.stale.diff);
      t = t.stale.next;
    }
    const src = t.s as Store;
    const n = this.n;
    const s = { argTop: src.argTop, packed: false, high: n, rows: null } as unknown as Store;
    const out = s as unknown as Record<string, Typed>;
    for (const k of ROW) out[k] = col(src, k).slice(0, n);
    for (const k of ARG) out[k] = col(src, k).slice(0, src.argTop);
    for (let d = diffs.length - 1; d >= 0; d--) {
      const { at, saved } = diffs[d];
      for (const k of ROW) {
        const to = out[k];
        const from = saved[k];
        for (let x = 0; x < at.length; x++) if (at[x] < n) to[at[x]] = from[x];
      }
    }
    this.s = s;
    this.stale = null;
    return s;
  }

  /** the rows of a unit (its level and id), ascending, while this table holds the index of its
   *  rows (made by a patch); null otherwise */
  rowsOfUnit(level: Level, id: string): readonly number[] | null {
    const rows = this.s?.rows;
    if (!rows || !this.pool.index) return null;
    return positionsOf(rows, this.pool.index.unitsOf.get(`${level}\u0000${id}`));
  }

  /** this table's rows handed to a newer one, which writes over `diff.at` */
  private handOn(diff: Diff, next: ResultTable): void {
    this.s = null;
    this.stale = { diff, next };
  }

  /** the rows' kind, unit (index into pool.units) and status (STATUS index) columns, to read
   *  only: what a pass over every row needs without a call per row */
  rowsRead(): { readonly kind: Uint16Array; readonly unit: Uint32Array; readonly status: Uint8Array } {
    return this.store();
  }

  level(i: number): Level {
    return this.pool.kinds[this.store().kind[i]].level;
  }
  unitOf(i: number): { level: Level; id: string; name?: string } {
    return this.units[this.store().unit[i]];
  }
  status(i: number): Status {
    return STATUS[this.store().status[i]];
  }
  /** the rule key (id or id:part) of result i */
  ruleKey(i: number): string {
    return this.kindKey[this.store().kind[i]];
  }
  /** result i counts for the unit's verdict (it is not the catchment view beside the on-site one) */
  decides(i: number): boolean {
    return this.kindDecides[this.store().kind[i]];
  }

  /** result i as the engine made it */
  get(i: number): RuleResult {
    const c = this.store();
    const k = this.pool.kinds[c.kind[i]];
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
        for (let a = c.argStart[i]; a < c.argEnd[i]; a++) args[this.strings[c.argKey[a]]] = c.argStr[a] >= 0 ? this.strings[c.argStr[a]] : c.argNum[a];
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

  /** This table's columns as encodeResults() makes them (a copy: to post to another thread); the
   *  strings and unit columns are made only if read. */
  columns(): ResultColumns {
    const s = this.store();
    const n = this.n;
    let args = 0;
    for (let i = 0; i < n; i++) args += s.argEnd[i] - s.argStart[i];
    const c = { ...rowColumns(n), argKey: new Uint32Array(args), argNum: new Float64Array(args), argStr: new Int32Array(args) };
    for (const k of ROW) if (k !== 'argStart' && k !== 'argEnd') col(c, k).set(col(s, k).subarray(0, n));
    let a = 0;
    for (let i = 0; i < n; i++) {
      c.argStart[i] = a;
      for (let x = s.argStart[i]; x < s.argEnd[i]; x++, a++) {
        c.argKey[a] = s.argKey[x];
        c.argNum[a] = s.argNum[x];
        c.argStr[a] = s.argStr[x];
      }
    }
    c.argStart[n] = a;
    const pool = this.pool;
    const counts = this.known;
    const units = () => pool.units.slice(0, counts.units);
    const cols = { n, kinds: pool.kinds.slice(), ...c } as ResultColumns;
    const lazy = <T>(name: keyof ResultColumns, make: () => T) => Object.defineProperty(cols, name, { get: make, enumerable: true });
    lazy('strings', () => JSON.stringify(pool.strings.slice(0, counts.strings)));
    lazy('unitLevel', () => Uint8Array.from(units(), (u) => LEVELS.indexOf(u.level)));
    const at = (x: string) => pool.index?.stringAt.get(x) ?? pool.strings.indexOf(x);
    lazy('unitId', () => Uint32Array.from(units(), (u) => at(u.id)));
    lazy('unitName', () => Int32Array.from(units(), (u) => (u.name === undefined ? -1 : at(u.name))));
    return cols;
  }

  /** The table after an edit (replaceUnits): `units`' rows replaced. A unit with as many new rows
   *  as old keeps their places; the others' rows go and their new rows come last (applyDelta's
   *  order). When the rows that go are the last ones (or none), the new values are written into
   *  this table's arrays and those handed to the new table — this one keeps the old values of the
   *  rows written over and reads them back (a copy) if it is read again. Otherwise — rows go from
   *  the middle, or the arguments' columns are full and mostly old values (mostlyOld) — the kept
   *  rows are copied into new arrays first. */
  patch(units: readonly { level: Level; id: string }[], results: readonly RuleResult[]): ResultTable {
    const pool = this.pool;
    const ix = indexOf(pool);
    const add = mapped(pool, ix, encodeResults(results));
    let s = this.store();
    let n = this.n;
    s.rows ??= rowsByUnit(s, n, pool.units.length);
    const key = (u: number) => `${pool.units[u].level}\u0000${pool.units[u].id}`;
    // the new rows of each unit, in the delta's order
    const fresh = new Map<string, number[]>();
    for (let i = 0; i < add.n; i++) {
      const k = key(add.unit[i]);
      const list = fresh.get(k);
      if (list) list.push(i);
      else fresh.set(k, [i]);
    }
    const same: { k: string; old: number[]; now: number[] }[] = [];
    const gone: { k: string; old: number[] }[] = [];
    let goneRows = 0;
    let lowest = n;
    for (const k of new Set(units.map((u) => `${u.level}\u0000${u.id}`))) {
      const old = positionsOf(s.rows, ix.unitsOf.get(k));
      const now = fresh.get(k) ?? [];
      if (old.length > 0 && old.length === now.length) same.push({ k, old, now });
      else {
        gone.push({ k, old });
        goneRows += old.length;
        for (const p of old) lowest = Math.min(lowest, p);
      }
    }
    const inPlace = new Set(same.map((x) => x.k));
    const appended: number[] = [];
    for (let i = 0; i < add.n; i++) if (!inPlace.has(key(add.unit[i]))) appended.push(i);
    let owner: ResultTable | null = this;
    if (lowest < n - goneRows || mostlyOld(s, n, add.argKey.length)) {
      // rows go from the middle (or the arguments' columns are full of old ones): the kept rows
      // into new arrays, their arguments packed, then patched in place there
      s = compacted(s, n, gone, pool.units.length);
      n -= goneRows;
      for (const x of same) x.old = positionsOf(s.rows as number[][], ix.unitsOf.get(x.k));
      goneRows = 0;
      owner = null;
    }
    const top = n - goneRows;
    const n2 = top + appended.length;
    ensure(s, n2, add.argKey.length);
    const rows = s.rows as number[][];
    // the rows written over, as the tables before read them
    const at: number[] = [];
    for (const x of same) for (const p of x.old) at.push(p);
    for (let p = top; p < Math.min(n2, s.high); p++) at.push(p);
    const saved = {} as Record<RowKey, Typed>;
    if (owner)
      for (const k of ROW) {
        const from = col(s, k);
        const to = (saved[k] = sized(from, at.length));
        for (let x = 0; x < at.length; x++) to[x] = from[at[x]];
      }
    for (const x of same) for (let j = 0; j < x.old.length; j++) writeRow(s, x.old[j], add, x.now[j]);
    for (let j = 0; j < appended.length; j++) writeRow(s, top + j, add, appended[j]);
    s.high = Math.max(s.high, n2);
    // the unit lists: the changed units' rows again (a renamed unit is another pool unit)
    while (rows.length < pool.units.length) rows.push([]);
    for (const x of [...same, ...gone]) for (const u of ix.unitsOf.get(x.k) ?? []) rows[u] = [];
    for (const x of same) for (const p of x.old) rows[s.unit[p]].push(p);
    for (let p = top; p < n2; p++) rows[s.unit[p]].push(p);
    const next = new ResultTable({ store: s, n: n2 }, pool);
    next.from = { table: new WeakRef(this), units };
    owner?.handOn({ at, saved }, next);
    return next;
  }
}

/** the delta's columns with their strings, kinds and units numbered in the pool (added to it) */
function mapped(pool: Pool, ix: NonNullable<Pool['index']>, add: ResultColumns): ResultColumns {
  const str = (JSON.parse(add.strings) as string[]).map((x) => {
    let i = ix.stringAt.get(x);
    if (i === undefined) {
      i = pool.strings.push(x) - 1;
      ix.stringAt.set(x, i);
    }
    return i;
  });
  const kinds = add.kinds.map((k) => {
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
  const units = Array.from(add.unitLevel, (lv, u) => {
    const unit: { level: Level; id: string; name?: string } = { level: LEVELS[lv], id: pool.strings[str[add.unitId[u]]] };
    if (add.unitName[u] >= 0) unit.name = pool.strings[str[add.unitName[u]]];
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
  const s = (x: number) => (x < 0 ? -1 : str[x]);
  return {
    ...add,
    kind: add.kind.map((k) => kinds[k]),
    unit: add.unit.map((u) => units[u]),
    reasonKey: add.reasonKey.map(s),
    argKey: add.argKey.map((x) => str[x]),
    argStr: add.argStr.map(s),
    nearId: add.nearId.map(s),
    nearName: add.nearName.map((x, i) => (add.nearId[i] < 0 ? 0 : str[x])),
  };
}

/** row `i` of the (pool-numbered) delta written as row `j` of the store, its arguments appended */
function writeRow(s: Store, j: number, add: ResultColumns, i: number): void {
  s.kind[j] = add.kind[i];
  s.unit[j] = add.unit[i];
  s.status[j] = add.status[i];
  s.value[j] = add.value[i];
  s.threshold[j] = add.threshold[i];
  s.shortfall[j] = add.shortfall[i];
  s.reasonKey[j] = add.reasonKey[i];
  s.reasonArgs[j] = add.reasonArgs[i];
  s.argStart[j] = s.argTop;
  for (let x = add.argStart[i]; x < add.argStart[i + 1]; x++, s.argTop++) {
    s.argKey[s.argTop] = add.argKey[x];
    s.argNum[s.argTop] = add.argNum[x];
    s.argStr[s.argTop] = add.argStr[x];
  }
  s.argEnd[j] = s.argTop;
  s.nearId[j] = add.nearId[i];
  s.nearName[j] = add.nearName[i];
  s.nearDist[j] = add.nearDist[i];
  s.nearVia[j] = add.nearVia[i];
}

/** New arrays holding the rows of `s` but those of the units that go, in order (copied as runs of
 *  kept rows; their arguments packed again) */
function compacted(s: Store, n: number, gone: readonly { old: number[] }[], units: number): Store {
  const drop = new Uint8Array(n);
  let kept = n;
  for (const g of gone)
    for (const p of g.old) {
      drop[p] = 1;
      kept--;
    }
  let args = 0;
  for (let i = 0; i < n; i++) if (!drop[i]) args += s.argEnd[i] - s.argStart[i];
  const room = kept + Math.max(64, kept >> 4);
  const out = { argTop: 0, packed: false, high: kept, rows: null } as unknown as Store;
  const o = out as unknown as Record<string, Typed>;
  for (const k of ROW) o[k] = sized(col(s, k), room);
  for (const k of ARG) o[k] = sized(col(s, k), args + Math.max(64, args >> 4));
  let j = 0;
  for (let i = 0; i < n; ) {
    while (i < n && drop[i]) i++;
    const from = i;
    while (i < n && !drop[i]) i++;
    if (i === from) continue;
    for (const k of ROW) if (k !== 'argStart' && k !== 'argEnd') o[k].set(col(s, k).subarray(from, i), j);
    for (let r = from; r < i; r++, j++) {
      out.argStart[j] = out.argTop;
      const a0 = s.argStart[r];
      const a1 = s.argEnd[r];
      if (a1 > a0) {
        out.argKey.set(s.argKey.subarray(a0, a1), out.argTop);
        out.argNum.set(s.argNum.subarray(a0, a1), out.argTop);
        out.argStr.set(s.argStr.subarray(a0, a1), out.argTop);
        out.argTop += a1 - a0;
      }
      out.argEnd[j] = out.argTop;
    }
  }
  out.rows = rowsByUnit(out, kept, units);
  return out;
}

/** The table after some units were evaluated again (an edit: core/evaluation-delta.ts), in
 *  applyDelta's order: see ResultTable.patch. Column to column: no result object is built, and
 *  the strings, units and kinds are shared with `t` (its pool), extended by what the edit brings.
 *  `t` still reads what it read. */
export function replaceUnits(t: ResultTable, units: readonly { level: Level; id: string }[], results: readonly RuleResult[]): ResultTable {
  return t.patch(units, results);
}
