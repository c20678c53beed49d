// SIMULATED facilities of every kind in model.ts, with plausible capacities, then the deliberate
// gaps (gaps.ts lists them) and a calibration of the district totals so that area-level rules land
// on known sides of their thresholds:
//   childcare places 4.65 per 1000 residents: passes 4.5 (wy/xn), fails 4.8 (ca);
//   beds 2.9 per 1000 residents (≈ 4 600 at size 1): passes 3 000 (wy), fails 5 000 (ca 2023);
//   nursing beds 57 % of beds: passes 55 % (wy), fails 60 % (xn, ca);
//   public (公办, incl. 公建民营) beds at most 0.85 % of residents aged 60+: fails ca.public.beds' 1 %.
import type { Facility, FacilityKind, Ownership } from '../../src/core/model';
import type { Layout, PlacedCommunity } from './communities';
import type { Frame } from './frame';
import { dist } from './geometry';
import { apportion, type Residents } from './population';
import type { Rng } from './prng';
import type { XY } from './projection';

export const AREA_TARGETS = { placesPer1000: 4.65, bedsPer1000: 2.9, nursingShare: 0.57, maxPublicBedsShare: 0.0085 } as const;

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

export interface PlacedFacility extends Facility {
  xy: XY;
  /** index of the community it stands in */
  at: number;
}

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

const SUFFIXES = ['社区居民委员会', '社区居委会', '居民委员会', '村民委员会', '村委会', '居委会', '社区', '村'];

/** "凤栖路社区" → "凤栖路", "四皓村委会" → "四皓" (for facility names) */
export function shortName(name: string): string {
  const base = name.replace(/（\d+）$/, '');
  const copy = name.slice(base.length);
  for (const s of SUFFIXES) if (base.endsWith(s) && base.length > s.length) return base.slice(0, -s.length) + copy;
  return name;
}

function pointIn(c: PlacedCommunity, rng: Rng): XY {
  // blocks: inside the inner 60 % (the inset is at most 15 % a side); villages: within 0.4 r (shape ≥ 0.75 r)
  if (c.block) {
    const half = (c.radius / Math.SQRT2) * 0.6;
    return [c.centre[0] + rng.uniform(-half, half), c.centre[1] + rng.uniform(-half, half)];
  }
  const t = rng.uniform(0, 2 * Math.PI);
  const r = c.radius * 0.4 * Math.sqrt(rng.next());
  return [c.centre[0] + r * Math.cos(t), c.centre[1] + r * Math.sin(t)];
}

function ownership(rng: Rng, pPublic: number, pMixed: number): Ownership {
  const u = rng.next();
  return u < pPublic ? 'public' : u < pPublic + pMixed ? 'public_private' : 'private';
}

