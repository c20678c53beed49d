// The validation report as lines of text for people (CLI, logs). The app renders the same
// ValidationReport as a table; both go through t(), so Chinese and English read alike.
import { t, tm, type Lang } from '../i18n';
import type { Problem, ValidationReport } from './types';

export function problemLocation(p: Problem, lang: Lang): string {
  return t(lang, p.numbering === 'row' ? 'io.report.row' : 'io.report.feature', { n: p.number });
}

/** A model field in the reader's words: 托位 / childcare places (core's field.*, then ours). */
export function fieldName(field: string, lang: Lang): string {
  for (const key of [`field.${field}`, `io.field.${field}`]) {
    const s = t(lang, key);
    if (s !== key) return s;
  }
  return field;
}

/** Field arguments of a problem message translated before the message is filled in. */
function localised(p: Problem, lang: Lang): string {
  const args = { ...(p.msg.args ?? {}) };
  if (typeof args.field === 'string') args.field = fieldName(args.field, lang);
  return tm(lang, { key: p.msg.key, args });
}

export function formatProblem(p: Problem, lang: Lang): string {
  const sev = t(lang, p.severity === 'error' ? 'io.report.error' : 'io.report.warning');
  const id = p.id ? ` [${p.id}]` : '';
  const col = p.column ? ` «${p.column}»` : '';
  return `${sev} · ${problemLocation(p, lang)}${id}${col}: ${localised(p, lang)}`;
}

export function formatReport(r: ValidationReport, lang: Lang, maxProblems = 50): string[] {
  const mapping = Object.entries(r.mapping)
    .map(([f, c]) => `${fieldName(f, lang)}←${c}`)
    .join(', ');
  const lines = [
    t(lang, 'io.report.title', { file: r.file, kind: t(lang, `io.kind.${r.kind}`), layer: r.layer }),
    t(lang, 'io.report.counts', { total: r.total, good: r.good, errors: r.withErrors, warnings: r.withWarnings }),
    t(lang, 'io.report.crs', {
      crs: r.crs.code,
      source: t(lang, `io.report.crsSource.${r.crs.source}`),
      coords: r.coords,
      encoding: r.encoding ? `${r.encoding.name}（${t(lang, `io.report.encSource.${r.encoding.source}`)}）` : '—',
    }),
    t(lang, 'io.report.mapping', { mapping: mapping || '—' }),
    ...(r.notes ?? []).map((n) => tm(lang, n)),
  ];
  const shown = r.problems.slice(0, maxProblems);
  lines.push(...shown.map((p) => formatProblem(p, lang)));
  if (r.problems.length > shown.length) lines.push(t(lang, 'io.report.more', { count: r.problems.length - shown.length }));
  return lines;
}
