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

  it('every task of 002 附件1 (52), 003 and 004 is a row; counts per document', () => {
    const count = (p: string) => all.filter((x) => x.profile === p).length;
    expect(all.filter((x) => x.t.clause.startsWith('附件1 第')).length).toBe(52);
    // 004: tasks 1–25, of which 4, 5, 6, 13 and 21 carry numbered targets (listed as such)
    expect(all.filter((x) => /^ca\.task\.t\d+$/.test(x.t.id)).length).toBe(20);
    expect([count('ak'), count('cf'), count('wy'), count('xn'), count('ca')]).toEqual([15, 15, 76, 51, 50]);
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
    // tasks 5 (配建, 托班), 8, 10, 12 (and 老年学校, which takes task 12's departments), 14 and 25 name 区教育局
    expect(mine.sort()).toEqual(['ca.goal.elderSchools', 'ca.task.configured', 'ca.task.kindergarten', 'ca.task.t10', 'ca.task.t12', 'ca.task.t14', 'ca.task.t25', 'ca.task.t8']);
    const t = ca.find((x) => x.id === 'ca.task.homes');
    expect(t && responsibleLabel(t)).toBe('区民政局、区卫生健康局,各街办');
    expect(mentionsDepartment(ca[0], ' ')).toBe(false);
  });
});
