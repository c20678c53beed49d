// What the facility stages share: the placed-facility type and small helpers for names,
// positions and ownership.
import type { Facility, FacilityKind, Ownership } from '../../src/core/model';
import type { PlacedCommunity } from './communities';
import type { Rng } from './prng';
import type { XY } from './projection';

export interface PlacedFacility extends Facility {
  xy: XY;
  /** index of the community it stands in */
  at: number;
}

/** the id prefix of each kind (EI00012: the 12th 养老机构) */
export const KIND_PREFIX: Record<FacilityKind, string> = {
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

const SUFFIXES = ['社区居民委员会', '社区居委会', '居民委员会', '村民委员会', '村委会', '居委会', '社区', '村'];

/** "凤栖路社区" → "凤栖路", "四皓村委会" → "四皓" (for facility names) */
export function shortName(name: string): string {
  const base = name.replace(/（\d+）$/, '');
  const copy = name.slice(base.length);
  for (const s of SUFFIXES) if (base.endsWith(s) && base.length > s.length) return base.slice(0, -s.length) + copy;
  return name;
}

export function pointIn(c: PlacedCommunity, rng: Rng): XY {
  // blocks: inside the inner 60 % (the inset is at most 15 % a side); villages: within 0.4 r (shape ≥ 0.75 r)
  if (c.block) {
    const half = (c.radius / Math.SQRT2) * 0.6;
    return [c.centre[0] + rng.uniform(-half, half), c.centre[1] + rng.uniform(-half, half)];
  }
  const t = rng.uniform(0, 2 * Math.PI);
  const r = c.radius * 0.4 * Math.sqrt(rng.next());
  return [c.centre[0] + r * Math.cos(t), c.centre[1] + r * Math.sin(t)];
}

export function ownership(rng: Rng, pPublic: number, pMixed: number): Ownership {
  const u = rng.next();
  return u < pPublic ? 'public' : u < pPublic + pMixed ? 'public_private' : 'private';
}
