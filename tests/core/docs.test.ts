// docs/rules.md must not drift from the profiles: every rule key, its clause and its words appear.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/core/rules/profiles';
import { ruleKey } from '../../src/core/rules/types';

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
});
