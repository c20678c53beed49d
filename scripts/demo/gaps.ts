// What the generated city contains for the rules to find, computed from the finished layers with
// geodesic (haversine) distances, independent of the projection used to lay it out. Written to
// data/demo/gaps.json; docs/demo-area.md explains each entry.
import type { Community, Facility, FacilityKind, Layers, Street } from '../../src/core/model';
import { DEFAULT_PARAMS, circleDistance } from '../../src/core/params';
import { PointGrid } from './geometry';
import { haversine } from '../../src/core/geo';
import { createProjection, type XY } from './projection';
import type { GapPicks } from './plant-gaps';

export interface Gap {
  id: string;
  rules: string[];
  level: 'area' | 'street' | 'community' | 'facility';
  /** the units that fail */
  ids: string[];
  /** facilities involved */
  facilities?: string[];
  zh: string;
  en: string;
}

export interface DemoTotals {
  population: number;
  households: number;
  elderly: number;
  infants: number;
  places: number;
  beds: number;
  nursingBeds: number;
  /** beds in public and public-private (公建民营) facilities */
  publicBeds: number;
  socialWorkers: number;
  communities: number;
  facilities: Record<FacilityKind, number>;
}

export interface GapManifest {
  gaps: Gap[];
  totals: DemoTotals;
}

function pointOf(f: Facility): number[] {
  if (f.geometry.type !== 'Point') throw new Error(`facility ${f.id}: expected a Point`);
  return f.geometry.coordinates;
}

/** points along the community's outline, at most ~25 m apart: if all of them are beyond a distance
 *  and no facility lies inside, every point of the community is (the nearest point of a polygon to an
 *  outside point lies on its boundary) */
