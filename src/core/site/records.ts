// The site check as plain JSON: the same result records `npm run check --json` prints, plus the
// site, its figures, the reach findings and the effects on the area.
import { resultRecord } from '../report/record';
import type { SiteCheck } from './check';

export function siteCheckJson(c: SiteCheck) {
  return {
    site: c.site,
    date: c.date,
    params: c.params,
    reach: c.reach,
    profiles: c.profiles.map((p) => ({
      profile: p.profile,
      counts: p.counts,
      results: p.requirements.map((q) => ({
        ...resultRecord(q.result),
        ...(q.required !== undefined ? { required: q.required } : {}),
        ...(q.requiredMax !== undefined ? { requiredMax: q.requiredMax } : {}),
        ...(q.provided !== undefined ? { provided: q.provided } : {}),
        ...(q.amountUnit ? { amountUnit: q.amountUnit } : {}),
        ...(q.asOwnUnit ? { asOwnUnit: true } : {}),
      })),
      circle: p.circle.map(resultRecord),
      effects: p.effects,
    })),
    issues: c.issues,
  };
}
