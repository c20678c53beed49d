// SIMULATED facilities of every kind in model.ts with plausible capacities (docs/demo-area.md,
// "How it is made", step 6); then the deliberate gaps (plant-gaps.ts) and the calibration of the
// district totals (calibrate.ts).
import type { FacilityKind, Facility } from '../../src/core/model';
import { calibrate } from './calibrate';
import type { Layout } from './communities';
import { KIND_PREFIX, ownership, pointIn, shortName, type PlacedFacility } from './facility-kit';
import type { Frame } from './frame';
import { dist } from './geometry';
import { GAP_STREETS, plantGaps, type GapPicks } from './plant-gaps';
import type { Residents } from './population';
import type { Rng } from './prng';
import type { XY } from './projection';

export function placeFacilities(frame: Frame, layout: Layout, residents: Residents[], rng: Rng, size: number): { facilities: PlacedFacility[]; picks: GapPicks } {
  const cs = layout.communities;
  const out: PlacedFacility[] = [];
  const counters = new Map<string, number>();
  const add = (kind: FacilityKind, at: number, name: string, fields: Partial<Facility>, xy?: XY): PlacedFacility => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const p = xy ?? pointIn(cs[at], rng);
    const f: PlacedFacility = {
      id: `${KIND_PREFIX[kind]}${String(n).padStart(4, '0')}`,
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
    // named after the unit as it is (…街道 or …镇): the statistical name, not a made-up one

    const hc = add('health_centre', seatC, `${s.name}社区卫生服务中心`, { floorArea: srng.int(15, 30) * 100, ownership: 'public' });
    if (s.code !== GAP_STREETS.noComplex) {
      // the complex shares the site of the health centre (同址) in most streets
      const near: XY = [hc.xy[0] + srng.uniform(-40, 40) / Math.sqrt(size), hc.xy[1] + srng.uniform(-40, 40) / Math.sqrt(size)];
      add(
        'elderly_complex',
        seatC,
        `${s.name}社区养老服务综合体`,
        {
          beds: srng.int(2, 4) * 10,
          floorArea: srng.int(8, 20) * 100,
          landArea: srng.int(6, 15) * 100,
          ownership: srng.chance(0.6) ? 'public' : 'public_private',
          socialWorkers: srng.int(1, 3),
        },
        near,
      );
      if (urban.length <= 2 * size && villages.length) {
        const v = bySeat(villages)[0];
        add('elderly_township_centre', v, `${s.name}区域性养老服务中心（敬老院）`, {
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
        add('elderly_rural_point', i, `${nm}村互助幸福院`, {
          floorArea: srng.int(6, 20) * 10,
          landArea: srng.int(10, 30) * 10,
          ownership: 'public',
          beds: 0,
          nursingBeds: 0,
          socialWorkers: 0,
        });
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
