// Results → rows of display strings (a view model: plain text, no markup) for tables, exports and
// the CLI, in the reader's language. Here rather than in src/core, which stays free of translations.
import type { Evaluation } from '../core/evaluate';
import { FACILITY_KINDS, type FacilityKind, type Level, type Msg, type RuleResult, type Status } from '../core/model';
import { ruleFor } from '../core/report/summary';
import type { Rule } from '../core/rules/types';
import { t, tm, type Lang } from './index';

export interface ResultRow {
  key: string;
  rule: string;
  name: string;
  level: Level;
  unit: string;
  unitId: string;
  view: string;
  value: string;
  threshold: string;
  measure: string;
  status: Status;
  statusText: string;
  shortfall: string;
  document: string;
  clause: string;
  text: string;
  /** our reading of an ambiguous clause (written in Chinese, as the clause) */
  reading: string;
  note: string;
}

/** Numbers as a planner reads them: shares in %, money with separators, others to ≤ 2 decimals. */
export function formatNumber(v: number | null, measure: string, lang: Lang): string {
  if (v === null) return '—';
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  if (measure === 'share' || measure === 'share_of_elderly') return `${(v * 100).toLocaleString(locale, { maximumFractionDigits: 1 })}%`;
  return v.toLocaleString(locale, { maximumFractionDigits: 2 });
}

/** A result's value for people: like formatNumber, but a failing value never reads as its threshold
 *  (0.0988 against 0.1 shows 0.0988, not 0.1): more decimals until the two differ. */
export function formatValue(r: { value: number | null; threshold: number | null; status: Status; measure: string }, lang: Lang): string {
  const shown = formatNumber(r.value, r.measure, lang);
  if (r.status !== 'fail' || r.value === null || r.threshold === null || r.value === r.threshold) return shown;
  const th = formatNumber(r.threshold, r.measure, lang);
  if (shown !== th) return shown;
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const share = r.measure === 'share' || r.measure === 'share_of_elderly';
  for (let digits = 3; digits <= 12; digits++) {
    const s = share ? `${(r.value * 100).toLocaleString(locale, { maximumFractionDigits: digits })}%` : r.value.toLocaleString(locale, { maximumFractionDigits: digits });
    const t2 = share ? `${(r.threshold * 100).toLocaleString(locale, { maximumFractionDigits: digits })}%` : r.threshold.toLocaleString(locale, { maximumFractionDigits: digits });
    if (s !== t2) return s;
  }
  return shown;
}

/** The i18n key of the unit a shortfall is counted in: the rule's own unit (places, m², beds,
 *  residents, communities, facilities, CNY). */
export function shortfallUnit(r: RuleResult, def: Rule | undefined): string {
  if (def?.kind === 'coverage') return def.params.basis === 'residents' ? 'unit.residents' : 'unit.communities';
  if (def?.kind === 'presence' || (def?.kind === 'target' && def.params.metric === 'count')) return 'unit.facilities';
  if (def?.kind === 'target' && def.params.metric === 'newAreaPassRate') return 'unit.communities';
  if (def?.kind === 'composition') return def.params.of === 'nursing' ? 'unit.nursingBeds' : 'unit.kindergartens';
  if (def?.kind === 'adjacency' || r.measure === 'm') return 'measure.m';
  if (def?.kind === 'ratio' && def.params.supply.field === 'socialWorkers') return 'unit.workers';
  if (r.measure === 'places_per_1000' || r.measure === 'places') return 'measure.places';
  if (r.measure.startsWith('m2')) return 'measure.m2';
  if (r.measure === 'share_of_elderly' || r.measure === 'beds') return 'measure.beds';
  if (r.measure === 'cny') return 'unit.cny';
  return '';
}

/** A shortfall as people read it, with its unit ("4,692 人", "96 个托位", "1,250 平方米"); a
 *  lottery-share shortfall is itself a share, every other shortfall counts things. */
export function shortfallText(r: RuleResult, lang: Lang): string {
  return shortfallAs(r.shortfall, shortfallUnitOf(r), lang);
}

/** The i18n key of a result's shortfall unit; 'share' for a share gap (shown in %). */
export function shortfallUnitOf(r: RuleResult): string {
  const def = ruleFor(r);
  return def?.kind === 'cost' && r.measure === 'share' ? 'share' : shortfallUnit(r, def);
}

/** A shortfall in the unit shortfallUnitOf gave. */
export function shortfallAs(v: number | null, unit: string, lang: Lang): string {
  if (v === null) return '—';
  if (unit === 'share') return formatNumber(v, 'share', lang);
  return `${formatNumber(v, 'count', lang)}${unit && v !== 0 ? ` ${t(lang, unit)}` : ''}`;
}

/** A message in the reader's words: facility-kind codes (`elderly_daycare/elderly_complex`) and a
 *  leading field name (`population (C1, C2)`) are translated before the message is filled in. */
export function reasonText(msg: Msg, lang: Lang): string {
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(msg.args ?? {})) {
    if (typeof v !== 'string') args[k] = v;
    else if (/^[a-z_]+(\/[a-z_]+)*$/.test(v) && FACILITY_KINDS.includes(v.split('/')[0] as FacilityKind))
      args[k] = v
        .split('/')
        .map((x) => t(lang, `kind.${x}`))
        .join(lang === 'zh' ? '、' : ', ');
    else args[k] = v.replace(/^[a-zA-Z]+/, (w) => (k === 'id' ? w : t(lang, `field.${w}`) === `field.${w}` ? w : t(lang, `field.${w}`)));
  }
  return tm(lang, { key: msg.key, args });
}

export function resultRow(r: RuleResult, lang: Lang): ResultRow {
  const def = ruleFor(r);
  const key = r.part ? `${r.rule}:${r.part}` : r.rule;
  const measure = t(lang, `measure.${r.measure}`);
  const shortfall = shortfallText(r, lang);
  return {
    key,
    rule: r.rule,
    name: def ? def.name[lang] : key,
    level: r.unit.level,
    unit: r.unit.name ? `${r.unit.name} (${r.unit.id})` : r.unit.id,
    unitId: r.unit.id,
    view: r.view ? t(lang, `view.${r.view}`) : '',
    value: formatValue(r, lang),
    threshold: formatNumber(r.threshold, r.measure, lang),
    measure: r.measure === 'share' || r.measure === 'share_of_elderly' || r.measure === 'count' ? '' : measure,
    status: r.status,
    statusText: t(lang, `status.${r.status}`),
    shortfall,
    document: r.citation.document,
    clause: r.citation.clause,
    text: r.citation.text,
    reading: citationNote(r.citation, lang),
    note: r.reason ? reasonText(r.reason, lang) : '',
  };
}

/** Our reading of an ambiguous clause in the reader's language (the original words stay Chinese). */
export function citationNote(c: { note?: string; noteEn?: string }, lang: Lang): string {
  return (lang === 'en' ? c.noteEn : c.note) ?? c.note ?? '';
}

export function resultRows(ev: Evaluation, lang: Lang): ResultRow[] {
  return ev.results.map((r) => resultRow(r, lang));
}
