// Facility-kind groups the profiles share, with the reading of the documents' words.
import type { CommunityType, FacilityKind } from '../../model';
import { CHILDCARE_KINDS, ELDERLY_KINDS } from '../../model';
import type { RatioRule } from '../types';

/** 养老服务设施 / 养老用房 / 养老服务用房: every elderly-care kind */
export const ELDERLY: readonly FacilityKind[] = ELDERLY_KINDS;
/** 养老服务机构 (a staffed facility; a village mutual-aid point is not one) */
export const ELDERLY_SERVICE: readonly FacilityKind[] = ['elderly_institution', 'elderly_township_centre', 'elderly_complex', 'elderly_daycare'];
/** 养老机构 (residential, with beds): the base of nursing-bed shares */
export const INSTITUTIONS: readonly FacilityKind[] = ['elderly_institution', 'elderly_township_centre'];
/** 社区养老服务 (community-level): complex and day-care centre */
export const COMMUNITY_ELDERLY: readonly FacilityKind[] = ['elderly_complex', 'elderly_daycare'];
/** 托位 are offered by every childcare kind */
export const CHILDCARE: readonly FacilityKind[] = CHILDCARE_KINDS;
/** 托育机构 (an institution; a family childcare point is not one) */
export const CHILDCARE_INSTITUTIONS: readonly FacilityKind[] = ['childcare_centre', 'kindergarten_nursery'];
export const HEALTH: readonly FacilityKind[] = ['health_centre'];
export const URBAN = ['new', 'built'] as const;

/** 每千人口托位数: childcare places per 1000 residents. With `types` it is a community rule over the
 *  communities of those types, counting the places in their catchment; without, a street/area total. */
export function placesPer1000(min: number, types?: CommunityType[]): RatioRule['params'] {
  return {
    supply: { kinds: CHILDCARE, field: 'places' },
    demand: 'population',
    per: 1000,
    min,
    ...(types ? { scope: { types }, catchment: true } : {}),
    measure: 'places_per_1000',
    rounding: 'whole',
  };
}
