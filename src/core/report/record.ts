// One rule result as the plain JSON record `npm run check --json` prints (and the site check
// and exports reuse): no internal fields, the citation without our reading.
import type { RuleResult } from '../model';

export function resultRecord(r: RuleResult) {
  return {
    rule: r.rule,
    ...(r.part ? { part: r.part } : {}),
    unit: { level: r.unit.level, id: r.unit.id },
    value: r.value,
    threshold: r.threshold,
    measure: r.measure,
    status: r.status,
    shortfall: r.shortfall,
    ...(r.view ? { view: r.view } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.nearest ? { nearest: r.nearest } : {}),
    citation: { document: r.citation.document, clause: r.citation.clause, text: r.citation.text },
  };
}
