// Property names and values planners actually use, mapped to the model's field names.
// The first alias of each list is the model's own name. Matching ignores case, spaces and
// full-width/half-width brackets; anything not listed here is kept in `extra`, never dropped.
import type { CommunityType, FacilityKind, Ownership, StreetType } from '../core/model';

export const COMMUNITY_FIELDS = {
  id: ['id', '编号', '编码', '代码', '社区代码', '小区编号', 'code'],
  name: ['name', '名称', '小区名称', '社区名称', '村名', '小区', '社区'],
  street: ['street', '街道', '所属街道', '街道/镇', '街道镇', '镇街', '乡镇', 'streetId'],
  type: ['type', '类型', '小区类型', '居住区类型'],
  builtYear: ['builtYear', '建成年份', '建成年代', '竣工年份', '建设年份', 'year'],
  population: ['population', '人口', '常住人口', '人口数', '总人口', 'pop'],
  households: ['households', '户数', '总户数', '住户数'],
  elderly: ['elderly', '60岁以上人口', '60岁及以上人口', '老年人口', '老年人数', '60+'],
  /** [[lon, lat], …] or "lon,lat; lon,lat": where residents walk out, for the street-network reach */
  entrances: ['entrances', '出入口', '入口', '小区出入口'],
  infants: ['infants', '0-3岁人口', '0~3岁人口', '0～3岁人口', '0—3岁人口', '3岁以下人口', '3岁以下婴幼儿', '婴幼儿人数', '婴幼儿'],
} as const;

export const FACILITY_FIELDS = {
  id: ['id', '编号', '编码', '代码', '设施编号', 'code'],
  name: ['name', '名称', '设施名称', '机构名称'],
  kind: ['kind', '类型', '设施类型', '类别', '机构类型'],
  beds: ['beds', '床位', '床位数', '养老床位'],
  nursingBeds: ['nursingBeds', '护理型床位', '护理型床位数', '护理床位'],
  places: ['places', '托位', '托位数'],
  floorArea: ['floorArea', '建筑面积', '建筑面积(m²)', '建筑面积(平方米)', '面积'],
  landArea: ['landArea', '用地面积', '占地面积', '用地面积(平方米)'],
  ownership: ['ownership', '性质', '所有制', '产权性质', '举办性质', '运营方式'],
  inclusive: ['inclusive', '普惠', '是否普惠', '普惠性'],
  socialWorkers: ['socialWorkers', '社会工作者', '社工', '社工人数', '社会工作者人数'],
  /** the community this facility belongs to (配建), kept in extra.community */
  community: ['community', '所属社区', '所属小区', '所在社区', '所在小区', '配建小区'],
} as const;

export const STREET_FIELDS = {
  id: ['id', '编号', '编码', '代码', '区划代码', 'code'],
  name: ['name', '名称', '街道名称', '镇名称', '街道', '乡镇'],
  type: ['type', '类型', '级别'],
} as const;

export const ROAD_FIELDS = {
  id: ['id', '编号', 'osm_id', 'osmid'],
  highway: ['highway', '道路等级', '等级', 'fclass'],
  name: ['name', '名称', '道路名称'],
  /** attribution, e.g. "© OpenStreetMap contributors (ODbL)" — kept so it travels with the lines */
  source: ['source', '来源', '数据来源', 'attribution'],
} as const;

/** A new residential site (新建住宅项目) in a site list or boundary file: `npm run check-sites`, docs/site-check.md. */
export const SITE_FIELDS = {
  id: ['id', '编号', '项目编号', '地块编号', '编码', 'code'],
  name: ['name', '名称', '项目名称', '地块名称', '小区名称'],
  households: ['households', '户数', '总户数', '住户数', '规划户数'],
  population: ['population', '人口', '人口数', '规划人口', '居住人口', '总人口'],
  personsPerHousehold: ['personsPerHousehold', '户均人口', '每户人口', '户均人数', 'pph'],
  elderly: ['elderly', '60岁以上人口', '60岁及以上人口', '老年人口'],
  infants: ['infants', '0-3岁人口', '3岁以下人口', '婴幼儿'],
  elderlyFloorArea: ['elderlyFloorArea', '养老建筑面积', '养老用房建筑面积', '养老服务用房建筑面积', '养老用房面积', '养老用房'],
  elderlyLand: ['elderlyLand', '养老用地面积', '养老设施用地面积', '养老用地'],
  elderlyBeds: ['elderlyBeds', '养老床位', '床位'],
  childcarePlaces: ['childcarePlaces', '托位', '托位数', '规划托位'],
  childcareFloorArea: ['childcareFloorArea', '托育建筑面积', '托育用房建筑面积', '托育用房面积', '托育用房'],
  year: ['year', '年份', '建成年份', '竣工年份', '交付年份'],
} as const;

