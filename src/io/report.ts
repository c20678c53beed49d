// The validation report as lines of text for people (CLI, logs). The app renders the same
// ValidationReport as a table; both go through t(), so Chinese and English read alike.
import { t, tm, type Lang } from '../i18n';
import type { Problem, ValidationReport } from './types';

export function problemLocation(p: Problem, lang: Lang): string {
  return t(lang, p.numbering === 'row' ? 'io.report.row' : 'io.report.feature', { n: p.number });
}

export function formatProblem(p: Problem, lang: Lang): string {
  const sev = t(lang, p.severity === 'error' ? 'io.report.error' : 'io.report.warning');
  const id = p.id ? ` [${p.id}]` : '';
  const col = p.column ? ` «${p.column}»` : '';
  return `${sev} · ${problemLocation(p, lang)}${id}${col}: ${tm(lang, p.msg)}`;
}

export function formatReport(r: ValidationReport, lang: Lang, maxProblems = 50): string[] {
  const mapping = Object.entries(r.mapping)
    .map(([f, c]) => `${f}←${c}`)
    .join(', ');
  const lines = [
    t(lang, 'io.report.title', { file: r.file, kind: t(lang, `io.kind.${r.kind}`), layer: r.layer }),
    t(lang, 'io.report.counts', { total: r.total, good: r.good, errors: r.withErrors, warnings: r.withWarnings }),
    t(lang, 'io.report.crs', { crs: r.crs.code, source: t(lang, `io.report.crsSource.${r.crs.source}`), coords: r.coords, encoding: r.encoding ? `${r.encoding.name}（${t(lang, `io.report.encSource.${r.encoding.source}`)}）` : '—' }),
    t(lang, 'io.report.mapping', { mapping: mapping || '—' }),
    ...(r.notes ?? []).map((n) => tm(lang, n)),
  ];
  const shown = r.problems.slice(0, maxProblems);
  lines.push(...shown.map((p) => formatProblem(p, lang)));
  if (r.problems.length > shown.length) lines.push(t(lang, 'io.report.more', { count: r.problems.length - shown.length }));
  return lines;
}
