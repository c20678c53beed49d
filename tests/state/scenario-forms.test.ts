// What the edit forms accept: counts are whole numbers ≥ 0, areas any number ≥ 0, a blank field
// is "unknown" (never 0); the capacity fields shown follow the facility kind.
import { describe, expect, it } from 'vitest';
import { fieldsFor, parseCount } from '../../src/ui/scenario/EditForm';

describe('edit form values', () => {
  it('blank is unknown, not zero', () => {
    expect(parseCount('', true)).toBeUndefined();
    expect(parseCount('   ', false)).toBeUndefined();
  });

  it('counts must be whole and not negative; areas may have decimals', () => {
    expect(parseCount('100', true)).toBe(100);
    expect(parseCount(' 0 ', true)).toBe(0);
    expect(parseCount('12.5', true)).toBeNaN();
    expect(parseCount('12.5', false)).toBe(12.5);
    expect(parseCount('-1', false)).toBeNaN();
    expect(parseCount('一百', true)).toBeNaN();
    expect(parseCount('1e3', true)).toBe(1000);
    expect(parseCount('Infinity', false)).toBeNaN();
  });

  it('elderly kinds ask for beds, nursing beds and floor area; childcare kinds for places; a clinic for floor area', () => {
    expect(fieldsFor('elderly_institution')).toEqual(['beds', 'nursingBeds', 'floorArea']);
    expect(fieldsFor('elderly_daycare')).toEqual(['beds', 'nursingBeds', 'floorArea']);
    expect(fieldsFor('childcare_centre')).toEqual(['places', 'floorArea']);
    expect(fieldsFor('family_childcare')).toEqual(['places', 'floorArea']);
    expect(fieldsFor('health_centre')).toEqual(['floorArea']);
  });
});
