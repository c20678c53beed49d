// Rows of the results table for one level: one row per unit, either summarising every rule
// (no rule chosen) or showing the chosen rule's value, threshold and shortfall. Pure.
import type { Level, Status } from '../core/model';
import { shortfallUnitOf } from '../i18n/report-rows';
import { worst, type Verdict } from '../core/report/verdicts';
import type { ResultSource } from '../core/report/result-columns';

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
  // result indices per unit id, in the order units first appear
  const byUnit = new Map<string, number[]>();
  for (let i = 0; i < results.n; i++) {
    if (results.level(i) !== q.level || !results.decides(i) || (q.rule !== null && results.ruleKey(i) !== q.rule)) continue;
    const id = results.unitOf(i).id;
    const list = byUnit.get(id);
    if (list) list.push(i);
    else byUnit.set(id, [i]);
  }
  const needle = q.text.trim().toLowerCase();
  const rows: TableRow[] = [];
  for (const [id, list] of byUnit) {
    const statuses = list.map((i) => results.status(i));
    const count = (s: Status) => statuses.filter((x) => x === s).length;
    // With one rule chosen a unit normally has one result; if a rule reports several, show the
    // worst. Only that one is built as an object.
    const at = q.rule === null ? undefined : (list.find((i) => results.status(i) === 'fail') ?? list[0]);
    const shown = at === undefined ? null : results.get(at);
    const name = names(q.level, id) ?? results.unitOf(list[0]).name ?? id;
    const row: TableRow = {
      level: q.level,
      id,
      name,
      verdict: worst(statuses),
      fails: count('fail'),
      passes: count('pass'),
      nas: count('na'),
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
    for (const id of ids) {
      if (byUnit.has(id)) continue;
      const name = names(q.level, id) ?? id;
      if (needle && !name.toLowerCase().includes(needle) && !id.toLowerCase().includes(needle)) continue;
      rows.push({ level: q.level, id, name, verdict: 'none', fails: 0, passes: 0, nas: 0, value: null, threshold: null, shortfall: null, shortfallUnit: '', measure: '' });
    }
  }
  return sortRows(rows, q.sort);
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
