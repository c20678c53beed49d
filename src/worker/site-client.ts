// The page's side of the site-check calls, spread into the analysis client (client.ts). Types only
// from site.ts, so the page bundle takes none of the file readers or SheetJS.
import { transfer, type Remote } from 'comlink';
import type { SiteCheck, SiteCheckOutcome } from '../core/site';
import type { Lang } from '../i18n';
import type { createSiteApi, SiteFileRead, SiteRequest } from '../service/site';

export interface SiteClient {
  checkSite(req: SiteRequest): Promise<SiteCheckOutcome>;
  /** bytes are transferred, not copied */
  readSiteFile(name: string, bytes: ArrayBuffer, opts?: { crs?: string }): Promise<SiteFileRead>;
  siteXlsx(check: SiteCheck, lang: Lang, date: string): Promise<Uint8Array>;
}

export function siteClient(remote: Remote<ReturnType<typeof createSiteApi>>): SiteClient {
  return {
    checkSite: (req) => remote.checkSite(req),
    readSiteFile: (name, bytes, opts = {}) => remote.readSiteFile(name, transfer(bytes, [bytes]), opts),
    siteXlsx: (check, lang, date) => remote.siteXlsx(check, lang, date),
  };
}
