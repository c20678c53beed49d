import { describe, expect, it } from 'vitest';
import { ratePerUnit } from '../../../src/core/suggest/cost';

describe('subsidy per place or bed (001 item 2)', () => {
  it('uses the rates of the text', () => {
    // 城市新建每个托位2500元、农村新建每个托位1500元，城市改扩建…1500元、农村改扩建…500元
    expect([ratePerUnit('place', 'new', false), ratePerUnit('place', 'new', true), ratePerUnit('place', 'expansion', false), ratePerUnit('place', 'expansion', true)]).toEqual([
      2500, 1500, 1500, 500,
    ]);
    // 新建每张床位…3000元；…维修改造每张床位…2000元；租赁…5年以上的每张床位…1000元
    expect([ratePerUnit('bed', 'new', false), ratePerUnit('bed', 'converted', true), ratePerUnit('bed', 'leased5y', false)]).toEqual([3000, 2000, 1000]);
  });
  it('prices what the text leaves out by the nearest mode it names', () => {
    // converting a vacant building into places is 改扩建; expanding beds is 维修改造
    expect([ratePerUnit('place', 'converted', true), ratePerUnit('place', 'leased5y', false), ratePerUnit('bed', 'expansion', false)]).toEqual([500, 1500, 2000]);
  });
});
