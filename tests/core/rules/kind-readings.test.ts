// Every rule's kind list is the one docs/rules.md's reading of its words gives (the "Kinds" table):
// a rule whose kinds drift from the reading (ca.public.beds summed every elderly kind although its
// words are 公办养老机构床位) fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../../src/core/rules/profiles';
import { ruleKey, type Rule } from '../../../src/core/rules/types';

function kindList(r: Rule): readonly string[] | undefined {
  const p = r.params as { supply?: { kinds: readonly string[] }; kinds?: readonly string[] | string };
  const k = p.supply?.kinds ?? p.kinds;
  return Array.isArray(k) ? k : undefined; // circle rules take theirs from the parameters
}

const doc = readFileSync('docs/rules.md', 'utf8');
const table = doc
  .split('\n')
  .filter((l) => /^\s+\| .+ \| `[a-z_]+`.* \| `[a-z]/.test(l))
  .map((l) => {
    const cells = l.trim().split(' | ');
    const codes = (c: string) => [...c.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    return { words: cells[0].replace(/^\| /, ''), kinds: codes(cells[1]).sort(), rules: codes(cells[2]) };
  });

describe('kind lists = the readings table of docs/rules.md', () => {
  const rules = PROFILES.filter((p) => p.id !== 'combined').flatMap((p) => p.rules.filter((r) => kindList(r)));
  it('the table is there (13 readings)', () => {
    expect(table.length).toBe(13);
  });
  it('every rule with a kind list is read in exactly one row', () => {
    const listed = table.flatMap((t) => t.rules);
    expect([...listed].sort()).toEqual(rules.map(ruleKey).sort());
  });
  for (const r of rules) {
    it(`${ruleKey(r)}: its kinds are those of its words`, () => {
      const row = table.find((t) => t.rules.includes(ruleKey(r)));
      expect([...(kindList(r) ?? [])].sort(), row?.words).toEqual(row?.kinds);
    });
  }
});
