// The site as the rule engine sees it: a community of type 'new' and the plan's own provision as
// facilities placed inside it and linked to it (配建). No rule is re-implemented here.
import { representativePoint } from '../geo';
import type { Community, Facility, Street } from '../model';
import type { DerivedFigures, SiteFigures } from './figures';
import type { SiteArea } from './geometry';

export interface SiteInput {
  id?: string;
  name?: string;
  geometry: SiteArea;
  figures: SiteFigures;
  /** where the outline came from (file name, or "drawn") — printed in the report */
  source?: string;
}

/** Planned elderly-care space counts as a 日间照料中心 (社区居家养老服务中心): the usual 配建 facility of a new
 *  estate; it is an 养老服务机构 for ca.community.min and in the elderly circle. Childcare as a 托育机构. */
export const PLANNED_KINDS = { elderly: 'elderly_daycare', childcare: 'childcare_centre' } as const;

/** An id that no existing community uses. */
export function siteId(wanted: string | undefined, taken: ReadonlySet<string>): string {
  let id = wanted && wanted.trim() !== '' ? wanted.trim() : 'site';
  while (taken.has(id)) id = `site:${id}`;
  return id;
}

export function siteCommunity(id: string, input: SiteInput, derived: DerivedFigures): Community {
  return {
    id,
    name: input.name ?? id,
    type: 'new',
    ...(input.figures.year !== undefined ? { builtYear: input.figures.year } : {}),
    ...(derived.population.value !== undefined ? { population: derived.population.value } : {}),
    ...(input.figures.households !== undefined ? { households: input.figures.households } : {}),
    ...(derived.elderly.value !== undefined ? { elderly: derived.elderly.value } : {}),
    ...(derived.infants.value !== undefined ? { infants: derived.infants.value } : {}),
    geometry: input.geometry,
    extra: { site: true },
  };
}

/** One facility per kind of planned provision that has any figure; none when the plan gives nothing. */
export function plannedFacilities(id: string, input: SiteInput): Facility[] {
  const f = input.figures;
  const at = representativePoint(input.geometry);
  const out: Facility[] = [];
  const point = { type: 'Point' as const, coordinates: at };
  if (f.elderlyFloorArea !== undefined || f.elderlyLand !== undefined) {
    out.push({
      id: `${id}:elderly`,
      name: `${input.name ?? id}（规划养老服务用房）`,
      kind: PLANNED_KINDS.elderly,
      // the plan's beds are what it states: none unless entered (otherwise every bed total of the
      // area would turn into a lower bound the moment the site is added)
      beds: f.elderlyBeds ?? 0,
      nursingBeds: 0,
      // a plan provides rooms, not staff: the form never asks for social workers, so the plan brings
      // none (unknown would turn xn.social.workers for the whole area into "cannot assess")
      socialWorkers: 0,
      ...(f.elderlyFloorArea !== undefined ? { floorArea: f.elderlyFloorArea } : {}),
      ...(f.elderlyLand !== undefined ? { landArea: f.elderlyLand } : {}),
      geometry: point,
      extra: { community: id, planned: true },
    });
  }
  if (f.childcarePlaces !== undefined || f.childcareFloorArea !== undefined) {
    out.push({
      id: `${id}:childcare`,
      name: `${input.name ?? id}（规划托育用房）`,
      kind: PLANNED_KINDS.childcare,
      ...(f.childcarePlaces !== undefined ? { places: f.childcarePlaces } : {}),
      ...(f.childcareFloorArea !== undefined ? { floorArea: f.childcareFloorArea } : {}),
      geometry: point,
      extra: { community: id, planned: true },
    });
  }
  return out;
}

/** The site as its own planning unit, so the 分区分级 land rules (wy.land, ca.land: street/area level)
 *  can be read for the site alone. */
export function siteUnit(id: string, input: SiteInput): Street {
  return { id: `${id}:unit`, name: input.name ?? id, type: 'street', geometry: input.geometry, extra: { site: true } };
}
