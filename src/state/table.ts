// Rows of the results table for one level: one row per unit, either summarising every rule
// (no rule chosen) or showing the chosen rule's value, threshold and shortfall. Pure.
import type { Level } from '../core/model';
import { shortfallUnitOf } from '../i18n/report-rows';
import type { Verdict } from '../core/report/verdicts';
import { encodeResults, ResultTable, STATUS, type ResultSource } from '../core/report/result-columns';

export interface TableRow {
  level: Level;
  id: string;
  name: string;
  verdict: Verdict;
  fails: number;
  passes: number;
  nas: number;
  /** only when one rule is chosen */
  value: number | null;
  threshold: number | null;
  shortfall: number | null;
  /** i18n key of the shortfall's unit ('share' for a share gap; core/report/rows.ts) */
  shortfallUnit: string;
  measure: string;
}

export type SortKey = 'name' | 'verdict' | 'fails' | 'value' | 'threshold' | 'shortfall';
export interface TableQuery {
  level: Level;
  rule: string | null;
  failingOnly: boolean;
  /** case-insensitive substring of name or id */
  text: string;
  sort: { key: SortKey; dir: 'asc' | 'desc' };
}

export const DEFAULT_QUERY: TableQuery = { level: 'community', rule: null, failingOnly: false, text: '', sort: { key: 'verdict', dir: 'asc' } };

const VERDICT_RANK: Record<Verdict, number> = { fail: 0, pass: 1, na: 2, none: 3 };

/** `ids`: every unit of the level (in layer order). With no rule chosen, a unit no rule applies to
 *  (e.g. a childcare centre under a profile without facility rules) still gets a row — 'no rule' — so
 *  the facility table lists every facility and a row click can find it. */
export function buildRows(results: ResultSource, q: TableQuery, names: (level: Level, id: string) => string | undefined, ids: readonly string[] = []): TableRow[] {
  const table = results instanceof ResultTable ? results : new ResultTable(encodeResults(Array.from({ length: results.n }, (_, i) => results.get(i))));
  const units = tally(table, q.level, q.rule);
  const needle = q.text.trim().toLowerCase();
  const rows: TableRow[] = [];
  for (let g = 0; g < units.ids.length; g++) {
    const id = units.ids[g];
    const [fails, passes, nas] = [units.fails[g], units.passes[g], units.nas[g]];
    // With one rule chosen a unit normally has one result; if a rule reports several, show the
    // worst. Only that one is built as an object.
    const shown = q.rule === null ? null : table.get(units.shown[g]);
    const row: TableRow = {
      level: q.level,
      id,
      name: names(q.level, id) ?? units.names[g] ?? id,
      verdict: fails > 0 ? 'fail' : passes > 0 ? 'pass' : 'na',
      fails,
      passes,
      nas,
      value: shown?.value ?? null,
      threshold: shown?.threshold ?? null,
      shortfall: shown?.shortfall ?? null,
      shortfallUnit: shown ? shortfallUnitOf(shown) : '',
      measure: shown?.measure ?? '',
    };
    if (q.failingOnly && row.verdict !== 'fail') continue;
    if (needle && !row.name.toLowerCase().includes(needle) && !row.id.toLowerCase().includes(needle)) continue;
    rows.push(row);
  }
  if (q.rule === null && !q.failingOnly) {
    const listed = new Set(units.ids);
    for (const id of ids) {
      if (listed.has(id)) continue;
      const name = names(q.level, id) ?? id;
      if (needle && !name.toLowerCase().includes(needle) && !id.toLowerCase().includes(needle)) continue;
      rows.push({ level: q.level, id, name, verdict: 'none', fails: 0, passes: 0, nas: 0, value: null, threshold: null, shortfall: null, shortfallUnit: '', measure: '' });
    }
  }
  return sortRows(rows, q.sort);
}

/** The units of `level` with a result deciding their verdict (of `rule`, or of any rule), by id in
 *  the order they first appear: their results' counts by status, their name in the results and the
 *  row shown for a chosen rule (the first failing one, else the first). One pass over the table's
 *  columns: grouping row indices per id in a Map of arrays cost a large city's 20 000 rows ≈ 35 ms
 *  of the page's thread on every profile change. */
