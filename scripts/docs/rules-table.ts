// The rule table of docs/rules.md, generated from the profiles (src/core/rules/profiles): one table
// per document, one row per rule with its kind, levels, threshold, clause, original words and our
// reading; and the combined profile's table (requirement, rule kept, threshold, rules replaced).
// `npm run docs:rules` rewrites both; tests/core/docs.test.ts fails when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { PROFILES } from '../../src/core/rules/profiles';
import { COMBINED_RULES } from '../../src/core/rules/profiles/combined';
import { ruleKey, type Rule } from '../../src/core/rules/types';

export const DOC = 'docs/rules.md';
const HEADING = '## Rule table (generated from src/core/rules/profiles by `npm run docs:rules`; tests/core/docs.test.ts checks it is current)';

const n = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: 6 });
/** a share as a percentage without binary noise (0.55 → 55, not 55.00000000000001) */
const pct = (share: number): string => n(Number((share * 100).toFixed(6)));

/** the rules' measures, in words (a share is written as a percentage) */
const MEASURES: Record<string, string> = {
  m2_per_resident: 'm² per resident',
  places_per_1000: 'places per 1,000 residents',
  m2_per_100_households: 'm² per 100 households',
  workers_per_1000_elderly: 'social workers per 1,000 elderly',
  workers_per_100_beds: 'social workers per 100 beds',
  m2_per_bed: 'm² per bed',
};
const BUDGETS: Record<string, string> = { budgetTotal: 'elderly + childcare budget', budgetElderly: 'elderly-care budget', budgetChildcare: 'childcare budget' };
const BED_MODES: Record<string, string> = { new: 'new', converted: 'converted', leased5y: 'leased ≥ 5 years' };
const PLACE_MODES: Record<string, string> = { urbanNew: 'urban new', ruralNew: 'rural new', urbanExpansion: 'urban expansion', ruralExpansion: 'rural expansion' };
const rates = (r: Record<string, number | undefined>, words: Record<string, string>): string =>
  Object.entries(r)
    .filter((e): e is [string, number] => e[1] !== undefined)
    .map(([k, v]) => `${words[k] ?? k} ${n(v)}`)
    .join(' · ');

/** The threshold column: what the rule asks for, in words and the rule's own units. */
export function thresholdText(r: Rule): string {
  switch (r.kind) {
    case 'ratio': {
      const { min, max, measure } = r.params;
      if (measure === 'share_of_elderly') return `≥ ${pct(min)} % of the elderly`;
      const words = MEASURES[measure] ?? measure;
      if (r.levels.length === 0) return `${n(min)} ${words}`; // a definition, not judged
      return `≥ ${n(min)}${max !== undefined ? ` (range to ${n(max)})` : ''} ${words}`;
    }
    case 'min_size':
      return `≥ ${n(r.params.min)} m² (${r.params.aggregate})`;
    case 'presence':
      return `≥ ${n(r.params.min)} per ${r.params.unit}${r.params.areaShare !== undefined ? `; ≥ ${pct(r.params.areaShare)} % of units` : ''}`;
    case 'coverage':
      return `≥ ${pct(r.params.min)} % of ${r.params.basis}`;
    case 'composition':
      return `≥ ${pct(r.params.min)} %`;
    case 'adjacency':
      return `≤ colocateDistance (${n(DEFAULT_PARAMS.colocateDistance)} m)`;
    case 'target': {
      const { metric, target, due } = r.params;
      if (metric === 'beds') return `beds ≥ ${n(target)} by ${due}`;
      if (metric === 'newPlaces') return `new places ≥ ${n(target)} by ${due}`;
      if (metric === 'newAreaPassRate') return `new areas up to standard ≥ ${pct(target)} % by ${due}`;
      return `≥ ${n(target)} ${target === 1 ? 'facility' : 'facilities'} by ${due}`;
    }
    case 'cost': {
      const { budget, rates: r2 } = r.params;
      if (budget) return budget.field === 'lotteryShare' ? `lottery share ≥ ${pct(budget.min)} %` : `${BUDGETS[budget.field] ?? budget.field} ≥ ${n(budget.min)} CNY a year`;
      const parts: string[] = [];
      if (r2?.bed) parts.push(`per bed: ${rates(r2.bed, BED_MODES)} CNY`);
      if (r2?.place) parts.push(`per place: ${rates(r2.place, PLACE_MODES)} CNY`);
      if (r2?.operatingPerMonth !== undefined) parts.push(`${n(r2.operatingPerMonth)} CNY per resident per month`);
      return parts.join('; ');
    }
  }
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The whole section, heading included, ending with a blank line. */
export function rulesTable(): string {
  const out = [HEADING, ''];
  for (const p of PROFILES.filter((x) => x.id !== 'combined')) {
    out.push(`### ${p.id} — ${p.document}`, '', '| key | kind | levels | threshold | clause | original words | our reading |', '|---|---|---|---|---|---|---|');
    for (const r of p.rules) {
      const row = [
        `\`${ruleKey(r)}\``,
        r.kind,
        r.levels.length ? r.levels.join(', ') : '— (a definition, not judged)',
        thresholdText(r),
        r.citation.clause,
        r.citation.text,
        r.citation.note ?? '',
      ];
      out.push(`| ${row.map(cell).join(' | ')} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** The combined profile's table: per requirement, the rule kept, its threshold in words, those it replaced. */
export function combinedTable(): string {
  const out = ['| requirement | kept | threshold | replaces |', '|---|---|---|---|'];
  for (const { rule, supersedes } of COMBINED_RULES) {
    if (!rule.requirement) continue;
    const replaced = supersedes.length ? supersedes.map((k) => `\`${k}\``).join(', ') : '—';
    out.push(`| ${[rule.requirement, `\`${ruleKey(rule)}\``, thresholdText(rule), replaced].map(cell).join(' | ')} |`);
  }
  return `${out.join('\n')}\n`;
}

/** docs/rules.md with the table of its "## The combined profile" section (its first `| requirement |` table) replaced. */
export function withCombinedTable(doc: string, table: string): string {
  const section = doc.indexOf('## The combined profile');
  if (section < 0) throw new Error(`${DOC}: no "## The combined profile" section`);
  const start = doc.indexOf('\n| requirement |', section);
  const next = doc.indexOf('\n## ', section + 1);
  if (start < 0 || (next >= 0 && start > next)) throw new Error(`${DOC}: the combined profile section has no "| requirement |" table`);
  let end = start + 1;
  while (end < doc.length && doc[end] === '|') end = doc.indexOf('\n', end) + 1 || doc.length;
  return doc.slice(0, start + 1) + table + doc.slice(end);
}

/** docs/rules.md with both generated tables current. */
export function withTables(doc: string): string {
  return withCombinedTable(withTable(doc, rulesTable()), combinedTable());
}

/** docs/rules.md with its rule-table section (from its heading to the next `## `) replaced by `table`. */
export function withTable(doc: string, table: string): string {
  const start = doc.indexOf('## Rule table');
  if (start < 0) throw new Error(`${DOC}: no "## Rule table" section to replace`);
  const next = doc.indexOf('\n## ', start + 1);
  return doc.slice(0, start) + table + (next < 0 ? '' : doc.slice(next + 1));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(DOC, withTables(readFileSync(DOC, 'utf8')));
  console.log(`[docs] ${DOC}: rule table and combined-profile table written`);
}
