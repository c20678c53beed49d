// The ledger data: every target of every document, quoted exactly, with its 责任单位 as written;
// links point at rules of the same profile.
import { describe, expect, it } from 'vitest';
import { LEDGERS, ledgerTargets, mentionsDepartment, responsibleLabel } from '../../../src/core/ledger';
import { getProfile } from '../../../src/core/rules/profiles';
import { ruleKey } from '../../../src/core/rules/types';
import { seedText, seedsPresent } from '../seeds';
import { QUOTES } from './quotes';

const all = LEDGERS.flatMap((l) => l.targets.map((t) => ({ profile: l.profile, t })));

describe('ledger data', () => {
  it('covers the five documents; ids are unique and start with the profile id', () => {
    expect(LEDGERS.map((l) => l.profile)).toEqual(['ak', 'cf', 'wy', 'xn', 'ca']);
    const ids = all.map((x) => x.t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { profile, t } of all) expect(t.id.startsWith(`${profile}.`)).toBe(true);
    expect(ledgerTargets('combined').length).toBe(all.length);
  });

  it('keeps the quotes and 责任单位 the tests hold a copy of', () => {
    expect(Object.keys(QUOTES).sort()).toEqual(all.map((x) => x.t.id).sort());
    for (const { t } of all) expect({ quote: t.quote, responsible: t.responsible }, t.id).toEqual(QUOTES[t.id]);
  });

  it.runIf(seedsPresent())('every quote and 责任单位 is an exact substring of its document', () => {
    for (const l of LEDGERS) {
      const text = seedText(l.profile);
      expect(text, l.profile).not.toBeNull();
      for (const t of l.targets) {
        expect(text?.includes(QUOTES[t.id].quote), `${t.id} quote 「${t.quote}」`).toBe(true);
        expect(text?.includes(QUOTES[t.id].responsible), `${t.id} 责任单位 「${t.responsible}」`).toBe(true);
      }
    }
  });

  it('every row is complete: category, element, target, period; numbers with a unit unless a target in words', () => {
    for (const { t } of all) {
      for (const f of [t.category, t.element, t.target, t.responsible, t.clause, t.quote]) expect(f.trim().length, t.id).toBeGreaterThan(0);
      expect(t.from, t.id).toBeLessThanOrEqual(t.due);
      if (t.comparison === 'done') expect(t.number, t.id).toBeUndefined();
      else {
        expect(t.number, t.id).toBeTypeOf('number');
        expect(t.unit, t.id).toBeTruthy();
      }
      if (t.unit === '%') expect(t.number, `${t.id}: shares are fractions`).toBeLessThanOrEqual(1.5);
    }
  });

  it('links name rules of the same profile', () => {
    for (const { profile, t } of all.filter((x) => x.t.link)) {
      const keys = new Set(getProfile(profile)?.rules.map((r) => ruleKey(r)));
      const link = t.link;
      const wanted = link?.kind === 'result' ? [link.rule] : (link?.rules ?? []);
      for (const k of wanted) expect(keys.has(k), `${t.id} → ${k}`).toBe(true);
    }
  });

  it('the training targets of 000, 001 and 002 are there with their numbers', () => {
    const n = (id: string) => all.find((x) => x.t.id === id)?.t.number;
    expect([n('ak.talent.elderly'), n('ak.talent.childcare'), n('ak.talent.heads')]).toEqual([5000, 5000, 150]);
    expect([n('cf.talent.heads'), n('cf.talent.carers'), n('cf.talent.childcare')]).toEqual([750, 2500, 3000]);
    expect(n('wy.list.training')).toBe(600);
  });

  it('a department filter finds its rows by part of the name; labels lose the brackets', () => {
    const ca = LEDGERS.find((l) => l.profile === 'ca')?.targets ?? [];
    const mine = ca.filter((t) => mentionsDepartment(t, '区教育局')).map((t) => t.id);
    // 二(二)5 (配建, 托班) and 二(三)12 (老年学校) name 区教育局
    expect(mine.sort()).toEqual(['ca.goal.elderSchools', 'ca.task.configured', 'ca.task.kindergarten']);
    const t = ca.find((x) => x.id === 'ca.task.homes');
    expect(t && responsibleLabel(t)).toBe('区民政局、区卫生健康局,各街办');
    expect(mentionsDepartment(ca[0], ' ')).toBe(false);
  });
});