export function placeFacilities(frame: Frame, layout: Layout, residents: Residents[], rng: Rng, size: number): { facilities: PlacedFacility[]; picks: GapPicks } {
  const cs = layout.communities;
  const out: PlacedFacility[] = [];
  const counters = new Map<string, number>();
  const add = (kind: FacilityKind, at: number, name: string, fields: Partial<Facility>, xy?: XY): PlacedFacility => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const prefix: Record<FacilityKind, string> = {
      elderly_institution: 'EI',
      elderly_township_centre: 'ET',
      elderly_complex: 'EC',
      elderly_daycare: 'ED',
      elderly_rural_point: 'ER',
      childcare_centre: 'CC',
      kindergarten_nursery: 'CK',
      family_childcare: 'CF',
      health_centre: 'HC',
    };
    const p = xy ?? pointIn(cs[at], rng);
    const f: PlacedFacility = {
      id: `${prefix[kind]}${String(n).padStart(4, '0')}`,
      name,
      kind,
      ...fields,
      geometry: { type: 'Point', coordinates: frame.proj.toLonLat(p) },
      extra: { community: cs[at].id },
      xy: p,
      at,
    };
    out.push(f);
    return f;
  };

  const streetOf = (si: number): number[] => cs.map((_, i) => i).filter((i) => cs[i].street === si);
  frame.streets.forEach((s, si) => {
    const srng = rng.fork(`fac:${s.code}`);
    const members = streetOf(si);
    const urban = members.filter((i) => cs[i].urban);
    const villages = members.filter((i) => !cs[i].urban);
    const bySeat = (ids: number[]): number[] => ids.slice().sort((a, b) => dist(cs[a].centre, frame.seats[si]) - dist(cs[b].centre, frame.seats[si]) || a - b);
    const seatC = bySeat(urban.length ? urban : villages)[0];
    const short = s.name.replace(/街道$/, '');

    const hc = add('health_centre', seatC, `${short}街道社区卫生服务中心`, { floorArea: srng.int(15, 30) * 100, ownership: 'public' });
    if (s.code !== GAP_STREETS.noComplex) {
      // the complex shares the site of the health centre (同址) in most streets
      const near: XY = [hc.xy[0] + srng.uniform(-40, 40) / Math.sqrt(size), hc.xy[1] + srng.uniform(-40, 40) / Math.sqrt(size)];
      add('elderly_complex', seatC, `${short}街道社区养老服务综合体`, {
        beds: srng.int(2, 4) * 10,
        floorArea: srng.int(8, 20) * 100,
        landArea: srng.int(6, 15) * 100,
        ownership: srng.chance(0.6) ? 'public' : 'public_private',
        socialWorkers: srng.int(1, 3),
      }, near);
      if (urban.length <= 2 * size && villages.length) {
        const v = bySeat(villages)[0];
        add('elderly_township_centre', v, `${short}街道区域性养老服务中心（敬老院）`, {
          beds: srng.int(4, 12) * 10,
          floorArea: srng.int(15, 40) * 100,
          landArea: srng.int(12, 30) * 100,
          ownership: 'public',
          socialWorkers: srng.int(1, 2),
        });
      }
    }
    const kgCount = s.code === GAP_STREETS.noKindergarten ? 0 : 1 + Math.floor(urban.length / (12 * size)) * size;
    const kgSites = bySeat(urban.length ? urban : villages);
    for (let k = 0; k < kgCount; k++) {
      const at = kgSites[k % kgSites.length];
      add('kindergarten_nursery', at, `${shortName(cs[at].name)}幼儿园（托班）`, {
        places: srng.int(15, 40),
        floorArea: srng.int(8, 16) * 10,
        ownership: srng.chance(0.6) ? 'public' : 'private',
        inclusive: true,
      });
    }
    for (const i of urban) {
      const c = cs[i];
      const r = residents[i];
      const nm = shortName(c.name);
      if (s.code !== GAP_STREETS.noDaycare && srng.chance(0.65))
        add('elderly_daycare', i, `${nm}社区日间照料中心`, {
          floorArea: srng.int(30, 80) * 10,
          landArea: Math.round(r.population * srng.uniform(0.1, 0.22)),
          ownership: ownership(srng, 0.3, 0.5),
          // day care has no overnight beds: an explicit 0, so bed totals are complete
          beds: 0,
          nursingBeds: 0,
          socialWorkers: srng.int(0, 1),
        });
      if (srng.chance(r.type === 'new' ? 0.5 : 0.3)) {
        const places = srng.int(2, 12) * 10;
        add('childcare_centre', i, `${nm}托育中心`, {
          places,
          floorArea: Math.round(places * srng.uniform(7, 10)),
          ownership: ownership(srng, 0.1, 0.2),
          inclusive: srng.chance(0.5),
        });
      }
      if (srng.chance(0.15))
        add('family_childcare', i, `${nm}家庭托育点`, { places: srng.int(5, 12), floorArea: srng.int(6, 12) * 10, ownership: 'private', inclusive: srng.chance(0.3) });
      if (srng.chance(0.3)) add('health_centre', i, `${nm}社区卫生服务站`, { floorArea: srng.int(2, 6) * 100, ownership: 'public' });
    }
    for (const i of villages) {
      const nm = shortName(cs[i].name);
      if (srng.chance(0.55))
        add('elderly_rural_point', i, `${nm}村互助幸福院`, { floorArea: srng.int(6, 20) * 10, landArea: srng.int(10, 30) * 10, ownership: 'public', beds: 0, nursingBeds: 0, socialWorkers: 0 });
      if (srng.chance(0.25)) add('health_centre', i, `${nm}村卫生室`, { floorArea: srng.int(8, 20) * 10, ownership: 'public' });
    }
  });

  // institutions: 20 per unit of size, 60 % in town blocks, 40 % in villages (康养 toward the Qinling)
  const irng = rng.fork('institutions');
  // (none in the street left without day care, so its gap stays visible)
  const urbanAll = cs.map((_, i) => i).filter((i) => cs[i].urban && frame.streets[cs[i].street].code !== GAP_STREETS.noDaycare);
  const ruralAll = cs.map((_, i) => i).filter((i) => !cs[i].urban);
  for (let k = 0; k < 20 * size; k++) {
    const at = k % 5 < 3 ? irng.pick(urbanAll) : irng.pick(ruralAll);
    const beds = irng.int(6, 45) * 10;
    const floorArea = Math.round(beds * irng.uniform(30, 42));
    add('elderly_institution', at, `长安${shortName(cs[at].name)}${irng.pick(['颐养院', '康养中心', '老年公寓', '养老院'])}`, {
      beds,
      floorArea,
      landArea: Math.round(floorArea * irng.uniform(0.5, 0.8)),
      ownership: ownership(irng, 0.3, 0.2),
      socialWorkers: Math.max(1, Math.round((beds / 100) * irng.uniform(0.8, 1.6))),
    });
  }

  const picks = plantGaps(frame, cs, residents, out, rng.fork('gaps'));
  calibrate(residents, out, picks, rng.fork('calibrate'));
  return { facilities: out, picks };
}

