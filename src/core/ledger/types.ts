// The target ledger (要素清单台账): every element and target of a document as data, one row per
// target, with the departments responsible as the document writes them and the words quoted.
// A target's current value is computed from the map (linked to a rule result) or entered by a user.

/** How the value is compared with the number. `done`: a target in words, met when someone says so. */
export type Comparison = 'atLeast' | 'atMost' | 'done';

/**
 * Where a computed value comes from.
 * - `result`: the area-level result of one rule (key `id` or `id:part`), its value × scale.
 * - `share`: the share of units at a level whose results of all the listed rules pass (on-site
 *   view for communities); units with an n/a and no fail cannot be judged and are left out.
 */
export type Link = { kind: 'result'; rule: string; scale?: number } | { kind: 'share'; rules: string[]; level: 'community' | 'street' | 'facility' };

export interface LedgerTarget {
  /** profile id + short name, unique across documents (user entries are keyed by it) */
  id: string;
  /** 类别 as written (经费要素), or the part of a plan the target stands in (发展目标·养老方面) */
  category: string;
  /** 要素名称 or the task the target belongs to */
  element: string;
  /** 保障措施, abridged ('' when the document gives none for this row) */
  measures: string;
  /** the target in plain words (abridged from the document) */
  target: string;
  /** the number to reach; shares are fractions (0.6 for 60 %) */
  number?: number;
  /** unit of the number as the document writes it: 人次, %, 万元, 张, 所 … */
  unit?: string;
  comparison: Comparison;
  /** first year the target counts for (the plan period's start) and the year it is due */
  from: number;
  due: number;
  /** a yearly target (每年…): due in every year of the period, not cumulative */
  annual?: boolean;
  /** a running total over the period (人次 trained): before the due year compared with an even pace */
  cumulative?: boolean;
  /** 责任单位 as written in the document */
  responsible: string;
  /** where the 责任单位 are written when not in the same clause as the target */
  responsibleClause?: string;
  clause: string;
  /** the document's own words, an exact substring of its text */
  quote: string;
  /** an interpretation (e.g. 左右 read as at least) */
  note?: string;
  link?: Link;
}

export interface Ledger {
  /** profile id */
  profile: string;
  /** the document's full title */
  document: string;
  targets: LedgerTarget[];
}

/** A value entered by a user: for one target, standing in one year. */
export interface LedgerEntry {
  target: string;
  year: number;
  /** in the target's unit (shares as fractions); absent for targets in words */
  value?: number;
  /** targets in words: done (true) or still under way (false) */
  done?: boolean;
  note?: string;
  /** who entered it (name and/or bureau) and when (ISO time) */
  by: string;
  at: string;
}

export type LedgerStatus = 'reached' | 'onTrack' | 'behind' | 'notDue' | 'noData';
export const LEDGER_STATUSES: readonly LedgerStatus[] = ['reached', 'onTrack', 'behind', 'notDue', 'noData'];
