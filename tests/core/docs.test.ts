// docs/rules.md must not drift from the profiles: every rule key, its clause and its words appear.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/core/rules/profiles';
import { ruleKey } from '../../src/core/rules/types';
import { rulesTable, withTable } from '../../scripts/docs/rules-table';

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
  it('the generator replaces only the rule table', () => {
    const other = '# T\n\n## Rule table (old)\n\nstale\n\n## Next\n\nkept\n';
    expect(withTable(other, '## Rule table\n\nnew\n\n')).toBe('# T\n\n## Rule table\n\nnew\n\n## Next\n\nkept\n');
  });
});
