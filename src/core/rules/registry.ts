// One evaluator per rule kind. Targets that depend on other results (newAreaPassRate) run last.
import type { RuleResult } from '../model';
import { evaluateAdjacency } from './adjacency';
import { evaluateComposition } from './composition';
import type { EvalContext } from './context';
import { evaluateCost } from './cost';
import { evaluateCoverage } from './coverage';
import { evaluateMinSize } from './min-size';
import { evaluatePresence } from './presence';
import { evaluateRatio } from './ratio';
import { evaluateTarget } from './target';
import type { Rule } from './types';

export function evaluateRule(rule: Rule, ctx: EvalContext, prior: readonly RuleResult[] = []): RuleResult[] {
  switch (rule.kind) {
    case 'ratio':
      return evaluateRatio(rule, ctx);
    case 'min_size':
      return evaluateMinSize(rule, ctx);
    case 'presence':
      return evaluatePresence(rule, ctx);
    case 'coverage':
      return evaluateCoverage(rule, ctx);
    case 'composition':
      return evaluateComposition(rule, ctx);
    case 'adjacency':
      return evaluateAdjacency(rule, ctx);
    case 'target':
      return evaluateTarget(rule, ctx, prior);
    case 'cost':
      return evaluateCost(rule, ctx);
  }
}

/** Evaluate a list of rules in order, results of earlier rules visible to later (dependent) ones. */
export function evaluateRules(rules: readonly Rule[], ctx: EvalContext): RuleResult[] {
  const dependent = (r: Rule) => r.kind === 'target' && r.params.metric === 'newAreaPassRate';
  const out: RuleResult[] = [];
  for (const r of rules.filter((x) => !dependent(x))) out.push(...evaluateRule(r, ctx));
  const base = [...out];
  for (const r of rules.filter(dependent)) out.push(...evaluateRule(r, ctx, base));
  return out;
}
