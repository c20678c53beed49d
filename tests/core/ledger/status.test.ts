// Ledger values and status: computed targets read the rule results they link to (checked on a
// hand-made area whose answers are worked out below), entered values stand in their year.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/evaluate';
import type { LedgerEntry, LedgerTarget } from '../../../src/core/ledger';
import { entryFor, ledgerRows, linkedValue, statusOf } from '../../../src/core/ledger/status';
import type { RuleResult } from '../../../src/core/model';
import { community, facility, layers, point, rect } from '../fixtures';

// Three new communities of the 安康 profile (0.1 m² elderly floor per resident, 10 places per 1000):
//   A 1000 residents, 200 m², 20 places → 0.2 m², 20 ‰: passes both
//   B 1000 residents,  50 m², 20 places → 0.05 m²: fails floor
//   C 2000 residents, 300 m², 10 places → 0.15 m², 5 ‰: fails places
// → share of new communities built to the standard = 1/3. Budget 10 M + 6 M = 1600 万元 ≥ 1500;
// lottery share 50 % < 60 %.
function akArea() {
  const box = (i: number) => rect(i * 1000, 0, i * 1000 + 100, 100);
  const at = (i: number) => point(i * 1000 + 50, 50);
  return layers({
    communities: [
      community('A', { population: 1000, geometry: box(0) }),
      community('B', { population: 1000, geometry: box(1) }),
      community('C', { population: 2000, geometry: box(2) }),
    ],
    facilities: [
      facility('eA', 'elderly_daycare', { floorArea: 200, geometry: at(0) }),
      facility('cA', 'childcare_centre', { places: 20, geometry: at(0) }),
      facility('eB', 'elderly_daycare', { floorArea: 50, geometry: at(1) }),
      facility('cB', 'childcare_centre', { places: 20, geometry: at(1) }),
      facility('eC', 'elderly_daycare', { floorArea: 300, geometry: at(2) }),
      facility('cC', 'childcare_centre', { places: 10, geometry: at(2) }),
    ],
    area: { budgetElderly: 10_000_000, budgetChildcare: 6_000_000, lotteryShare: 0.5 },
  });
}

const T = (over: Partial<LedgerTarget>): LedgerTarget => ({
  id: 'x',
  category: 'c',
  element: 'e',
  measures: '',
  target: 't',
  comparison: 'atLeast',
  from: 2021,
  due: 2025,
  responsible: 'r',
  clause: '1',
  quote: 'q',
  ...over,
});

describe('computed targets', () => {
  const ev = evaluate(akArea(), { profile: 'ak', params: { year: 2024 } });
  const rows = ledgerRows('ak', ev.results, [], 2024);
  const row = (id: string) => rows.find((r) => r.target.id === id);

  it('equal the values worked out by hand', () => {
    expect(row('ak.site.new')?.value).toBeCloseTo(1 / 3, 12);
    expect(row('ak.site.new')?.source).toBe('computed');
    expect(row('ak.site.new')?.status).toBe('notDue'); // a share, due 2025
    expect(row('ak.funds.city')?.value).toBeCloseTo(1600, 9);
    expect(row('ak.funds.city')?.status).toBe('reached');
    expect(row('ak.funds.lottery')?.value).toBeCloseTo(0.5, 12);
    expect(row('ak.funds.lottery')?.status).toBe('behind'); // every year
  });

  it('equal the rule results they link to', () => {
    const area = (key: string) => ev.results.find((r) => r.unit.level === 'area' && `${r.rule}${r.part ? `:${r.part}` : ''}` === key);
    expect(row('ak.funds.city')?.value).toBe((area('ak.budget:total')?.value ?? NaN) * 1e-4);
    expect(row('ak.funds.lottery')?.value).toBe(area('ak.budget:lottery')?.value);
    // share: communities whose on-site results of both rules pass
    const onsite = ev.results.filter((r) => r.unit.level === 'community' && r.view === 'onsite');
    const ids = [...new Set(onsite.map((r) => r.unit.id))];
    const passing = ids.filter((id) => onsite.filter((r) => r.unit.id === id).every((r) => r.status === 'pass'));
    expect(passing).toEqual(['A']);
    expect(row('ak.site.new')?.value).toBe(passing.length / ids.length);
  });

  it('a unit with an n/a and no fail is left out of the share', () => {
    const r = (unit: string, rule: string, status: RuleResult['status']): RuleResult => ({
      rule,
      unit: { level: 'street', id: unit },
      value: null,
      threshold: 1,
      measure: '',
      status,
      shortfall: null,
      citation: { document: 'd', clause: 'c', text: 't' },
    });
    const v = linkedValue({ kind: 'share', rules: ['p', 'q'], level: 'street' }, [
      r('s1', 'p', 'pass'),
      r('s1', 'q', 'pass'),
      r('s2', 'p', 'pass'),
      r('s2', 'q', 'na'),
      r('s3', 'p', 'fail'),
      r('s3', 'q', 'na'),
      r('s3', 'z', 'pass'),
    ]);
    expect(v).toEqual({ value: 0.5, results: 6, unknown: 1 });
  });

  it('an entry fills a linked target only where the map has no value', () => {
    const entries: LedgerEntry[] = [{ target: 'ak.funds.city', year: 2024, value: 1, by: 'b', at: '2024-01-01' }];
    expect(ledgerRows('ak', ev.results, entries, 2024).find((r) => r.target.id === 'ak.funds.city')?.value).toBeCloseTo(1600, 9);
    const noBudget = evaluate(layers({ ...akArea(), area: {} }), { profile: 'ak', params: { year: 2024 } });
    const r = ledgerRows('ak', noBudget.results, entries, 2024).find((x) => x.target.id === 'ak.funds.city');
    expect([r?.value, r?.source, r?.status]).toEqual([1, 'entered', 'behind']);
  });
});