function tally(t: ResultTable, level: Level, rule: string | null) {
  const { kind, unit, status } = t.rowsRead();
  const counted = t.pool.kinds.map((k, j) => t.kindDecides[j] && k.level === level && (rule === null || t.kindKey[j] === rule));
  const [PASS, FAIL] = [STATUS.indexOf('pass'), STATUS.indexOf('fail')];
  const out = { ids: [] as string[], names: [] as (string | undefined)[], fails: [] as number[], passes: [] as number[], nas: [] as number[], shown: [] as number[] };
  // each of the table's units to its group (-1: not seen yet); units of one id but another name share a group
  const group = new Int32Array(t.pool.units.length).fill(-1);
  const byId = new Map<string, number>();
  for (let i = 0; i < t.n; i++) {
    if (!counted[kind[i]]) continue;
    let g = group[unit[i]];
    if (g < 0) {
      const u = t.pool.units[unit[i]];
      g = byId.get(u.id) ?? -1;
      if (g < 0) {
        g = out.ids.length;
        byId.set(u.id, g);
        out.ids.push(u.id);
        out.names.push(u.name);
        out.fails.push(0);
        out.passes.push(0);
        out.nas.push(0);
        out.shown.push(i);
      }
      group[unit[i]] = g;
    }
    const st = status[i];
    if (st === FAIL) {
      if (out.fails[g] === 0) out.shown[g] = i;
      out.fails[g]++;
    } else if (st === PASS) out.passes[g]++;
    else out.nas[g]++;
  }
  return out;
}

// one collator for every comparison (localeCompare with a locale builds one per call), and ties
// broken by the id's code points: sorting a large city's 20 000 rows took a fifth of a second
const NAMES = new Intl.Collator('zh-CN');

/** Missing numbers sort last in either direction: "no value" is not "smallest value". */
export function sortRows(rows: TableRow[], sort: TableQuery['sort']): TableRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const cmp = (a: TableRow, b: TableRow): number => {
    switch (sort.key) {
      case 'name':
        return sign * NAMES.compare(a.name, b.name);
      case 'verdict':
        return sign * (VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict]) || b.fails - a.fails;
      case 'fails':
        return sign * (a.fails - b.fails);
      default: {
        const x = a[sort.key];
        const y = b[sort.key];
        if (x === null && y === null) return 0;
        if (x === null) return 1;
        if (y === null) return -1;
        return sign * (x - y);
      }
    }
  };
  return [...rows].sort((a, b) => cmp(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The rows a scrolled table draws: those in view and `overscan` more on each side, [first, end).
 *  Every row is `rowPx` high, so the rows above and below stand as two empty rows of their height:
 *  the page lays out and diffs a few dozen rows instead of every row (a large city's 20 000). */
export function rowWindow(n: number, scrollTop: number, viewPx: number, rowPx: number, overscan = 20): { first: number; end: number } {
  if (n === 0 || rowPx <= 0) return { first: 0, end: n };
  const first = Math.max(0, Math.min(n - 1, Math.floor(scrollTop / rowPx)) - overscan);
  const end = Math.min(n, Math.ceil((scrollTop + Math.max(0, viewPx)) / rowPx) + overscan);
  return { first, end: Math.max(end, first + 1) };
}

/** What a scrolled table draws, top to bottom: an empty row standing for `gap` rows, or the row at
 *  `row`. The window [first, end), and the row `keep` (the one holding the keyboard focus, -1 for
 *  none) wherever it is: a focused row taken out of the page would drop the focus to the page. */
export type Drawn = { gap: number } | { row: number };

export function drawnRows(n: number, first: number, end: number, keep = -1): Drawn[] {
  const out: Drawn[] = [];
  const gap = (from: number, to: number): void => {
    if (to > from) out.push({ gap: to - from });
  };
  const kept = keep >= 0 && keep < n && (keep < first || keep >= end);
  if (kept && keep < first) {
    gap(0, keep);
    out.push({ row: keep });
    gap(keep + 1, first);
  } else gap(0, first);
  for (let i = first; i < end; i++) out.push({ row: i });
  if (kept && keep >= end) {
    gap(end, keep);
    out.push({ row: keep });
    gap(keep + 1, n);
  } else gap(end, n);
  return out;
}

/** The scroll position that brings row `index` into a pane of `viewPx` scrolled to `scrollTop`
 *  (its middle), or null when the row is wholly in view already. `headPx`: the header kept at the
 *  top of the pane, which covers the rows scrolled under it. */
export function scrollToRow(index: number, rowPx: number, headPx: number, scrollTop: number, viewPx: number): number | null {
  const top = headPx + index * rowPx;
  if (top >= scrollTop + headPx && top + rowPx <= scrollTop + viewPx) return null;
  return Math.max(0, top - headPx - (viewPx - headPx - rowPx) / 2);
}