function removeWhere(fs: PlacedFacility[], pred: (f: PlacedFacility) => boolean): void {
  for (let i = fs.length - 1; i >= 0; i--) if (pred(fs[i])) fs.splice(i, 1);
}

const ELDERLY: readonly FacilityKind[] = ['elderly_institution', 'elderly_township_centre', 'elderly_complex', 'elderly_daycare', 'elderly_rural_point'];
const CHILDCARE: readonly FacilityKind[] = ['childcare_centre', 'kindergarten_nursery', 'family_childcare'];

function plantGaps(frame: Frame, cs: PlacedCommunity[], res: Residents[], fs: PlacedFacility[], rng: Rng): GapPicks {
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
  fs.push(mk(frame, cs, g1, 'childcare_centre', `${shortName(cs[g1].name)}托育中心`, { places: g1places, floorArea: g1places * 8, ownership: 'private', inclusive: false }, 'CC9001', rng));
  picks.fewPlaces = cs[g1].id;
  picks.fewPlacesFacility = 'CC9001';

  // G2 an older community (郭杜) whose only elderly facility has 180 m² (< 300 m²)
  const g2 = pick(byPop(all.filter((i) => res[i].type === 'built' && inStreet('610116002')(i) && plain(i))));
  removeWhere(fs, (f) => f.at === g2 && ELDERLY.includes(f.kind));
  fs.push(mk(frame, cs, g2, 'elderly_daycare', `${shortName(cs[g2].name)}社区日间照料中心`, { floorArea: 180, landArea: Math.round(res[g2].population * 0.15), ownership: 'public', beds: 0, nursingBeds: 0, socialWorkers: 0 }, 'ED9002', rng));
  picks.smallElderly = cs[g2].id;
  picks.smallElderlyFacility = 'ED9002';

  // G8 a 2013+ estate (郭杜) whose elderly facility has 0.04 m² land per resident (< 0.1)
  const g8 = pick(byPop(all.filter((i) => res[i].type === 'new' && (res[i].builtYear ?? 0) >= 2013 && inStreet('610116002')(i) && plain(i))));
  removeWhere(fs, (f) => f.at === g8 && ELDERLY.includes(f.kind));
  fs.push(mk(frame, cs, g8, 'elderly_daycare', `${shortName(cs[g8].name)}社区日间照料中心`, { floorArea: 600, landArea: Math.round(res[g8].population * 0.04), ownership: 'public_private', beds: 0, nursingBeds: 0, socialWorkers: 1 }, 'ED9008', rng));
  picks.landShort = cs[g8].id;
  picks.landShortFacility = 'ED9008';

  // G9 a new estate (韦曲) with 320 m² of elderly + childcare floor area for thousands of households (< 20 m² per 100)
  const g9 = pick(byPop(all.filter((i) => res[i].type === 'new' && inStreet('610116001')(i) && plain(i))));
  removeWhere(fs, (f) => f.at === g9 && (ELDERLY.includes(f.kind) || CHILDCARE.includes(f.kind)));
  fs.push(mk(frame, cs, g9, 'elderly_daycare', `${shortName(cs[g9].name)}社区日间照料中心`, { floorArea: 320, landArea: Math.round(res[g9].population * 0.15), ownership: 'public', beds: 0, nursingBeds: 0, socialWorkers: 0 }, 'ED9009', rng));
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

function calibrate(res: Residents[], fs: PlacedFacility[], picks: GapPicks, rng: Rng): void {
  const total = res.reduce((a, r) => a + r.population, 0);
  // childcare places: scale the ordinary 托育中心 so the district reaches AREA_TARGETS.placesPer1000
  const placesTarget = Math.round((total * AREA_TARGETS.placesPer1000) / 1000);
  const fixedPlaces = fs.filter((f) => CHILDCARE.includes(f.kind) && (f.kind !== 'childcare_centre' || f.id === picks.fewPlacesFacility)).reduce((a, f) => a + (f.places ?? 0), 0);
  const centres = fs.filter((f) => f.kind === 'childcare_centre' && f.id !== picks.fewPlacesFacility);
  const places = apportion(centres.map((f) => f.places ?? 1), placesTarget - fixedPlaces);
  centres.forEach((f, k) => {
    f.places = Math.max(1, places[k]);
    f.floorArea = Math.round(f.places * rng.uniform(7, 10));
  });

  // beds: scale the institutions so the district reaches AREA_TARGETS.bedsPer1000
  const bedsTarget = Math.round((total * AREA_TARGETS.bedsPer1000) / 1000);
  const inst = fs.filter((f) => f.kind === 'elderly_institution');
  const otherBeds = fs.filter((f) => f.kind !== 'elderly_institution').reduce((a, f) => a + (f.beds ?? 0), 0);
  const beds = apportion(inst.map((f) => f.beds ?? 1), bedsTarget - otherBeds);
  inst.forEach((f, k) => {
    f.beds = Math.max(10, beds[k]);
    f.floorArea = Math.round(f.beds * rng.uniform(30, 42));
    f.landArea = Math.round(f.floorArea * rng.uniform(0.5, 0.8));
    f.socialWorkers = Math.max(1, Math.round((f.beds / 100) * rng.uniform(0.8, 1.6)));
  });

  // nursing beds: 30 % in the two low-share facilities, the rest spread so the district share is AREA_TARGETS.nursingShare
  const withBeds = fs.filter((f) => (f.beds ?? 0) > 0);
  const allBeds = withBeds.reduce((a, f) => a + (f.beds ?? 0), 0);
  const lows = withBeds.filter((f) => f.id === picks.lowNursing || f.id === picks.lowNursingCentre);
  if (lows.length !== 2) throw new Error('demo gaps: the low-nursing institution and 敬老院 must both have beds');
  for (const low of lows) low.nursingBeds = Math.round((low.beds ?? 0) * 0.3);
  const rest = withBeds.filter((f) => !lows.includes(f));
  const nursing = apportion(
    rest.map((f) => (f.beds ?? 0) * rng.uniform(0.45, 0.8)),
    Math.round(allBeds * AREA_TARGETS.nursingShare) - lows.reduce((a, f) => a + (f.nursingBeds ?? 0), 0),
  );
  rest.forEach((f, k) => (f.nursingBeds = Math.min(f.beds ?? 0, nursing[k])));

  // public beds: turn the largest publicly owned institutions private until the share is below target
  const elderly = res.reduce((a, r) => a + r.elderly, 0);
  const publicBeds = () => fs.filter((f) => f.ownership === 'public' || f.ownership === 'public_private').reduce((a, f) => a + (f.beds ?? 0), 0);
  const publicInst = inst.filter((f) => f.ownership !== 'private').sort((a, b) => (b.beds ?? 0) - (a.beds ?? 0) || a.id.localeCompare(b.id));
  for (const f of publicInst) {
    if (publicBeds() <= elderly * AREA_TARGETS.maxPublicBedsShare) break;
    f.ownership = 'private';
  }
}
