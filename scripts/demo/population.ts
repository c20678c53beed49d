// SIMULATED residents per community, calibrated so the district total equals the census figure
// exactly. Shares stay inside stated ranges: 60+ 15–25 %, 0–3 2–3.5 % (GB and census-typical
// values for a Xi'an suburb: urban new estates younger, villages older).
import type { CommunityType } from '../../src/core/model';
import type { Layout } from './communities';
import type { Rng } from './prng';

/** 2020 census (第七次全国人口普查), 长安区 as an administrative whole including the parts run
 *  by development zones (高新区, 航天基地 …): about 1.59 million. Without those parts it is about
 *  1.09 million. The outline and the 25 街道 here are the whole district, so the whole figure is used,
 *  rounded to 10 000 (the exact bulletin digits were not verifiable offline). */
export const CENSUS_POPULATION = 1_590_000;
export const CENSUS_SCOPE = '2020 census (七普), 长安区 whole administrative area incl. development-zone parts, ≈1.59 M, rounded to 10 000; ≈1.09 M without the development zones';

export const ELDERLY_SHARE: readonly [number, number] = [0.15, 0.25];
export const INFANT_SHARE: readonly [number, number] = [0.02, 0.035];
/** persons per household */
export const PERSONS_PER_HOUSEHOLD = { urban: [2.5, 2.7], rural: [2.9, 3.1] } as const;
/** share of urban communities that are new estates (built 2013 or later) */
const NEW_SHARE = 0.4;

export interface Residents {
  type: CommunityType;
  builtYear?: number;
  population: number;
  households: number;
  elderly: number;
  infants: number;
}

/** Split `total` into integers proportional to weights, summing exactly to total (largest remainder). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length][1]]++;
  return out;
}

function shareOf(pop: number, share: number, range: readonly [number, number]): number {
  // clamp after rounding so the stored count never leaves the stated range
  return Math.min(Math.floor(pop * range[1]), Math.max(Math.ceil(pop * range[0]), Math.round(pop * share)));
}

export function assignResidents(layout: Layout, total: number, rng: Rng): Residents[] {
  const types: CommunityType[] = layout.communities.map((c) => (c.urban ? (rng.chance(NEW_SHARE) ? 'new' : 'built') : 'rural'));
  // lognormal sizes: new estates ≈ 6 500, older urban ≈ 4 500, villages ≈ 1 700 residents before calibration
  const median: Record<CommunityType, number> = { new: 6500, built: 4500, rural: 1700 };
  const weights = types.map((t) => median[t] * Math.exp(0.35 * rng.normal()));
  const pops = apportion(weights, total);
  return layout.communities.map((c, i) => {
    const type = types[i];
    const population = pops[i];
    const [e0, e1, i0, i1] = type === 'new' ? [0.15, 0.19, 0.026, 0.034] : type === 'built' ? [0.175, 0.235, 0.02, 0.028] : [0.19, 0.25, 0.02, 0.027];
    const pph = c.urban ? PERSONS_PER_HOUSEHOLD.urban : PERSONS_PER_HOUSEHOLD.rural;
    return {
      type,
      builtYear: type === 'new' ? rng.int(2013, 2022) : type === 'built' ? rng.int(1985, 2012) : undefined,
      population,
      households: Math.max(1, Math.round(population / rng.uniform(pph[0], pph[1]))),
      elderly: shareOf(population, rng.uniform(e0, e1), ELDERLY_SHARE),
      infants: shareOf(population, rng.uniform(i0, i1), INFANT_SHARE),
    };
  });
}
