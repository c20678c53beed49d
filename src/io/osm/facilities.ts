// OpenStreetMap tags → facility kinds of this app. Only tags that say what the place does are
// trusted; a Chinese name settles the cases the tags leave open (a social_facility for seniors
// named 日间照料中心 is a day-care centre). Anything care-related that cannot be placed in a kind is
// returned as unmapped, with the reason, so a planner can look at it instead of losing it.
import type { FacilityKind } from '../../core/model';
import type { Tags } from './data';

export type Mapping = { kind: FacilityKind; by: 'tags' | 'name' } | { unmapped: string };

const SENIOR = new Set(['senior', 'seniors', 'elderly', 'aged', 'old_age']);
const CHILD = new Set(['child', 'children', 'toddler', 'infant']);

/** Chinese name patterns, checked in order (more specific first) */
const NAME_HINTS: [RegExp, FacilityKind][] = [
  [/日间照料|日托中心|老年日间/, 'elderly_daycare'],
  [/养老服务综合体|综合养老服务|养老服务中心/, 'elderly_complex'],
  [/敬老院|区域性养老/, 'elderly_township_centre'],
  [/养老院|老年公寓|护理院|福利院|颐养/, 'elderly_institution'],
  [/互助养老|幸福院|养老服务点|老年活动站/, 'elderly_rural_point'],
  [/托育|托儿所|婴幼儿照护/, 'childcare_centre'],
  [/社区卫生服务/, 'health_centre'],
];

/** Is this feature about care at all? (Keeps shops, schools etc. out of the unmapped list.) */
export function isCareRelated(tags: Tags): boolean {
  const a = tags.amenity;
  return (
    a === 'nursing_home' ||
    a === 'social_facility' ||
    a === 'childcare' ||
    a === 'kindergarten' ||
    a === 'clinic' ||
    a === 'doctors' ||
    a === 'hospital' ||
    tags.social_facility !== undefined ||
    tags.healthcare !== undefined ||
    NAME_HINTS.some(([re]) => re.test(nameOf(tags)))
  );
}

export function nameOf(tags: Tags): string {
  return tags['name:zh'] ?? tags['name:zh-Hans'] ?? tags.name ?? '';
}

function byName(tags: Tags, allowed: (k: FacilityKind) => boolean): FacilityKind | undefined {
  const n = nameOf(tags);
  return NAME_HINTS.find(([re, k]) => allowed(k) && re.test(n))?.[1];
}

const isElderly = (k: FacilityKind): boolean => k.startsWith('elderly_');

export function mapFacility(tags: Tags): Mapping {
  const a = tags.amenity;
  const sf = tags.social_facility;
  const forWhom = (tags['social_facility:for'] ?? '').split(';').map((s) => s.trim());
  const senior = forWhom.some((f) => SENIOR.has(f));
  const child = forWhom.some((f) => CHILD.has(f));

  if (a === 'nursing_home' || (senior && (sf === 'nursing_home' || sf === 'assisted_living' || sf === 'group_home'))) {
    // a 敬老院 / 日间照料 name refines the generic institution
    return { kind: byName(tags, isElderly) ?? 'elderly_institution', by: 'tags' };
  }
  if (senior && sf === 'day_care') return { kind: 'elderly_daycare', by: 'tags' };
  if (child && sf === 'day_care') return { kind: 'childcare_centre', by: 'tags' };
  if (a === 'childcare') return { kind: 'childcare_centre', by: 'tags' };
  if (a === 'kindergarten') {
    // 幼儿园 serve ages 3–6; only one that says it takes under-3s (托班) counts as childcare
    const minAge = Number(tags.min_age);
    if ((Number.isFinite(minAge) && minAge < 3) || /托班|托幼/.test(nameOf(tags))) return { kind: 'kindergarten_nursery', by: Number.isFinite(minAge) ? 'tags' : 'name' };
    return { unmapped: 'kindergarten_no_under3' };
  }
  if (tags.healthcare === 'centre' || a === 'clinic' || tags.healthcare === 'clinic') return { kind: 'health_centre', by: 'tags' };
  if (a === 'social_facility' || sf !== undefined) {
    const k = byName(tags, (x) => (senior ? isElderly(x) : child ? x === 'childcare_centre' : true));
    if (k) return { kind: k, by: 'name' };
    return { unmapped: senior ? 'social_facility_senior_other' : child ? 'social_facility_child_other' : 'social_facility_unknown_for' };
  }
  const k = byName(tags, () => true);
  if (k) return { kind: k, by: 'name' };
  if (a === 'hospital') return { unmapped: 'hospital' };
  if (a === 'doctors') return { unmapped: 'doctors' };
  return { unmapped: 'other_care' };
}

/** Capacity tag → the field it fills for a kind (beds for elderly care, places for childcare). */
export function capacityField(kind: FacilityKind): 'beds' | 'places' | null {
  if (kind === 'elderly_institution' || kind === 'elderly_township_centre' || kind === 'elderly_complex') return 'beds';
  if (kind === 'childcare_centre' || kind === 'kindergarten_nursery' || kind === 'family_childcare') return 'places';
  return null;
}
