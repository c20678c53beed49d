// The deliberate gaps (docs/demo-area.md, gaps.json): facilities removed, shrunk or added so that
// named communities, streets and facilities fail named rules. Streets are fixed by code; the
// communities are the largest of the right type in the right street, away from street-level sites.
import { CHILDCARE_KINDS as CHILDCARE, ELDERLY_KINDS as ELDERLY, type Facility, type FacilityKind } from '../../src/core/model';
import type { PlacedCommunity } from './communities';
import { pointIn, shortName, type PlacedFacility } from './facility-kit';
import type { Frame } from './frame';
import { dist } from './geometry';
import type { Residents } from './population';
import type { Rng } from './prng';

/** deliberate gaps by street code (see docs/demo-area.md) */
export const GAP_STREETS = {
  /** no 社区养老服务综合体 and no township centre */
  noComplex: '610116024', // 砲里街道
  /** no kindergarten with an under-3 class */
  noKindergarten: '610116023', // 杨庄街道
  /** childcare only from private, non-普惠 providers */
  noInclusive: '610116019', // 五台街道
  /** urban blocks with no day-care centre: residents outside the 15-minute circle */
  noDaycare: '610116010', // 斗门街道
} as const;

/** ids of the features each deliberate gap involves, filled while generating */
export interface GapPicks {
  fewPlaces?: string;
  fewPlacesFacility?: string;
  smallElderly?: string;
  smallElderlyFacility?: string;
  lowNursing?: string;
  /** a 敬老院 (township centre) with a low nursing share: ca.nursing checks each one */
  lowNursingCentre?: string;
  isolatedInstitution?: string;
  landShort?: string;
  landShortFacility?: string;
  householdsShort?: string;
  householdsShortFacility?: string;
}

function removeWhere(fs: PlacedFacility[], pred: (f: PlacedFacility) => boolean): void {
  for (let i = fs.length - 1; i >= 0; i--) if (pred(fs[i])) fs.splice(i, 1);
}

