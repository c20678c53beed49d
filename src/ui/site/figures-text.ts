// The site report's numbers in people's words: a value with its unit and verdict (before / after the
// site), and planned-vs-required amounts — never rounding a failing value onto its threshold.
import '../../i18n/site'; // its strings: loaded with this code, not with the page
import { roundApart } from '../../core/report';
import { formatNumber, formatValue } from '../../i18n/report-rows';
import type { Status } from '../../core/model';
import { t, type Lang } from '../../i18n';

/** The unit written after a number of this measure ('' for a share: the number carries its %). */
export function unitOf(measure: string, lang: Lang): string {
  return measure === 'share' ? '' : t(lang, `measure.${measure}`);
}

const withUnit = (n: string, measure: string, lang: Lang): string => {
  const u = unitOf(measure, lang);
  return n === '—' || !u ? n : `${n} ${u}`;
};

/** One side of a before/after row: "0.0988 平方米/人 不达标"; '—' when the rule had no row then. */
export function effectSide(side: { value: number | null; status: Status } | undefined, threshold: number | null, measure: string, lang: Lang): string {
  if (!side) return '—';
  return `${withUnit(formatValue({ value: side.value, threshold, status: side.status, measure }, lang), measure, lang)} ${t(lang, `status.${side.status}`)}`;
}

/** The threshold with its unit: "0.1 平方米/人", "70%". */
export function thresholdWithUnit(threshold: number | null, measure: string, lang: Lang): string {
  return withUnit(formatNumber(threshold, measure, lang), measure, lang);
}

/** "应配 253，规划 252.96 平方米": required (and its range) against what the plan provides. */
export function plannedAmount(q: { required?: number; requiredMax?: number; provided?: number; amountUnit?: string }, status: Status, lang: Lang): string {
  if (q.required === undefined) return '—';
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const digits = q.amountUnit === 'm2' ? 1 : 2;
  const n = (v: number, apart?: number) => roundApart(v, digits, apart, status === 'fail').toLocaleString(locale, { maximumFractionDigits: 12 });
  const required = q.requiredMax !== undefined ? `${n(q.required)}–${n(q.requiredMax)}` : n(q.required);
  const provided = q.provided === undefined ? '—' : n(q.provided, q.required);
  return t(lang, 'site.ui.amount', { required, provided, unit: q.amountUnit ? t(lang, `site.unit.${q.amountUnit}`) : '' });
}
