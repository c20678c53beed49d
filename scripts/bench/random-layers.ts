// Seeded messy layers for comparing rule-engine paths: missing and impossible values, unknown
// build years, ownership and 普惠 flags, facilities inside communities, streets that cover part of
// the area, duplicate ids, point communities, entrances. Small enough to evaluate every profile.
import { localProjector } from '../../src/core/geo';
import { COMMUNITY_TYPES, FACILITY_KINDS, type AreaInfo, type Community, type Facility, type Layers, type Street } from '../../src/core/model';
import { mulberry32 as rng } from '../demo/prng';

export function randomLayers(seed: number, nc = 160, nf = 90): Layers & { area: AreaInfo } {
  const r = rng(seed);
  const proj = localProjector([108.9, 34.15]);
  const side = 3000;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const maybe = <T>(p: number, v: T): T | undefined => (r() < p ? undefined : v);
  const rectangle = (x: number, y: number, w: number, h: number) => [
    [proj.toLonLat([x, y]), proj.toLonLat([x + w, y]), proj.toLonLat([x + w, y + h]), proj.toLonLat([x, y + h]), proj.toLonLat([x, y])],
  ];
  // four streets on three quarters of the area; the last quarter belongs to none
  const streets: Street[] = [0, 1, 2].map((i) => ({
    id: `S${i}`,
    name: `街道${i}`,
    type: i === 2 ? ('town' as const) : ('street' as const),
    geometry: { type: 'Polygon' as const, coordinates: rectangle((i % 2) * 1500, Math.floor(i / 2) * 1500, 1500, 1500) },
    extra: {},
  }));
  const boxes: [number, number][] = [];
  const communities: Community[] = Array.from({ length: nc }, (_, i) => {
    const x = r() * (side - 150);
    const y = r() * (side - 150);
    boxes.push([x, y]);
    const pop = Math.floor(r() * 5000) - 200; // some negative
    const c: Community = {
      id: i === nc - 1 ? 'C0' : `C${i}`, // one duplicate id
      name: `社区${i}`,
      type: pick(COMMUNITY_TYPES),
      builtYear: maybe(0.15, r() < 0.05 ? 1800 : 1985 + Math.floor(r() * 40)),
      population: maybe(0.08, pop),
      households: maybe(0.08, Math.round(Math.abs(pop) / 2.8)),
      elderly: maybe(0.1, Math.round(Math.abs(pop) * (r() < 0.05 ? 1.5 : 0.2))),
      infants: maybe(0.3, Math.round(Math.abs(pop) * 0.02)),
      geometry: r() < 0.05 ? { type: 'Point', coordinates: proj.toLonLat([x + 50, y + 50]) } : { type: 'Polygon', coordinates: rectangle(x, y, 150, 150) },
      extra: {},
    };
    if (r() < 0.1) c.street = r() < 0.5 ? pick(streets).id : 'S-none';
    if (r() < 0.1) c.entrances = [proj.toLonLat([x, y + 75])];
    return c;
  });
  const facilities: Facility[] = Array.from({ length: nf }, (_, i) => {
    // about half inside a community (on site), the rest anywhere
    const [x, y] = r() < 0.5 ? (([bx, by]) => [bx + 10 + r() * 130, by + 10 + r() * 130])(pick(boxes)) : [r() * side, r() * side];
    const beds = maybe(0.15, Math.floor(r() * 200));
    return {
      id: i === nf - 1 ? 'F1' : `F${i}`,
      name: `设施${i}`,
      kind: pick(FACILITY_KINDS),
      beds,
      nursingBeds: maybe(0.2, Math.floor(r() * 260)),
      places: maybe(0.15, Math.floor(r() * 150) - 5),
      floorArea: maybe(0.2, Math.floor(r() * 2000)),
      landArea: maybe(0.3, Math.floor(r() * 3000)),
      ownership: maybe(0.2, pick(['public', 'public_private', 'private'] as const)),
      inclusive: maybe(0.3, r() < 0.6),
      socialWorkers: maybe(0.3, Math.floor(r() * 8)),
      geometry: { type: 'Point', coordinates: proj.toLonLat([x, y]) },
      extra: {},
    };
  });
  return {
    communities,
    facilities,
    streets,
    roads: [],
    area: { name: '随机区', baselinePlaces: 500, baselineYear: 2020, kindergartens: 40, budgetElderly: 1e6, budgetChildcare: 5e5, lotteryShare: 0.5 },
  };
}
