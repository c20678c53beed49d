// Number and name formatting shared by the panels and the table.
import type { ProfileInfo } from '../core/evaluate';
import type { Lang } from '../i18n';

/** Up to two decimals, grouped thousands; a missing value is a dash, never 0. */
export function fmt(v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 });
}

/** A rule's name in the current language from whichever profile defines it (by key = id or
 *  id:part, then by id); the key itself otherwise. */
export function ruleName(profiles: readonly ProfileInfo[], key: string, lang: Lang): string {
  for (const match of [(x: ProfileInfo['rules'][number]) => (x.key ?? x.id) === key, (x: ProfileInfo['rules'][number]) => x.id === key]) {
    for (const p of profiles) {
      const r = p.rules.find(match);
      if (r) return r.name[lang];
    }
  }
  return key;
}
