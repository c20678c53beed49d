// Missing or contradictory data is reported per unit and never crashes the run.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate';
import { resolveParams } from '../../src/core/params';
import { buildContext } from '../../src/core/rules/context';
import { tm } from '../../src/i18n';
import { community, facility, layers, point, rect, street } from './fixtures';

describe('data issues', () => {
  const data = layers({
    streets: [street('S1', 'street', rect(0, 0, 1000, 1000))],
    communities: [
      community('A', { population: -5, street: 'S1' }),
      community('B', { population: 100, elderly: 150, infants: 200, street: 'NOPE', geometry: rect(200, 200, 300, 300) }),
      community('A', { population: 10, geometry: rect(400, 400, 500, 500) }),
      community('Lost', { population: 10, geometry: rect(5000, 5000, 5100, 5100) }),
    ],
    facilities: [
      facility('F', 'elderly_institution', { beds: 10, nursingBeds: 12, geometry: point(50, 50) }),
      facility('Out', 'elderly_daycare', { floorArea: -1, geometry: point(9000, 9000) }),
      facility('L', 'childcare_centre', { places: 5, geometry: point(600, 600), extra: { community: 'ZZZ' } }),
    ],
  });
  const ev = evaluate(data, { profile: 'combined' });
  const keys = ev.issues.map((i) => `${i.id}|${i.field ?? ''}|${i.msg.key}`);
  it('each kind of problem is named with the unit and field', () => {
    expect(keys).toEqual(
      expect.arrayContaining([
        'A|id|issue.duplicateId',
        'A|population|issue.negative',
        'B|elderly|issue.elderlyOverPopulation',
        'B|infants|issue.infantsOverPopulation',
        'B|street|issue.unknownStreet',
        'Lost|street|issue.noStreet',
        'F|nursingBeds|issue.nursingOverBeds',
        'Out|floorArea|issue.negative',
        'Out||issue.facilityOutsideStreets',
        'L|community|issue.unknownCommunityLink',
      ]),
    );
    expect(tm('zh', ev.issues.find((i) => i.msg.key === 'issue.nursingOverBeds')?.msg ?? { key: '' })).toBe('F：护理型床位 12 多于总床位 10，护理型床位按缺失处理。');
    // positions are those of the input layer, also after the duplicate was left out: Lost is the 4th (index 3)
    expect(ev.issues.find((i) => i.id === 'Lost' && i.msg.key === 'issue.noStreet')?.index).toBe(3);
    // the duplicate is the 3rd community (index 2), the original the 1st
    expect(tm('zh', ev.issues.find((i) => i.msg.key === 'issue.duplicateId')?.msg ?? { key: '' })).toBe('A：编号重复（第 1 个与第 3 个要素），后者未参与计算。');
  });
  it('the impossible values are then unknown: A (negative population) gets n/a, not a pass or a zero', () => {
    // combined keeps ak.new.places for "10 places per 1000 in new communities" (tie with wy.places.new, first document wins)
    const a = ev.results.filter((r) => r.rule === 'ak.new.places' && r.unit.id === 'A' && r.view === 'onsite');
    expect(a).toHaveLength(1);
    expect(a[0].status).toBe('na');
  });
  it('the rule engine copies only the communities it changes: A’s copy holds no population and B’s no elderly or infants, the file’s records untouched; Lost is used as it is', () => {
    const ctx = buildContext(data, resolveParams({}));
    const [a, b, lost] = ctx.communities;
    expect(ctx.communities).toHaveLength(3); // the duplicate A left out
    expect(a).not.toBe(data.communities[0]);
    expect(a.population).toBeUndefined();
    expect(data.communities[0].population).toBe(-5);
    expect(b).not.toBe(data.communities[1]);
    expect([b.elderly, b.infants, b.population]).toEqual([undefined, undefined, 100]);
    expect([data.communities[1].elderly, data.communities[1].infants]).toEqual([150, 200]);
    expect(lost).toBe(data.communities[3]);
  });
  it('B, whose street id is unknown, is still placed by its location (inside S1)', () => {
    const s1 = ev.results.find((r) => r.rule === 'wy.circle' && r.unit.level === 'street' && r.unit.id === 'S1');
    expect(s1).toBeDefined();
  });
  it('an empty project evaluates without throwing: nothing passes; area targets fail (0 of 3000 beds …), the rest n/a', () => {
    const empty = evaluate(layers({}), { profile: 'combined' });
    expect(empty.results.some((r) => r.status === 'pass')).toBe(false);
    expect(empty.results.filter((r) => r.status === 'fail').every((r) => r.unit.level === 'area')).toBe(true);
    expect(empty.results.find((r) => r.rule === 'wy.city.beds')).toMatchObject({ status: 'fail', value: 0, shortfall: 3000 });
  });
  it('an unknown profile is a programming error that says which profiles exist', () => {
    expect(() => evaluate(layers({}), { profile: 'nope' })).toThrow(/ak, cf, wy, xn, ca, combined/);
  });
});
