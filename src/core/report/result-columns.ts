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

  /** `strings`: c.strings already parsed (replaceUnits has them) */
  constructor(
    readonly c: ResultColumns,
    strings?: string[],
  ) {
    this.n = c.n;
    this.strings = strings ?? (JSON.parse(c.strings) as string[]);
    this.units = Array.from(c.unitLevel, (lv, u) => {
      const unit: { level: Level; id: string; name?: string } = { level: LEVELS[lv], id: this.strings[c.unitId[u]] };
      if (c.unitName[u] >= 0) unit.name = this.strings[c.unitName[u]];
      return unit;
    });
    this.kindKey = c.kinds.map((k) => (k.part ? `${k.rule}:${k.part}` : k.rule));
    this.kindDecides = c.kinds.map((k) => k.view !== 'catchment');
  }

  static empty(): ResultTable {
    return new ResultTable(encodeResults([]));
  }

  /** the strings table, parsed (replaceUnits extends it) */
  stringList(): readonly string[] {
    return this.strings;
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

const kindKeyOf = (k: ResultKind): string => `${k.rule}\u0000${k.part ?? ''}\u0000${k.measure}\u0000${k.view ?? ''}\u0000${k.level}\u0000${JSON.stringify(k.citation)}`;

/** The table after some units were evaluated again (an edit: core/evaluation-delta.ts): the
 *  results of `units` replaced by `results`, every other row kept as it is, in its order, and the
 *  new rows last (as applyDelta orders them). Column to column: no result object is built. */
export function replaceUnits(t: ResultTable, units: readonly { level: Level; id: string }[], results: readonly RuleResult[]): ResultTable {
  const old = t.c;
  const gone = new Set(units.map((u) => `${u.level}\u0000${u.id}`));
  const strings = [...t.stringList()];
  const unitGone = Uint8Array.from(old.unitLevel, (lv, u) => (gone.has(`${LEVELS[lv]}\u0000${strings[old.unitId[u]]}`) ? 1 : 0));
  const keep: number[] = [];
  for (let i = 0; i < old.n; i++) if (!unitGone[old.unit[i]]) keep.push(i);
  const add = encodeResults(results);
  // the added columns' strings, kinds and units, as indices of the joined tables
  const stringAt = new Map(strings.map((x, i) => [x, i]));
  const str = (x: string): number => {
    let i = stringAt.get(x);
    if (i === undefined) {
      i = strings.length;
      strings.push(x);
      stringAt.set(x, i);
    }
    return i;
  };
  const addStrings = (JSON.parse(add.strings) as string[]).map(str);
  const kinds = [...old.kinds];
  const kindAt = new Map(kinds.map((k, i) => [kindKeyOf(k), i]));
  const addKinds = add.kinds.map((k) => {
    const key = kindKeyOf(k);
    let i = kindAt.get(key);
    if (i === undefined) {
      i = kinds.length;
      kinds.push(k);
      kindAt.set(key, i);
    }
    return i;
  });
  const unitLevel = [...old.unitLevel];
  const unitId = [...old.unitId];
  const unitName = [...old.unitName];
  const addUnits = Array.from(add.unitLevel, (lv, u) => {
    unitLevel.push(lv);
    unitId.push(addStrings[add.unitId[u]]);
    unitName.push(add.unitName[u] < 0 ? -1 : addStrings[add.unitName[u]]);
    return unitLevel.length - 1;
  });
  const n = keep.length + add.n;
  const argCount = keep.reduce((sum, i) => sum + old.argStart[i + 1] - old.argStart[i], 0) + add.argKey.length;
  const c = { ...rowColumns(n), argKey: new Uint32Array(argCount), argNum: new Float64Array(argCount), argStr: new Int32Array(argCount) };
  let a = 0;
  /** row `i` of `from` into row `j`, its indices through the maps given (identity for kept rows) */
  const copy = (from: ResultColumns, i: number, j: number, kindOf: (k: number) => number, unitOf: (u: number) => number, strOf: (x: number) => number) => {
    c.kind[j] = kindOf(from.kind[i]);
    c.unit[j] = unitOf(from.unit[i]);
    c.status[j] = from.status[i];
    c.value[j] = from.value[i];
    c.threshold[j] = from.threshold[i];
    c.shortfall[j] = from.shortfall[i];
    c.reasonKey[j] = from.reasonKey[i] < 0 ? from.reasonKey[i] : strOf(from.reasonKey[i]);
    c.reasonArgs[j] = from.reasonArgs[i];
    c.argStart[j] = a;
    for (let x = from.argStart[i]; x < from.argStart[i + 1]; x++, a++) {
      c.argKey[a] = strOf(from.argKey[x]);
      c.argNum[a] = from.argNum[x];
      c.argStr[a] = from.argStr[x] < 0 ? -1 : strOf(from.argStr[x]);
    }
    c.nearId[j] = from.nearId[i] < 0 ? -1 : strOf(from.nearId[i]);
    c.nearName[j] = from.nearId[i] < 0 ? 0 : strOf(from.nearName[i]);
    c.nearDist[j] = from.nearDist[i];
    c.nearVia[j] = from.nearVia[i];
  };
  const same = (x: number) => x;
  keep.forEach((i, j) => copy(old, i, j, same, same, same));
  for (let i = 0; i < add.n; i++)
    copy(
      add,
      i,
      keep.length + i,
      (k) => addKinds[k],
      (u) => addUnits[u],
      (x) => addStrings[x],
    );
  c.argStart[n] = a;
  const cols: ResultColumns = {
    n,
    strings: JSON.stringify(strings),
    kinds,
    ...c,
    unitLevel: Uint8Array.from(unitLevel),
    unitId: Uint32Array.from(unitId),
    unitName: Int32Array.from(unitName),
  };
  return new ResultTable(cols, strings);
}