describe('status', () => {
  it('follows the period, the pace and the kind of target', () => {
    const trained = T({ number: 5000, cumulative: true }); // 2021–2025: 1000 a year at an even pace
    expect(statusOf(trained, null, undefined, 2023).status).toBe('noData');
    expect(statusOf(trained, 3000, undefined, 2023)).toEqual({ status: 'onTrack', expected: 3000 });
    expect(statusOf(trained, 2999, undefined, 2023)).toEqual({ status: 'behind', expected: 3000 });
    expect(statusOf(trained, 5000, undefined, 2023).status).toBe('reached');
    expect(statusOf(trained, 4999, undefined, 2025).status).toBe('behind');
    expect(statusOf(T({ from: 2022, due: 2022, number: 1 }), 1, undefined, 2021).status).toBe('notDue');
    expect(statusOf(T({ number: 0.6, unit: '%' }), 0.5, undefined, 2024).status).toBe('notDue');
    expect(statusOf(T({ number: 0.6, unit: '%' }), 0.5, undefined, 2025).status).toBe('behind');
    expect(statusOf(T({ number: 0.7, comparison: 'atMost' }), 0.65, undefined, 2025).status).toBe('reached');
    expect(statusOf(T({ number: 0.7, comparison: 'atMost' }), 0.75, undefined, 2025).status).toBe('behind');
    expect(statusOf(T({ number: 1000, annual: true }), 900, undefined, 2022).status).toBe('behind');
    const words = T({ comparison: 'done' });
    expect(statusOf(words, null, true, 2022).status).toBe('reached');
    expect(statusOf(words, null, false, 2022).status).toBe('onTrack');
    expect(statusOf(words, null, false, 2025).status).toBe('behind');
    expect(statusOf(words, null, undefined, 2025).status).toBe('noData');
  });

  it('an entry stands in its year and later ones, the latest first', () => {
    const e = (year: number, value: number, at: string): LedgerEntry => ({ target: 't', year, value, by: 'b', at });
    const list = [e(2022, 1, '2022-05-01'), e(2023, 2, '2023-05-01'), e(2023, 3, '2023-06-01'), e(2025, 9, '2025-01-01')];
    expect(entryFor(list, 't', 2021)).toBeUndefined();
    expect(entryFor(list, 't', 2022)?.value).toBe(1);
    expect(entryFor(list, 't', 2024)?.value).toBe(3);
    expect(entryFor(list, 'u', 2025)).toBeUndefined();
    const rows = ledgerRows('ak', [], [{ target: 'ak.talent.elderly', year: 2022, value: 1500, by: '市人社局 王', at: '2022-12-01' }], 2023);
    const r = rows.find((x) => x.target.id === 'ak.talent.elderly');
    expect([r?.value, r?.source, r?.carried, r?.status, r?.entry?.by]).toEqual([1500, 'entered', true, 'behind', '市人社局 王']);
  });
});

describe('every computed target of every profile', () => {
  it('equals the rule results it links to (data/sample, each profile)', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseProject } = await import('../../../src/schemas');
    const { LEDGERS } = await import('../../../src/core/ledger');
    const loaded = parseProject(readFileSync('data/sample/project.json', 'utf8'), 'sample');
    if (!loaded.ok) throw new Error('sample');
    let checked = 0;
    for (const l of LEDGERS) {
      const ev = evaluate(loaded.project, { profile: l.profile });
      const rows = ledgerRows(l.profile, ev.results, [], ev.params.year);
      const key = (r: RuleResult) => (r.part ? `${r.rule}:${r.part}` : r.rule);
      for (const row of rows.filter((r) => r.target.link)) {
        const link = row.target.link;
        if (!link) continue;
        let want: number | null;
        if (link.kind === 'result') {
          const r = ev.results.filter((x) => x.unit.level === 'area' && key(x) === link.rule);
          expect(r.length, `${row.target.id}: one area result`).toBeLessThanOrEqual(1);
          want = r[0]?.value == null ? null : r[0].value * (link.scale ?? 1);
        } else {
          // per unit: fail if any listed result fails, unknown if any is n/a, else pass
          const units = new Map<string, string[]>();
          for (const r of ev.results)
            if (r.unit.level === link.level && link.rules.includes(key(r)) && r.view !== 'catchment') units.set(r.unit.id, [...(units.get(r.unit.id) ?? []), r.status]);
          const verdicts = [...units.values()].map((s) => (s.includes('fail') ? 'fail' : s.includes('na') ? 'na' : 'pass'));
          const judged = verdicts.filter((v) => v !== 'na');
          want = judged.length ? judged.filter((v) => v === 'pass').length / judged.length : null;
        }
        expect(row.value, row.target.id).toBe(want);
        if (want !== null) checked++;
      }
    }
    // the sample has the figures every one of the 43 links needs (budgets, shares, counts, baseline)
    expect(checked).toBe(LEDGERS.flatMap((l) => l.targets).filter((t) => t.link).length);
    expect(checked).toBe(43);
  });
});
