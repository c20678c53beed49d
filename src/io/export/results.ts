// Results tables (one per level: area, street, community, facility) with readable headers and a
// header block naming the profile and every parameter, for CSV and XLSX export.
import type { Evaluation } from '../../core/evaluate';
import type { Level, RuleResult } from '../../core/model';
import type { Params } from '../../core/params';
import { ruleFor } from '../../core/report';
import { reasonText } from '../../i18n/report-rows';
import { t, type Lang } from '../../i18n';
import type { CellValue, ExportTable, HeaderBlock } from './table';

export const RESULT_LEVELS: readonly Level[] = ['area', 'street', 'community', 'facility'];

/** a result → its rule's name in the language; by default the name the rule definition gives */
export type RuleNamer = (r: Pick<RuleResult, 'rule' | 'part'>) => string;

function defaultNamer(lang: Lang): RuleNamer {
  return (r) => ruleFor(r)?.name[lang] ?? (r.part ? `${r.rule}:${r.part}` : r.rule);
}

export function headerBlock(ev: Pick<Evaluation, 'profile' | 'params'>, lang: Lang, profileName?: string): HeaderBlock {
  const rows: HeaderBlock = [[t(lang, 'io.export.profile'), profileName ? `${ev.profile} ${profileName}` : ev.profile]];
  for (const [k, v] of Object.entries(ev.params) as [keyof Params, unknown][]) {
    if (v === undefined) continue;
    rows.push([t(lang, 'io.export.param', { name: t(lang, `io.param.${k}`) }), paramValue(v, lang)]);
  }
  return rows;
}

function paramValue(v: unknown, lang: Lang): CellValue {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.join(lang === 'zh' ? '、' : ', ');
  // per-rule threshold overrides and other records: "rule=value; …"
  if (v && typeof v === 'object')
    return Object.entries(v)
      .map(([a, b]) => `${a}=${String(b)}`)
      .join('; ');
  return null;
}

const COLUMNS = ['id', 'name', 'ruleId', 'rule', 'value', 'threshold', 'measure', 'status', 'shortfall', 'view', 'reason', 'document', 'clause'] as const;

function row(r: RuleResult, lang: Lang, ruleName: RuleNamer): Record<string, CellValue> {
  return {
    id: r.unit.id,
    name: r.unit.name ?? null,
    ruleId: r.part ? `${r.rule}:${r.part}` : r.rule,
    rule: ruleName(r),
    value: r.value,
    threshold: r.threshold,
    // the unit of value and threshold in words (shares stay fractions: 0.35 = 35 %)
    measure: t(lang, `measure.${r.measure}`),
    status: t(lang, `status.${r.status}`),
    shortfall: r.shortfall,
    view: r.view ? t(lang, `view.${r.view}`) : null,
    reason: r.reason ? reasonText(r.reason, lang) : null,
    document: r.citation.document,
    clause: r.citation.clause,
  };
}

/** One table per level that has results, rows in the evaluation's order. */
export function resultTables(ev: Pick<Evaluation, 'results'>, lang: Lang, ruleName: RuleNamer = defaultNamer(lang)): ExportTable[] {
  const columns = COLUMNS.map((key) => ({ key, header: t(lang, `io.export.col.${key}`) }));
  return RESULT_LEVELS.map((level) => ({
    name: t(lang, `level.${level}`),
    columns,
    rows: ev.results.filter((r) => r.unit.level === level).map((r) => row(r, lang, ruleName)),
  })).filter((tb) => tb.rows.length > 0);
}