export const COMMUNITY_TYPE_VALUES: Record<CommunityType, string[]> = {
  new: ['new', '新建', '新建居住区', '新建小区', '新建住宅小区', '新建居住小区'],
  built: ['built', 'old', '已建成', '已建成居住区', '老城区', '老旧小区', '已建成小区', '建成区'],
  rural: ['rural', 'village', '村', '农村', '行政村', '村庄'],
};

export const FACILITY_KIND_VALUES: Record<FacilityKind, string[]> = {
  elderly_institution: ['elderly_institution', '养老机构', '养老院', '福利院', '特困供养服务设施'],
  elderly_township_centre: ['elderly_township_centre', '乡镇区域性养老服务中心', '敬老院', '区域性养老服务中心', '镇综合养老服务中心'],
  elderly_complex: ['elderly_complex', '社区养老服务综合体', '综合性社区养老服务设施', '街道综合养老服务中心', '养老服务综合体'],
  elderly_daycare: ['elderly_daycare', '日间照料中心', '社区日间照料中心', '社区居家养老服务中心', '日照中心'],
  elderly_rural_point: ['elderly_rural_point', '村级互助养老服务点', '互助养老服务点', '农村老年人互助照料中心', '互助幸福院'],
  childcare_centre: ['childcare_centre', '托育机构', '托育中心', '婴幼儿照护服务机构', '托育服务机构'],
  kindergarten_nursery: ['kindergarten_nursery', '幼儿园托班', '托幼一体', '幼儿园（托班）', '幼儿园(托班)'],
  family_childcare: ['family_childcare', '家庭托育点'],
  health_centre: ['health_centre', '社区卫生服务中心', '社区卫生服务站', '卫生院', '乡镇卫生院', '卫生室'],
};

export const OWNERSHIP_VALUES: Record<Ownership, string[]> = {
  public: ['public', '公办', '公建公营', '公立'],
  public_private: ['public_private', '公建民营', '公办民营'],
  private: ['private', '民办', '民营', '私立'],
};

export const STREET_TYPE_VALUES: Record<StreetType, string[]> = {
  street: ['street', '街道', '街道办事处', '街办'],
  town: ['town', '镇', '乡', '乡镇'],
};

export const TRUE_VALUES = ['true', 'yes', 'y', '1', '是', '普惠', '√'];
export const FALSE_VALUES = ['false', 'no', 'n', '0', '否', '非普惠', '×'];

/** Keys and values seen lately, normalised: a file of 50 000 rows repeats its column names and
 *  categories on every row. Cleared when full, so a file of all-different values cannot grow it. */
const normalised = new Map<string, string>();
const NORMALISED_MAX = 4096;

/** Normalise a property name or a categorical value for matching. */
export function normaliseKey(s: string): string {
  const hit = normalised.get(s);
  if (hit !== undefined) return hit;
  const k = s
    .trim()
    .toLowerCase()
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[\s_\-－]/g, '');
  if (normalised.size >= NORMALISED_MAX) normalised.clear();
  normalised.set(s, k);
  return k;
}

/** Each value table as normalised alias → canonical value (the first table entry wins a shared alias). */
const lookups = new WeakMap<object, Map<string, string>>();
function lookupOf(table: Record<string, readonly string[]>): Map<string, string> {
  let m = lookups.get(table);
  if (!m) {
    m = new Map();
    for (const [canon, aliases] of Object.entries(table)) for (const a of aliases) if (!m.has(normaliseKey(a))) m.set(normaliseKey(a), canon);
    lookups.set(table, m);
  }
  return m;
}

/** Find the canonical value a raw categorical value stands for. */
export function matchValue<T extends string>(table: Record<T, string[]>, raw: unknown): T | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  return lookupOf(table).get(normaliseKey(String(raw))) as T | undefined;
}
