// How a KPI value and its delta read: shares as percentages (deltas in percentage points), money
// in 元 (万元 from 10 000 up in Chinese), counts grouped; a delta always carries its sign; an
// unknown value is a dash, never 0. Every number carries its unit (人, 个托位, 张床位 …).
import type { KpiRow, KpiUnit } from '../../core/scenario/kpi-rows';
import type { Lang } from '../../i18n';

function num(v: number, lang: Lang, digits = 0): string {
  return v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits });
}

function money(v: number, lang: Lang): string {
  if (lang === 'en') return `CNY ${num(v, lang)}`;
  return Math.abs(v) >= 10_000 ? `${num(v / 10_000, lang, 2)} 万元` : `${num(v, lang)} 元`;
}

const COUNTED: Record<'residents' | 'communities' | 'places' | 'beds', Record<Lang, string>> = {
  residents: { zh: '人', en: 'residents' },
  communities: { zh: '个社区', en: 'communities' },
  places: { zh: '个托位', en: 'places' },
  beds: { zh: '张床位', en: 'beds' },
};

export function kpiValue(v: number | null, unit: KpiUnit, lang: Lang): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (unit === 'share') return `${num(v * 100, lang, 1)}%`;
  if (unit === 'cny') return money(v, lang);
  if (unit === 'm2') return `${num(v, lang, 1)} m²`;
  return `${num(v, lang, 1)} ${COUNTED[unit][lang]}`;
}

export function kpiDelta(r: Pick<KpiRow, 'delta' | 'unit'>, lang: Lang): string {
  const d = r.delta;
  if (d === null || !Number.isFinite(d)) return '—';
  if (Math.abs(d) < 1e-9) return r.unit === 'share' ? `±0 ${lang === 'zh' ? '个百分点' : 'pp'}` : `±${kpiValue(0, r.unit, lang)}`;
  const sign = d > 0 ? '+' : '−';
  if (r.unit === 'share') return `${sign}${num(Math.abs(d) * 100, lang, 1)} ${lang === 'zh' ? '个百分点' : 'pp'}`;
  return sign + kpiValue(Math.abs(d), r.unit, lang);
}
