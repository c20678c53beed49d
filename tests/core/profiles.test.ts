// Profiles: every rule of rules.md is present with its id, citations are complete, the combined
// profile takes the strictest value of each requirement and says what it replaced.
import { describe, expect, it } from 'vitest';
import { listProfiles } from '../../src/core/evaluate';
import { PROFILES, getProfile } from '../../src/core/rules/profiles';
import { strictness } from '../../src/core/rules/profiles/combined';
import { RULE_KINDS } from '../../src/core/rules/types';

// The ids of ../shared/rules.md (copied here: tests must not read files outside the repo).
const RULES_MD: Record<string, string[]> = {
  ak: ['ak.new.floor', 'ak.new.places', 'ak.budget'],
  cf: ['cf.households', 'cf.land.since2013', 'cf.bed.area', 'cf.subsidy.beds', 'cf.subsidy.places', 'cf.subsidy.operating'],
  wy: [
    'wy.places.new',
    'wy.places.old',
    'wy.land',
    'wy.circle',
    'wy.colocate',
    'wy.city.places',
    'wy.city.beds',
    'wy.nursing',
    'wy.street.hub',
    'wy.newarea.rate',
    'wy.rural.tiers',
    'wy.budget',
    'wy.targets.2022',
  ],
  xn: [
    'xn.city.places',
    'xn.nursing',
    'xn.newarea',
    'xn.home.cover',
    'xn.every.community.childcare',
    'xn.street.centre',
    'xn.street.childcare',
    'xn.kindergarten.mix',
    'xn.social.workers',
    'xn.colocate',
    'xn.lottery',
  ],
  ca: [
    'ca.community.min',
    'ca.households',
    'ca.land',
    'ca.circle',
    'ca.city.places',
    'ca.public.beds',
    'ca.coverage.urban',
    'ca.coverage.town',
    'ca.coverage.rural',
    'ca.nursing',
    'ca.street.kindergarten',
    'ca.targets.2023',
    'ca.targets.2025',
    'ca.lottery',
  ],
};

describe('profiles', () => {
  it('each document profile holds exactly the rules of rules.md', () => {
    for (const [id, ids] of Object.entries(RULES_MD)) {
      expect([...new Set(getProfile(id)?.rules.map((r) => r.id))].sort()).toEqual([...ids].sort());
    }
  });
  it('every rule kind is used, every citation names its document, clause and words, rule keys are unique', () => {
    const kinds = new Set(PROFILES.flatMap((p) => p.rules.map((r) => r.kind)));
    expect([...kinds].sort()).toEqual([...RULE_KINDS].sort());
    for (const p of PROFILES.filter((x) => x.id !== 'combined')) {
      const keys = p.rules.map((r) => `${r.id}:${r.part ?? ''}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const r of p.rules) {
        expect(r.citation.document).toBe(p.document);
        expect(r.citation.clause.length).toBeGreaterThan(0);
        expect(r.citation.text).toMatch(/[\u4e00-\u9fff]/);
        expect(r.id.startsWith(`${p.id}.`)).toBe(true);
      }
    }
  });
  it('combined takes the strictest value per requirement and lists what it replaced', () => {
    const combined = listProfiles().find((p) => p.id === 'combined');
    const byKey = new Map(combined?.rules.map((r) => [r.key, r]));
    // whole-area places per 1000: wy 4.5, xn 4.5, ca 4.8 → ca
    expect(byKey.get('ca.city.places')?.supersedes?.sort()).toEqual(['wy.city.places', 'xn.city.places']);
    expect(byKey.has('wy.city.places')).toBe(false);
    // nursing share: wy 55 %, xn 60 %, ca 60 % → xn (first of the tie)
    expect(byKey.get('xn.nursing')?.supersedes?.sort()).toEqual(['ca.nursing:area', 'wy.nursing']);
    // lottery share: ak 60 % over wy, xn and ca 55 %
    expect(byKey.get('ak.budget:lottery')?.supersedes?.sort()).toEqual(['ca.lottery', 'wy.budget:lottery', 'xn.lottery']);
    // urban communities covered: xn 100 % over ca 90 %
    expect(byKey.get('xn.home.cover')?.supersedes).toEqual(['ca.coverage.urban']);
    // new-area pass rate: xn 100 % over wy 80 %
    expect(byKey.get('xn.newarea')?.supersedes).toEqual(['wy.newarea.rate']);
    // rules without a competitor stay
    for (const k of ['ca.community.min:elderly', 'cf.households', 'wy.colocate', 'xn.colocate', 'cf.subsidy.places']) expect(byKey.has(k)).toBe(true);
  });
  it('strictness reads the demanded number', () => {
    expect(strictness(getProfile('ca')?.rules.find((r) => r.id === 'ca.city.places') ?? PROFILES[0].rules[0])).toBe(4.8);
  });
});
