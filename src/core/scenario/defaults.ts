// Starting values for the add-facility form, per kind. They are suggestions to edit, not policy;
// where a seed document gives a figure the value follows it (source in the comment), elsewhere a
// plain small unit is used and said so.
import type { Facility, FacilityKind } from '../model';
import { newId } from './ids';

export type FacilityDefaults = Pick<Facility, 'beds' | 'nursingBeds' | 'places' | 'floorArea' | 'inclusive'>;

/** m² per bed including shared space (cf.bed.area, 001 item 2: 每张床位（含公共设施30平方米）) */
const M2_PER_BED = 30;
/** nursing share that meets the strictest nursing rule (xn.nursing, ca.nursing: 60 %) */
const NURSING_SHARE = 0.6;

function beds(n: number): FacilityDefaults {
  return { beds: n, nursingBeds: Math.round(n * NURSING_SHARE), floorArea: n * M2_PER_BED, inclusive: true };
}

export const FACILITY_DEFAULTS: Readonly<Record<FacilityKind, FacilityDefaults>> = {
  // a mid-sized institution; 60 nursing beds, 100 × 30 = 3000 m²
  elderly_institution: beds(100),
  // a township centre; 18 nursing beds, 30 × 30 = 900 m²
  elderly_township_centre: beds(30),
  // ca.community.min (004 二(二)5): 每个社区至少配建一所300平方米的养老服务机构; day services, no beds
  elderly_complex: { beds: 0, floorArea: 300, inclusive: true },
  elderly_daycare: { beds: 0, floorArea: 300, inclusive: true },
  // no figure in the documents: a small village point
  elderly_rural_point: { beds: 0, floorArea: 100, inclusive: true },
  // ca.community.min: 200平方米的托育机构; 20 places = the need of 2000 residents at 10 per 1000 (wy.places.new)
  childcare_centre: { places: 20, floorArea: 200, inclusive: true },
  // one under-3 class of 20 (no figure in the documents)
  kindergarten_nursery: { places: 20, inclusive: true },
  // no figure in the documents: a home-based point of a few children
  family_childcare: { places: 5, inclusive: true },
  health_centre: {},
};

/** A new point facility with the defaults of its kind, ready for addFacility. */
export function newFacility(kind: FacilityKind, name: string, at: [number, number], over: Partial<Facility> = {}, id = newId('facility')): Facility {
  return { id, name, kind, ...FACILITY_DEFAULTS[kind], geometry: { type: 'Point', coordinates: [at[0], at[1]] }, extra: {}, ...over };
}
