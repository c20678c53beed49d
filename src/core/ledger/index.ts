// The ledger of each profile: the targets of its document; the combined profile lists all five.
import { DOC_TITLE } from '../rules/profiles/documents';
import { AK_TARGETS } from './ak';
import { CA_TARGETS } from './ca';
import { CF_TARGETS } from './cf';
import { CA_TASKS, WY_TASKS, XN_TASKS } from './tasks';
import type { Ledger, LedgerTarget } from './types';
import { WY_TARGETS } from './wy';
import { XN_TARGETS } from './xn';

export const LEDGERS: readonly Ledger[] = [
  { profile: 'ak', document: DOC_TITLE.ak, targets: AK_TARGETS },
  { profile: 'cf', document: DOC_TITLE.cf, targets: CF_TARGETS },
  { profile: 'wy', document: DOC_TITLE.wy, targets: [...WY_TARGETS, ...WY_TASKS] },
  { profile: 'xn', document: DOC_TITLE.xn, targets: [...XN_TARGETS, ...XN_TASKS] },
  { profile: 'ca', document: DOC_TITLE.ca, targets: [...CA_TARGETS, ...CA_TASKS] },
];

/** The targets of a profile, each with the profile of its document (combined: all documents). */
export function ledgerTargets(profile: string): { profile: string; document: string; target: LedgerTarget }[] {
  const ledgers = profile === 'combined' ? LEDGERS : LEDGERS.filter((l) => l.profile === profile);
  return ledgers.flatMap((l) => l.targets.map((target) => ({ profile: l.profile, document: l.document, target })));
}

/** 责任单位 without the brackets and label some documents write around them. */
export function responsibleLabel(t: LedgerTarget): string {
  return t.responsible
    .trim()
    .replace(/^[(（]/, '')
    .replace(/[)）]$/, '')
    .replace(/^责任单位[:：]/, '')
    .replace(/[。.]$/, '');
}

/** Does this target name the department (a part of its name, e.g. 民政局 or 民政)? */
export function mentionsDepartment(t: LedgerTarget, dept: string): boolean {
  const d = dept.trim();
  return d.length > 0 && t.responsible.includes(d);
}

export type { Comparison, Ledger, LedgerEntry, LedgerStatus, LedgerTarget, Link } from './types';
export { LEDGER_STATUSES } from './types';
