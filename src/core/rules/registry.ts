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
import { evaluateTarget, type NewAreaRead } from './target';
import type { Rule } from './types';

/** One rule's results; `prior` is read by dependent rules alone: the rows of the rules run before
 *  them, or what they read of those (core/reevaluate.ts) */
export function evaluateRule(rule: Rule, ctx: EvalContext, prior: readonly RuleResult[] | NewAreaRead = []): RuleResult[] {
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

/** a target read from the results of other rules (newAreaPassRate): runs after them */
export function dependent(r: Rule): boolean {
  return r.kind === 'target' && r.params.metric === 'newAreaPassRate';
}

/** The rules in the order they run: the others first, then the dependent ones. */
export function runOrder(rules: readonly Rule[]): Rule[] {
  return [...rules.filter((x) => !dependent(x)), ...rules.filter(dependent)];
}

/** Can the rule be asked for some communities' rows only (EvalContext.only)? Not where a row of
 *  another unit is read from its community rows (a share of communities that pass, a target). */
export function restrictable(r: Rule): boolean {
  return !dependent(r) && !(r.kind === 'presence' && r.params.unit === 'community' && r.params.areaShare !== undefined);
}

/** The results of each rule, in run order (runOrder), earlier ones visible to dependent ones. */
export function evaluateRuleLists(rules: readonly Rule[], ctx: EvalContext): RuleResult[][] {
  const lists: RuleResult[][] = [];
  let base: RuleResult[] | undefined;
  for (const r of runOrder(rules)) {
    if (dependent(r)) base ??= joined(lists);
    lists.push(evaluateRule(r, ctx, base));
  }
  return lists;
}

/** Evaluate a list of rules in order, results of earlier rules visible to later (dependent) ones. */
export function evaluateRules(rules: readonly Rule[], ctx: EvalContext): RuleResult[] {
  return joined(evaluateRuleLists(rules, ctx));
}

/** the lists one after another (a loop: flat() and spreads are slower on 100 000 results) */
export function joined(lists: readonly (readonly RuleResult[])[]): RuleResult[] {
  const out: RuleResult[] = [];
  for (const l of lists) for (let i = 0; i < l.length; i++) out.push(l[i]);
  return out;
}
