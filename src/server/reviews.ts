// The review register (审查台账): numbers, rows → API records, and the XLSX export.
import '../i18n/workspace'; // its strings: loaded with this code, not with the page
import * as XLSX from 'xlsx';
import type { Review, ReviewSummary } from '../schemas/workspace';
import { t, type Lang } from '../i18n';
import type { Queryable } from './db';

/** The next number for this bureau and year: the counter row is locked until the transaction ends,
 *  so two reviews created at once never get the same sequence (and the UNIQUE number backs it). */
export async function nextNumber(q: Queryable, prefix: string): Promise<{ number: string; year: number; seq: number }> {
  const [{ year }] = await q.query<{ year: number }>('SELECT extract(year FROM now())::int AS year');
  const [{ last }] = await q.query<{ last: number }>(
    'INSERT INTO review_counters (prefix, year, last) VALUES ($1, $2, 1) ON CONFLICT (prefix, year) DO UPDATE SET last = review_counters.last + 1 RETURNING last',
    [prefix, year],
  );
  return { number: `${prefix}-${year}-${String(last).padStart(4, '0')}`, year, seq: last };
}

export const REVIEW_COLUMNS = `r.id, r.number, r.applicant, r.project, r.status, r.profile, r.data_version, r.fails, r.created_at,
  r.decision, r.revision, r.report_bytes, a.name AS author, v.name AS reviewer`;
export const REVIEW_FULL = `${REVIEW_COLUMNS}, r.site, r.figures, r.params, r.verdicts, r.submitted_at, r.decided_at, r.decision_note`;
export const REVIEW_FROM = 'reviews r JOIN users a ON a.id = r.author_id LEFT JOIN users v ON v.id = r.reviewer_id';

const iso = (d: unknown): string | null => (d == null ? null : new Date(d as string).toISOString());

export function toSummary(r: Record<string, unknown>): ReviewSummary {
  return {
    id: Number(r.id),
    number: String(r.number),
    applicant: String(r.applicant),
    project: String(r.project),
    status: r.status as ReviewSummary['status'],
    profile: String(r.profile),
    dataVersion: r.data_version == null ? null : Number(r.data_version),
    fails: Number(r.fails),
    author: String(r.author),
    createdAt: iso(r.created_at) ?? '',
    decision: (r.decision ?? null) as ReviewSummary['decision'],
    reviewer: (r.reviewer as string | null) ?? null,
    revision: Number(r.revision),
    reportBytes: r.report_bytes == null ? null : Number(r.report_bytes),
  };
}

export function toReview(r: Record<string, unknown>): Review {
  return {
    ...toSummary(r),
    site: r.site,
    figures: r.figures as Review['figures'],
    params: r.params as Review['params'],
    verdicts: r.verdicts as Review['verdicts'],
    submittedAt: iso(r.submitted_at),
    decidedAt: iso(r.decided_at),
    decisionNote: (r.decision_note as string | null) ?? null,
  };
}

/** The register as a workbook: one row per review, the verdicts counted and the failed rules named. */
export function registerXlsx(reviews: Review[], lang: Lang): Buffer {
  const head = [
    'number',
    'applicant',
    'project',
    'status',
    'profile',
    'dataVersion',
    'fails',
    'failedRules',
    'author',
    'createdAt',
    'submittedAt',
    'decision',
    'reviewer',
    'decidedAt',
    'decisionNote',
    'report',
  ].map((k) => t(lang, `ws.col.${k}`));
  const rows = reviews.map((r) => [
    r.number,
    r.applicant,
    r.project,
    t(lang, `ws.status.${r.status}`),
    r.profile,
    r.dataVersion ?? '',
    r.fails,
    r.verdicts
      .filter((v) => v.verdict === 'fail')
      .map((v) => v.rule)
      .join(', '),
    r.author,
    r.createdAt.slice(0, 10),
    r.submittedAt?.slice(0, 10) ?? '',
    r.decision ? t(lang, `ws.decision.${r.decision}`) : '',
    r.reviewer ?? '',
    r.decidedAt?.slice(0, 10) ?? '',
    r.decisionNote ?? '',
    r.reportBytes ? t(lang, 'ws.col.reportYes', { kb: Math.ceil(r.reportBytes / 1024) }) : '',
  ]);
  // every cell is written as a value (strings stay strings: a field starting with '=' is no formula)
  const sheet = XLSX.utils.aoa_to_sheet([head, ...rows]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, t(lang, 'ws.sheet'));
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
