// Facility-kind groups the profiles share, with the reading of the documents' words.
import type { FacilityKind } from '../../model';
import { CHILDCARE_KINDS, ELDERLY_KINDS } from '../../model';

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
