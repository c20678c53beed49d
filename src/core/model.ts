// Plain domain types shared by the core, the worker, the app and the command line.
// Coordinates are WGS84 (EPSG:4326) longitude/latitude; metric work happens in
// src/core/geo.ts (local equirectangular projection / haversine, see there).
import type { LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';

export type CommunityType = 'new' | 'built' | 'rural';
export const COMMUNITY_TYPES: readonly CommunityType[] = ['new', 'built', 'rural'];

export type FacilityKind =
  | 'elderly_institution' // 养老机构/养老院
  | 'elderly_township_centre' // 乡镇区域性养老服务中心/敬老院
  | 'elderly_complex' // 社区养老服务综合体/综合性社区养老服务设施
  | 'elderly_daycare' // 日间照料中心
  | 'elderly_rural_point' // 村级互助养老服务点
  | 'childcare_centre' // 托育机构
  | 'kindergarten_nursery' // 幼儿园托班
  | 'family_childcare' // 家庭托育点
  | 'health_centre'; // 社区卫生服务中心/站

export const FACILITY_KINDS: readonly FacilityKind[] = [
  'elderly_institution',
  'elderly_township_centre',
  'elderly_complex',
  'elderly_daycare',
  'elderly_rural_point',
  'childcare_centre',
  'kindergarten_nursery',
  'family_childcare',
  'health_centre',
];

export const ELDERLY_KINDS: readonly FacilityKind[] = ['elderly_institution', 'elderly_township_centre', 'elderly_complex', 'elderly_daycare', 'elderly_rural_point'];
export const CHILDCARE_KINDS: readonly FacilityKind[] = ['childcare_centre', 'kindergarten_nursery', 'family_childcare'];

export type Ownership = 'public' | 'public_private' | 'private';
export type StreetType = 'street' | 'town';

/** Values that are missing stay `undefined`: a missing number never counts as zero. */
export interface Community {
  id: string;
  name: string;
  /** id of its 街道/镇 */
  street?: string;
  type: CommunityType;
  builtYear?: number;
  population?: number;
  households?: number;
  /** residents aged 60+ */
  elderly?: number;
  /** children aged 0–3 */
  infants?: number;
  geometry: Polygon | MultiPolygon | Point;
  /** entrances used for network snapping, if known */
  entrances?: [number, number][];
  /** unknown properties from the user's file, kept as they came */
  extra: Record<string, unknown>;
}

export interface Facility {
  id: string;
  name: string;
  kind: FacilityKind;
  beds?: number;
  nursingBeds?: number;
  places?: number;
  /** m² building floor area (建筑面积) */
  floorArea?: number;
  /** m² land (用地面积) */
  landArea?: number;
  ownership?: Ownership;
  /** 普惠 */
  inclusive?: boolean;
  socialWorkers?: number;
  /** kindergartens only: does it run an under-3 class (托班)? kind kindergarten_nursery implies true */
  geometry: Point | Polygon;
  extra: Record<string, unknown>;
}

export interface Street {
  id: string;
  name: string;
  type: StreetType;
  geometry: Polygon | MultiPolygon;
  extra: Record<string, unknown>;
}

export interface Road {
  id: string;
  /** OSM-style highway class when known (footway, residential, primary …) */
  highway?: string;
  name?: string;
  /** where the line comes from, shown with it (e.g. the OpenStreetMap ODbL attribution) */
  source?: string;
  geometry: LineString | MultiLineString;
}

/** Area-wide figures that are not derivable from the layers (e.g. a baseline to count "new" places). */
export interface AreaInfo {
  name: string;
  /** childcare places at the start of the plan period, to count new places against */
  baselinePlaces?: number;
  /** year of the baseline */
  baselineYear?: number;
  /** kindergartens in the area (all, public and private), for xn.kindergarten.mix; if missing, counted from facilities */
  kindergartens?: number;
  /** budget lines actually planned, CNY per year */
  budgetElderly?: number;
  budgetChildcare?: number;
  lotteryShare?: number;
}

export interface Layers {
  communities: Community[];
  facilities: Facility[];
  streets: Street[];
  roads: Road[];
}

export interface Project extends Layers {
  area: AreaInfo;
  profile: string;
  params: Partial<import('./params').Params>;
}

export type Level = 'area' | 'street' | 'community' | 'facility' | 'scenario';

/** One key per unit across levels (a street and a community may share an id). */
export const unitKey = (level: Level, id: string): string => `${level}:${id}`;
export type Status = 'pass' | 'fail' | 'na';

export interface Citation {
  /** the document's full title, e.g. "万源市促进养老托育服务健康发展实施方案（代拟稿）" (docs/sources.md) */
  document: string;
  /** clause as the document numbers it, e.g. "二(二)" */
  clause: string;
  /** the original Chinese words, typos included */
  text: string;
  /** our reading where the text is ambiguous (zh) */
  note?: string;
  /** the same reading in English (the original words stay Chinese: they are the document's) */
  noteEn?: string;
}

/** A message for people: a key into the i18n catalogues and its arguments. */
export interface Msg {
  key: string;
  args?: Record<string, string | number>;
}

/** The facility a circle result is about: the nearest of the circle's kinds (within the circle when
 *  it passes, beyond it when it fails), and how the distance was measured (src/core/reach/community-reach.ts). */
export interface NearestFacilityRef {
  id: string;
  name: string;
  /** metres, unrounded */
  distance: number;
  /** site: inside the community (0 m); block: straight walk in the same block; streets: along the
   *  street network; straight: straight line (straight mode, or no street path) */
  via: 'site' | 'block' | 'streets' | 'straight';
}

export interface RuleResult {
  rule: string;
  /** which number of a multi-number clause (e.g. 'elderly' / 'childcare' of ca.community.min) */
  part?: string;
  unit: { level: Level; id: string; name?: string };
  value: number | null;
  threshold: number | null;
  /** unit of measure, e.g. "托位/千人", "m²/人", "%" */
  measure: string;
  status: Status;
  /** in the rule's own unit (places, m², beds, residents); whole things rounded up */
  shortfall: number | null;
  /** why na, or what was counted */
  reason?: Msg;
  /** which supply view produced this result where both are reported */
  view?: 'onsite' | 'catchment';
  /** circle (coverage) rules, community rows: the nearest facility of the kinds */
  nearest?: NearestFacilityRef;
  citation: Citation;
}

export interface DataIssue {
  level: Level;
  id: string;
  /** position of the feature in its layer, 0-based */
  index?: number;
  field?: string;
  severity: 'error' | 'warning';
  msg: Msg;
}
