import { describe, expect, it } from 'vitest';
import { FACILITY_KINDS } from '../../../src/core/model';
import { FACILITY_DEFAULTS, newFacility } from '../../../src/core/scenario/defaults';
import { addFacility } from '../../../src/core/scenario/ops';
import { baseLayers } from './fixtures';

describe('facility defaults', () => {
  it('institutions: 60 % nursing beds and 30 m² per bed', () => {
    // 100 beds × 0.6 = 60 nursing; 100 × 30 m² = 3000 m². 30 beds × 0.6 = 18; 30 × 30 = 900 m²
    expect(FACILITY_DEFAULTS.elderly_institution).toEqual({ beds: 100, nursingBeds: 60, floorArea: 3000, inclusive: true });
    expect(FACILITY_DEFAULTS.elderly_township_centre).toEqual({ beds: 30, nursingBeds: 18, floorArea: 900, inclusive: true });
  });

  it('every kind makes a facility that addFacility accepts', () => {
    for (const kind of FACILITY_KINDS) {
      const f = newFacility(kind, `新${kind}`, [108.95, 34.15], {}, `id-${kind}`);
      expect(addFacility(baseLayers(), { facility: f }).ok).toBe(true);
    }
  });

  it('overrides win over defaults', () => {
    const f = newFacility('childcare_centre', '阳光托育', [108.95, 34.15], { places: 60, inclusive: false }, 'x');
    expect([f.places, f.floorArea, f.inclusive, f.id]).toEqual([60, 200, false, 'x']);
  });
});