function boundarySamples(c: Community): number[][] {
  const g = c.geometry;
  if (g.type === 'Point') return [g.coordinates];
  const rings = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
  const out: number[][] = [];
  for (const ring of rings)
    for (let i = 1; i < ring.length; i++) {
      const [a, b] = [ring[i - 1], ring[i]];
      const n = Math.max(1, Math.ceil(haversine(a, b) / 25));
      for (let k = 0; k < n; k++) out.push([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
    }
  return out;
}

/** margin around the thresholds, so that a rule engine's choice of representative point cannot flip a listed case */
const MARGIN = 20;

export function findGaps(layers: Layers, picks: GapPicks, gapStreets: { noComplex: string; noKindergarten: string; noDaycare: string; noInclusive: string }): GapManifest {
  const { communities, facilities, streets } = layers;
  // a rough metric grid only picks candidates; every verdict below uses haversine distances
  const proj = createProjection([108.94, 34.05]);
  const toXY = (p: readonly number[]): XY => proj.toXY([p[0], p[1]]);
  const circle = circleDistance(DEFAULT_PARAMS); // 15 min × 0.9 m/s = 810 m
  const circlePts = facilities.filter((f) => DEFAULT_PARAMS.elderlyCircleKinds.includes(f.kind)).map(pointOf);
  const circleGrid = new PointGrid(circlePts.map(toXY), 1000);
  const hasCircleInside = new Set(facilities.filter((f) => DEFAULT_PARAMS.elderlyCircleKinds.includes(f.kind)).map((f) => f.extra.community));
  const outside = communities.filter((c) => {
    if (hasCircleInside.has(c.id)) return false;
    const samples = boundarySamples(c);
    // candidates: facilities near any sample (the grid distance is within 1 % of haversine here; pad by 100 m)
    return samples.every((v) => circleGrid.within(toXY(v), circle + MARGIN + 100).every((k) => haversine(v, circlePts[k]) > circle + MARGIN));
  });
  const urbanOutside = outside.filter((c) => c.type !== 'rural');
  const streetOfCommunity = new Map(communities.map((c) => [c.id, c.street]));
  const noDaycareUrban = urbanOutside.filter((c) => c.street === gapStreets.noDaycare).length;
  const health = facilities.filter((f) => f.kind === 'health_centre').map(pointOf);
  const healthGrid = new PointGrid(health.map(toXY), 1000);
  const elderlyKinds: FacilityKind[] = ['elderly_institution', 'elderly_township_centre', 'elderly_complex', 'elderly_daycare', 'elderly_rural_point'];
  const colocate = DEFAULT_PARAMS.colocateDistance;
  const farFromHealth = facilities.filter((f) => {
    if (!elderlyKinds.includes(f.kind)) return false;
    const p = pointOf(f);
    return healthGrid.within(toXY(p), colocate + MARGIN + 100).every((k) => haversine(p, health[k]) > colocate + MARGIN);
  });
  const streetsWith = (pred: (f: Facility) => boolean): Set<string | undefined> => new Set(facilities.filter(pred).map((f) => streetOfCommunity.get(String(f.extra.community))));
  // 普惠性托育服务机构: a childcare centre or a kindergarten's under-3 class marked inclusive
  const inclusive = streetsWith((f) => (f.kind === 'childcare_centre' || f.kind === 'kindergarten_nursery') && f.inclusive === true);
  const withoutInclusive = streets.filter((s: Street) => !inclusive.has(s.id)).map((s) => s.id);

  const totals = summarise(layers);
  const gaps: Gap[] = [
    {
      id: 'G1',
      rules: ['wy.places.new', 'ak.new.places', 'xn.every.community.childcare'],
      level: 'community',
      ids: [picks.fewPlaces ?? ''],
      facilities: [picks.fewPlacesFacility ?? ''],
      zh: '新建小区托位不足：只有约 3 个托位/千人（要求 10 个/千人）',
      en: 'New estate with too few childcare places: about 3 per 1000 residents (10 required)',
    },
    {
      id: 'G2',
      rules: ['ca.community.min'],
      level: 'community',
      ids: [picks.smallElderly ?? ''],
      facilities: [picks.smallElderlyFacility ?? ''],
      zh: '社区唯一的养老服务设施只有 180 m²（要求 300 m²）',
      en: "The community's only elderly-care facility has 180 m² (300 m² required)",
    },
    {
      id: 'G3',
      rules: ['wy.street.hub', 'xn.street.centre', 'ca.coverage.town', 'wy.rural.tiers'],
      level: 'street',
      ids: [gapStreets.noComplex],
      zh: '街道没有社区养老服务综合体，也没有区域性养老服务中心',
      en: 'Street with no community elderly-care complex and no regional (township) centre',
    },
    {
      id: 'G4',
      rules: ['ca.street.kindergarten'],
      level: 'street',
      ids: [gapStreets.noKindergarten],
      zh: '街道没有开设托班的幼儿园',
      en: 'Street with no kindergarten running an under-3 class',
    },
    {
      id: 'G5',
      rules: ['wy.circle', 'ca.circle', 'xn.home.cover', 'ca.coverage.urban', 'ca.coverage.rural'],
      level: 'community',
      ids: outside.map((c) => c.id),
      zh: `15 分钟（${circle} m 直线）养老服务圈之外的社区：其中城市社区 ${urbanOutside.length} 个，${noDaycareUrban} 个在没有日间照料中心的街道 ${gapStreets.noDaycare}`,
      en: `Communities outside every 15-minute (${circle} m straight-line) elderly-care circle: ${urbanOutside.length} urban, ${noDaycareUrban} of them in street ${gapStreets.noDaycare}, which has no day-care centre`,
    },
    {
      id: 'G6',
      rules: ['wy.nursing', 'xn.nursing', 'ca.nursing'],
      level: 'facility',
      ids: [picks.lowNursing ?? '', picks.lowNursingCentre ?? ''],
      zh: '一所养老机构和一所敬老院的护理型床位只占 30%（要求 55%/60%；长安方案要求每所敬老院 60%）',
      en: 'An institution and a 敬老院 (township centre) with only 30 % nursing beds (55 % / 60 % required; 长安 requires 60 % in each 敬老院)',
    },
    {
      id: 'G7',
      rules: ['wy.colocate', 'xn.colocate'],
      level: 'facility',
      ids: farFromHealth.map((f) => f.id),
      facilities: [picks.isolatedInstitution ?? ''],
      zh: `${colocate} m 内没有卫生服务设施的养老设施（其中一所养老机构附近的诊所被特意移除）`,
      en: `Elderly-care facilities with no health facility within ${colocate} m (clinics near one institution were removed on purpose)`,
    },
    {
      id: 'G8',
      rules: ['cf.land.since2013', 'wy.land', 'ca.land'],
      level: 'community',
      ids: [picks.landShort ?? ''],
      facilities: [picks.landShortFacility ?? ''],
      zh: '2013 年以后建成的小区，养老设施用地只有 0.04 m²/人（要求 0.1 m²/人）',
      en: 'Estate built 2013 or later with 0.04 m² of elderly-care land per resident (0.1 required)',
    },
    {
      id: 'G9',
      rules: ['cf.households', 'ca.households'],
      level: 'community',
      ids: [picks.householdsShort ?? ''],
      facilities: [picks.householdsShortFacility ?? ''],
      zh: '新建小区养老托育用房只有 320 m²，远低于每百户 20 m²',
      en: 'New estate with 320 m² of elderly and childcare floor area, far below 20 m² per 100 households',
    },
    {
      id: 'G10',
      rules: ['xn.street.childcare'],
      level: 'street',
      ids: withoutInclusive,
      zh: `没有普惠性托育机构（托育中心或幼儿园托班）的街道：${gapStreets.noInclusive} 的托育机构都是非普惠民办的，${gapStreets.noKindergarten} 没有任何托育机构`,
      en: `Streets with no affordable (普惠) childcare institution (centre or kindergarten class): in ${gapStreets.noInclusive} all are private and not 普惠; ${gapStreets.noKindergarten} has none`,
    },
    {
      id: 'G11',
      rules: ['ca.city.places', 'ca.targets.2023', 'xn.nursing', 'ca.nursing', 'ca.public.beds', 'xn.social.workers', 'xn.kindergarten.mix', 'wy.budget', 'ak.budget'],
      level: 'area',
      ids: ['area'],
      zh: `全区：托位 ${fmt((totals.places / totals.population) * 1000)} 个/千人（过 4.5，不过 4.8）；床位 ${totals.beds} 张（过 3000，不过 5000）；护理型床位 ${fmt((100 * totals.nursingBeds) / totals.beds)}%（过 55%，不过 60%）；公办（含公建民营）床位 ${totals.publicBeds} 张，占老年人口 ${fmt((100 * totals.publicBeds) / totals.elderly)}%（要求 1%）`,
      en: `Whole area: ${fmt((totals.places / totals.population) * 1000)} places per 1000 (passes 4.5, fails 4.8); ${totals.beds} beds (passes 3000, fails 5000); ${fmt((100 * totals.nursingBeds) / totals.beds)} % nursing beds (passes 55 %, fails 60 %); ${totals.publicBeds} public (incl. public-private) beds, ${fmt((100 * totals.publicBeds) / totals.elderly)} % of the elderly (1 % required)`,
    },
  ];
  return { gaps, totals };
}

function fmt(v: number): string {
  return v.toFixed(2);
}

export function summarise(layers: Layers): DemoTotals {
  const sum = (xs: (number | undefined)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  const c = layers.communities;
  const f = layers.facilities;
  const kinds = {} as Record<FacilityKind, number>;
  for (const x of f) kinds[x.kind] = (kinds[x.kind] ?? 0) + 1;
  return {
    population: sum(c.map((x) => x.population)),
    households: sum(c.map((x) => x.households)),
    elderly: sum(c.map((x) => x.elderly)),
    infants: sum(c.map((x) => x.infants)),
    places: sum(f.map((x) => x.places)),
    beds: sum(f.map((x) => x.beds)),
    nursingBeds: sum(f.map((x) => x.nursingBeds)),
    // 公办 includes 公建民营 (publicly owned, privately run)
    publicBeds: sum(f.filter((x) => x.ownership === 'public' || x.ownership === 'public_private').map((x) => x.beds)),
    socialWorkers: sum(f.map((x) => x.socialWorkers)),
    communities: c.length,
    facilities: kinds,
  };
}
