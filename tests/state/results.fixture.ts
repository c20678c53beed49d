// Hand-made rule results for the view-model tests; frozen so a test cannot mutate another's input.
import type { Level, RuleResult, Status } from '../../src/core/model';

export function result(rule: string, level: Level, id: string, status: Status, extra: Partial<RuleResult> = {}): RuleResult {
  return Object.freeze({
    rule,
    unit: { level, id },
    value: null,
    threshold: null,
    measure: '',
    status,
    shortfall: null,
    citation: { document: 'doc', clause: '一', text: '原文' },
    ...extra,
  });
}
