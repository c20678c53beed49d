// Message catalogues: zh-CN (default) and en. Core messages (rules, reasons, data issues)
// live in core.*.ts, app UI strings in ui.*.ts; both are plain data. The catalogues of the parts
// loaded on first use (site check, suggestion, ledger, team workspace) are not imported here: each
// adds itself (addCatalogue) when the code that shows it is imported, so its strings come with that
// code's chunk and t() stays synchronous. Code that shows them imports the catalogue module.
import { coreEn, coreZh } from './core';
import { uiEn, uiZh } from './ui';
import { ioEn, ioZh } from './io';
import { networkEn, networkZh } from './network';
import { basemapEn, basemapZh } from './basemap';
import { scenarioEn, scenarioZh } from './scenario';
import { importuiEn, importuiZh } from './import-ui';
import { presentEn, presentZh } from './present';
import type { Msg } from '../core/model';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

const catalogues: Record<Lang, Record<string, string>> = {
  zh: {
    ...coreZh,
    ...uiZh,
    ...ioZh,
    ...networkZh,
    ...basemapZh,
    ...scenarioZh,
    ...importuiZh,
    ...presentZh,
  },
  en: {
    ...coreEn,
    ...uiEn,
    ...ioEn,
    ...networkEn,
    ...basemapEn,
    ...scenarioEn,
    ...importuiEn,
    ...presentEn,
  },
};

/** Adds a part's messages (its catalogue module calls this once, when first imported). */
export function addCatalogue(zh: Record<string, string>, en: Record<string, string>): void {
  Object.assign(catalogues.zh, zh);
  Object.assign(catalogues.en, en);
}

/** Fills {name} placeholders. An unknown key shows itself, so a gap is visible, not blank. */
export function t(lang: Lang, key: string, args?: Record<string, string | number>): string {
  const s = catalogues[lang][key] ?? catalogues.zh[key] ?? key;
  return args ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m)) : s;
}

/** whether a catalogue has the key (for optional, more specific twins of a message) */
export function hasKey(key: string): boolean {
  return key in catalogues.zh;
}

export function tm(lang: Lang, msg: Msg): string {
  return t(lang, msg.key, msg.args);
}

/** every message of a language loaded so far (tests scan them after importing every part) */
export function catalogue(lang: Lang): Readonly<Record<string, string>> {
  return catalogues[lang];
}

export function missingKeys(): { lang: Lang; key: string }[] {
  const all = new Set([...Object.keys(catalogues.zh), ...Object.keys(catalogues.en)]);
  return LANGS.flatMap((lang) => [...all].filter((k) => !(k in catalogues[lang])).map((key) => ({ lang, key })));
}
