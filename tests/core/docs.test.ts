// docs/rules.md must not drift from the profiles: every rule key, its clause and its words appear.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/core/rules/profiles';
import { ruleKey } from '../../src/core/rules/types';
import { combinedTable, rulesTable, withCombinedTable, withTable } from '../../scripts/docs/rules-table';

describe('docs/rules.md', () => {
  const doc = readFileSync('docs/rules.md', 'utf8');
  it('lists every rule with its clause and original words', () => {
    for (const p of PROFILES.filter((x) => x.id !== 'combined')) {
      for (const r of p.rules) {
        const row = doc.split('\n').find((l) => l.startsWith(`| \`${ruleKey(r)}\` |`));
        expect(row, ruleKey(r)).toBeDefined();
        expect(row).toContain(r.citation.clause);
        expect(row).toContain(r.citation.text);
      }
    }
  });
  it('its rule table is the one scripts/docs/rules-table.ts generates (npm run docs:rules rewrites it)', () => {
    expect(withTable(doc, rulesTable())).toBe(doc);
  });
  it("its combined-profile table is the generated one, with every threshold in people's units (60 %, not 0.6)", () => {
    expect(withCombinedTable(doc, combinedTable())).toBe(doc);
    const section = doc.slice(doc.indexOf('## The combined profile'), doc.indexOf('## Rule table'));
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| requirement'));
    const threshold = (req: string) => rows.find((l) => l.startsWith(`| ${req} |`))?.split(' | ')[2];
    expect(rows.length).toBeGreaterThan(10);
    // no bare number: every threshold says its unit
    for (const r of rows) expect(r.split(' | ')[2], r).not.toMatch(/^[\d.,]+$/);
    // shares as percentages: xn.nursing 0.6 → 60 %, the lottery share 0.6 → 60 %, wy.circle 1 → 100 %
    expect(threshold('nursing.area')).toBe('≥ 60 %');
    expect(threshold('budget.lottery')).toBe('lottery share ≥ 60 %');
    expect(threshold('circle.elderly.residents')).toBe('≥ 100 % of residents');
    expect(threshold('childcare.places.area')).toBe('≥ 4.8 places per 1,000 residents');
  });
  it('the generator replaces only the combined table in its section', () => {
    const other = '# T\n\n## The combined profile\n\nintro\n\n| requirement | x |\n|---|---|\n| a | 0.6 |\n\nafter\n\n## Next\n';
    expect(withCombinedTable(other, '| requirement | x |\n|---|---|\n| a | 60 % |\n')).toBe(
      '# T\n\n## The combined profile\n\nintro\n\n| requirement | x |\n|---|---|\n| a | 60 % |\n\nafter\n\n## Next\n',
    );
  });
  it('the generator replaces only the rule table', () => {
    const other = '# T\n\n## Rule table (old)\n\nstale\n\n## Next\n\nkept\n';
    expect(withTable(other, '## Rule table\n\nnew\n\n')).toBe('# T\n\n## Rule table\n\nnew\n\n## Next\n\nkept\n');
  });
});
