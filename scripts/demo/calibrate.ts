// Calibration of the district totals after the gaps are planted, so that area-level rules land on
// known sides of their thresholds (G11 in docs/demo-area.md):
//   childcare places 4.65 per 1000 residents: passes 4.5 (wy/xn), fails 4.8 (ca);
//   beds 2.9 per 1000 residents (≈ 4 600 at size 1): passes 3 000 (wy), fails 5 000 (ca 2023);
//   nursing beds 57 % of beds: passes 55 % (wy), fails 60 % (xn, ca);
//   public (公办, incl. 公建民营) beds at most 0.85 % of residents aged 60+: fails ca.public.beds' 1 %.
import { CHILDCARE_KINDS as CHILDCARE } from '../../src/core/model';
import type { PlacedFacility } from './facility-kit';
import type { GapPicks } from './plant-gaps';
import { apportion, type Residents } from './population';
import type { Rng } from './prng';

export const AREA_TARGETS = { placesPer1000: 4.65, bedsPer1000: 2.9, nursingShare: 0.57, maxPublicBedsShare: 0.0085 } as const;

export function calibrate(res: Residents[], fs: PlacedFacility[], picks: GapPicks, rng: Rng): void {
  const total = res.reduce((a, r) => a + r.population, 0);
  // childcare places: scale the ordinary 托育中心 so the district reaches AREA_TARGETS.placesPer1000
  const placesTarget = Math.round((total * AREA_TARGETS.placesPer1000) / 1000);
  const fixedPlaces = fs.filter((f) => CHILDCARE.includes(f.kind) && (f.kind !== 'childcare_centre' || f.id === picks.fewPlacesFacility)).reduce((a, f) => a + (f.places ?? 0), 0);
  const centres = fs.filter((f) => f.kind === 'childcare_centre' && f.id !== picks.fewPlacesFacility);
  const places = apportion(
    centres.map((f) => f.places ?? 1),
    placesTarget - fixedPlaces,
  );
  centres.forEach((f, k) => {
    f.places = Math.max(1, places[k]);
    f.floorArea = Math.round(f.places * rng.uniform(7, 10));
  });

  // beds: scale the institutions so the district reaches AREA_TARGETS.bedsPer1000
  const bedsTarget = Math.round((total * AREA_TARGETS.bedsPer1000) / 1000);
  const inst = fs.filter((f) => f.kind === 'elderly_institution');
  // (complexes and 敬老院 keep their beds unless they would hold over half the target — a smaller population)
  const others = fs.filter((f) => f.kind !== 'elderly_institution' && (f.beds ?? 0) > 0);
  let otherBeds = others.reduce((a, f) => a + (f.beds ?? 0), 0);
  if (otherBeds > bedsTarget / 2) {
    const scaled = apportion(
      others.map((f) => f.beds ?? 0),
      Math.floor(bedsTarget / 2),
    );
    others.forEach((f, k) => (f.beds = Math.max(10, scaled[k])));
    otherBeds = others.reduce((a, f) => a + (f.beds ?? 0), 0);
  }
  const beds = apportion(
    inst.map((f) => f.beds ?? 1),
    bedsTarget - otherBeds,
  );
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