export function plantGaps(frame: Frame, cs: PlacedCommunity[], res: Residents[], fs: PlacedFacility[], rng: Rng): GapPicks {
  const picks: GapPicks = {};
  const inStreet = (code: string) => (i: number) => frame.streets[cs[i].street].code === code;
  const byPop = (ids: number[]) => ids.sort((a, b) => res[b].population - res[a].population || a - b);
  const all = cs.map((_, i) => i);
  const used = new Set<number>();
  const pick = (ids: number[]): number => {
    const i = ids.find((x) => !used.has(x));
    if (i === undefined) throw new Error('demo gaps: no community left to plant a gap in');
    used.add(i);
    return i;
  };
  // the seat communities keep their street-level facilities
  const seatSites = new Set(fs.filter((f) => f.kind === 'elderly_complex' || f.kind === 'kindergarten_nursery' || f.kind === 'elderly_township_centre').map((f) => f.at));
  const plain = (i: number) => !seatSites.has(i) && !fs.some((f) => f.at === i && f.kind === 'elderly_institution');

  // G1 a new estate (韦曲) with far too few childcare places: 3 per 1000 against 10 (新建) required
  const g1 = pick(byPop(all.filter((i) => res[i].type === 'new' && inStreet('610116001')(i) && plain(i))));
  removeWhere(fs, (f) => f.at === g1 && CHILDCARE.includes(f.kind));
  const g1places = Math.max(1, Math.round((res[g1].population * 3) / 1000));
  fs.push(
    mk(
      frame,
      cs,
      g1,
      'childcare_centre',
      `${shortName(cs[g1].name)}托育中心`,
      { places: g1places, floorArea: g1places * 8, ownership: 'private', inclusive: false },
      'CC9001',
      rng,
    ),
  );
  picks.fewPlaces = cs[g1].id;
  picks.fewPlacesFacility = 'CC9001';

  // G2 an older community (郭杜) whose only elderly facility has 180 m² (< 300 m²)
  const g2 = pick(byPop(all.filter((i) => res[i].type === 'built' && inStreet('610116002')(i) && plain(i))));
  removeWhere(fs, (f) => f.at === g2 && ELDERLY.includes(f.kind));
  fs.push(
    mk(
      frame,
      cs,
      g2,
      'elderly_daycare',
      `${shortName(cs[g2].name)}社区日间照料中心`,
      { floorArea: 180, landArea: Math.round(res[g2].population * 0.15), ownership: 'public', beds: 0, nursingBeds: 0, socialWorkers: 0 },
      'ED9002',
      rng,
    ),
  );
  picks.smallElderly = cs[g2].id;
  picks.smallElderlyFacility = 'ED9002';

  // G8 a 2013+ estate (郭杜) whose elderly facility has 0.04 m² land per resident (< 0.1)
  const g8 = pick(byPop(all.filter((i) => res[i].type === 'new' && (res[i].builtYear ?? 0) >= 2013 && inStreet('610116002')(i) && plain(i))));
  removeWhere(fs, (f) => f.at === g8 && ELDERLY.includes(f.kind));
  fs.push(
    mk(
      frame,
      cs,
      g8,
      'elderly_daycare',
      `${shortName(cs[g8].name)}社区日间照料中心`,
      { floorArea: 600, landArea: Math.round(res[g8].population * 0.04), ownership: 'public_private', beds: 0, nursingBeds: 0, socialWorkers: 1 },
      'ED9008',
      rng,
    ),
  );
  picks.landShort = cs[g8].id;
  picks.landShortFacility = 'ED9008';

  // G9 a new estate (韦曲) with 320 m² of elderly + childcare floor area for thousands of households (< 20 m² per 100)
  const g9 = pick(byPop(all.filter((i) => res[i].type === 'new' && inStreet('610116001')(i) && plain(i))));
  removeWhere(fs, (f) => f.at === g9 && (ELDERLY.includes(f.kind) || CHILDCARE.includes(f.kind)));
  fs.push(
    mk(
      frame,
      cs,
      g9,
      'elderly_daycare',
      `${shortName(cs[g9].name)}社区日间照料中心`,
      { floorArea: 320, landArea: Math.round(res[g9].population * 0.15), ownership: 'public', beds: 0, nursingBeds: 0, socialWorkers: 0 },
      'ED9009',
      rng,
    ),
  );
  picks.householdsShort = cs[g9].id;
  picks.householdsShortFacility = 'ED9009';

  // G10 a street whose childcare institutions are all private and not 普惠
  for (const f of fs)
    if ((f.kind === 'childcare_centre' || f.kind === 'kindergarten_nursery') && frame.streets[cs[f.at].street].code === GAP_STREETS.noInclusive) {
      f.ownership = 'private';
      f.inclusive = false;
    }

  // G6 an institution with 30 % nursing beds: the largest one
  const inst = fs.filter((f) => f.kind === 'elderly_institution').sort((a, b) => (b.beds ?? 0) - (a.beds ?? 0) || a.id.localeCompare(b.id));
  picks.lowNursing = inst[0].id;
  const centres = fs.filter((f) => f.kind === 'elderly_township_centre').sort((a, b) => (b.beds ?? 0) - (a.beds ?? 0) || a.id.localeCompare(b.id));
  picks.lowNursingCentre = centres[0]?.id;

  // G7 an institution with no health facility within 300 m: the southernmost, clinics nearby removed
  // (skipping any whose nearby clinic is a street's own 卫生服务中心, which stays)
  const south = fs
    .filter((f) => f.kind === 'elderly_institution' && f.id !== picks.lowNursing)
    .sort((a, b) => a.xy[1] - b.xy[1] || a.id.localeCompare(b.id))
    .find((f) => !fs.some((h) => h.kind === 'health_centre' && h.name.endsWith('服务中心') && dist(h.xy, f.xy) < 500));
  if (!south) throw new Error('demo gaps: no institution can be isolated from clinics');
  removeWhere(fs, (f) => f.kind === 'health_centre' && dist(f.xy, south.xy) < 500);
  picks.isolatedInstitution = south.id;
  return picks;
}

function mk(frame: Frame, cs: PlacedCommunity[], at: number, kind: FacilityKind, name: string, fields: Partial<Facility>, id: string, rng: Rng): PlacedFacility {
  const xy = pointIn(cs[at], rng);
  return { id, name, kind, ...fields, geometry: { type: 'Point', coordinates: frame.proj.toLonLat(xy) }, extra: { community: cs[at].id }, xy, at };
}
