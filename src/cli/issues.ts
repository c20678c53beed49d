// The data issues a project's layers carry (a population of 1e400 left unknown, a ring crossing
// itself, a place outside China …), as the commands list them: one line each, with severity,
// level and the unit's id. check lists them in its report; suggest and ledger, whose output is
// about something else, list them on stderr so the planner still learns the data is wrong.
import type { DataIssue } from '../core/model';
import { reasonText } from '../i18n/report-rows';
import { t, type Lang } from '../i18n';
import { MAX_PROBLEMS } from '../schemas';

export function issueLines(issues: DataIssue[], lang: Lang): string[] {
  return issues.map((i) => `- [${i.severity}] ${t(lang, `level.${i.level}`)} ${reasonText(i.msg, lang)}`);
}

/** The heading and the first MAX_PROBLEMS issues; nothing when there are none. */
export function issueSummary(issues: DataIssue[], lang: Lang): string[] {
  if (issues.length === 0) return [];
  const more = issues.length > MAX_PROBLEMS ? [t(lang, 'input.more', { count: issues.length - MAX_PROBLEMS })] : [];
  return [`## ${t(lang, 'cli.issues', { count: issues.length })}`, ...issueLines(issues.slice(0, MAX_PROBLEMS), lang), ...more];
}
