// Rules are data: {id, kind, params, levels, citation, name}. One evaluator per kind reads them.
// `part` splits a clause that states several numbers (ca.community.min: 300 m² elderly AND 200 m²
// childcare) into separately reported checks under the same rule id.
import type { Citation, CommunityType, FacilityKind, Level, Ownership, StreetType } from '../model';

export type RuleKind = 'ratio' | 'min_size' | 'presence' | 'coverage' | 'composition' | 'adjacency' | 'target' | 'cost';
export const RULE_KINDS: readonly RuleKind[] = ['ratio', 'min_size', 'presence', 'coverage', 'composition', 'adjacency', 'target', 'cost'];

export interface Name {
  zh: string;
  en: string;
}

/** Which communities a rule applies to. A community whose builtYear is needed but missing gets `na`. */
export interface Scope {
  types?: CommunityType[];
  builtFrom?: number;
}

export type SupplyField = 'places' | 'floorArea' | 'landArea' | 'beds' | 'socialWorkers';

export interface Supply {
  kinds: readonly FacilityKind[];
  field: SupplyField;
  ownership?: Ownership[];
  /** cf.bed.area: m² of floor area per bed, used where a facility has beds but no floorArea */
  bedArea?: number;
}

export type CommunityDemand = 'population' | 'households' | 'elderly';

interface Base {
  id: string;
  part?: string;
  name: Name;
  citation: Citation;
  levels: Level[];
  /** rules with the same requirement key compete in the combined profile: the strictest wins */
  requirement?: string;
}

export interface RatioRule extends Base {
  kind: 'ratio';
  params: {
    supply: Supply;
    /** community field, or 'beds' = beds of the supply kinds (social workers per 100 beds) */
    demand: CommunityDemand | 'beds';
    /** value = supply ÷ demand × per (1000 → per thousand residents) */
    per: number;
    min: number;
    /** upper end of a stated range (ca.land 0.1–0.3): above it still passes, with a note */
    max?: number;
    scope?: Scope;
    /** community level: on-site supply, and also the shared-catchment view (2SFCA) */
    catchment?: boolean;
    measure: string;
    /** 'whole' rounds the shortfall up to whole things; 'decimal' to 0.1 */
    rounding: 'whole' | 'decimal';
  };
}

export interface MinSizeRule extends Base {
  kind: 'min_size';
  params: { kinds: readonly FacilityKind[]; min: number; aggregate: 'max' | 'sum'; scope?: Scope; bedArea?: number };
}

export interface PresenceRule extends Base {
  kind: 'presence';
  params: {
    kinds: readonly FacilityKind[];
    min: number;
    inclusiveOnly?: boolean;
    ownership?: Ownership[];
    /** the unit that must hold the facilities */
    unit: 'community' | 'street' | 'area';
    scope?: Scope;
    streetTypes?: StreetType[];
    /** with streetTypes ['town']: a 街道 that holds a village (`rural` community) is judged like a town (涉农街道) */
    villageStreets?: boolean;
    /** only facilities whose name holds one of these words (特困/敬老院: the kinds do not say which home is one) */
    nameIncludes?: readonly string[];
    /** streets of the other type get `na` with this reason instead of no row (有条件的乡镇) */
    conditionalOtherTypes?: boolean;
    /** also an area row: share of units that pass ≥ this */
    areaShare?: number;
  };
}

export interface CoverageRule extends Base {
  kind: 'coverage';
  params: {
    /** explicit kinds, or the circle's kinds from params (elderlyCircleKinds / childcareCircleKinds) */
    kinds: readonly FacilityKind[] | 'elderlyCircle' | 'childcareCircle';
    basis: 'residents' | 'communities';
    min: number;
    scope?: Scope;
  };
}

export interface CompositionRule extends Base {
  kind: 'composition';
  /** nameIncludes: only facilities whose name holds these words (敬老院: one kind covers 乡镇区域性养老服务中心 and 敬老院) */
  params: { of: 'nursing' | 'kindergartenNursery'; kinds: readonly FacilityKind[]; min: number; nameIncludes?: string };
}

export interface AdjacencyRule extends Base {
  kind: 'adjacency';
  params: { kinds: readonly FacilityKind[]; partners: readonly FacilityKind[] };
}

export interface TargetRule extends Base {
  kind: 'target';
  params: {
    metric: 'beds' | 'newPlaces' | 'count' | 'newAreaPassRate';
    kinds?: readonly FacilityKind[];
    ownership?: Ownership[];
    inclusiveOnly?: boolean;
    target: number;
    due: number;
    /** newAreaPassRate: community rules whose on-site results decide whether a new community passes */
    rules?: string[];
    /** newAreaPassRate: a new community must also hold an elderly-care facility on site */
    requireElderlyOnsite?: boolean;
  };
}

export interface BudgetLine {
  field: 'budgetElderly' | 'budgetChildcare' | 'budgetTotal' | 'lotteryShare';
  min: number;
}

export interface SubsidyRates {
  /** CNY per bed by mode */
  bed?: { new?: number; converted?: number; leased5y?: number };
  /** CNY per childcare place, urban / rural, new / expansion */
  place?: { urbanNew?: number; ruralNew?: number; urbanExpansion?: number; ruralExpansion?: number };
  /** CNY per occupant per month */
  operatingPerMonth?: number;
}

export interface CostRule extends Base {
  kind: 'cost';
  params: { budget?: BudgetLine; rates?: SubsidyRates };
}

export type Rule = RatioRule | MinSizeRule | PresenceRule | CoverageRule | CompositionRule | AdjacencyRule | TargetRule | CostRule;

export interface Profile {
  id: string;
  name: Name;
  document: string;
  rules: Rule[];
}

/** The key a threshold override uses: `id` or `id:part`. */
export function ruleKey(r: { id: string; part?: string }): string {
  return r.part ? `${r.id}:${r.part}` : r.id;
}
