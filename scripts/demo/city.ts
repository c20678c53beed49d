// generateCity(): the whole demo area in memory — real outline, names and codes; simulated
// boundaries, streets, communities, residents and facilities. Deterministic for a given seed
// and size. Used by the CLI (generate.ts) and by benchmarks.
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaInfo, Community, Facility, Layers } from '../../src/core/model';
import { layoutCommunities, type Shapes } from './communities';
import { AREA_TARGETS } from './calibrate';
import { placeFacilities } from './facilities';
import { GAP_STREETS } from './plant-gaps';
import { loadFrame } from './frame';
import { findGaps, summarise, type GapManifest } from './gaps';
import { CENSUS_POPULATION, CENSUS_SCOPE, assignResidents } from './population';
import { createRng } from './prng';
import { buildNetwork, toRoads } from './roads';
import { buildStreets } from './streets';

export const DEFAULT_SEED = 2020;

export interface CityOptions {
  seed?: number;
  /** multiplies the number of communities (and roads, facilities) — for benchmarks */
  size?: number;
  /** total residents at size 1; default: the 2020 census figure (population.ts) */
  population?: number;
  /** community outlines: 'grid' (square blocks, 9-point villages) or 'irregular' (blocks.ts, the default) */
  shapes?: Shapes;
}

export interface DemoCity extends Layers {
  seed: number;
  size: number;
  outline: MultiPolygon;
  area: AreaInfo;
  gaps: GapManifest;
  /** distinct road nodes (shared junction nodes counted once) */
  roadNodes: number;
  /** what the residents are calibrated to */
  populationNote: string;
}

/** new childcare places since the baseline: short of ca.targets.2023's 645 */
const NEW_PLACES = 580;
/** share of kindergartens with an under-3 class: short of xn.kindergarten.mix's 50 % */
const NURSERY_SHARE = 0.38;

export function generateCity(opts: CityOptions = {}): DemoCity {
  const seed = opts.seed ?? DEFAULT_SEED;
  const size = opts.size ?? 1;
  if (!Number.isInteger(size) || size < 1) throw new Error(`size must be a whole number ≥ 1, got ${size}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number, got ${seed}`);
  const total = (opts.population ?? CENSUS_POPULATION) * size;
  const rng = createRng(seed);
  const frame = loadFrame();
  const streets = buildStreets(frame);
  const layout = layoutCommunities(frame, size, rng.fork('layout'), opts.shapes ?? 'irregular');
  const residents = assignResidents(layout, total, rng.fork('residents'));
  const net = buildNetwork(frame, layout, rng.fork('roads'));
  const { facilities: placed, picks } = placeFacilities(frame, layout, residents, rng.fork('facilities'), size);

  const communities: Community[] = layout.communities.map((c, i) => {
    const ring = c.shape.map((p) => frame.proj.toLonLat(p));
    const geometry: Polygon = { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
    const r = residents[i];
    return {
      id: c.id,
      name: c.name,
      street: frame.streets[c.street].code,
      type: r.type,
      ...(r.builtYear !== undefined ? { builtYear: r.builtYear } : {}),
      population: r.population,
      households: r.households,
      elderly: r.elderly,
      infants: r.infants,
      geometry,
      extra: { code: c.code },
    };
  });
  // facilities in a stable order: by kind prefix and number
  const facilities: Facility[] = placed
    .slice()
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ xy: _xy, at: _at, ...f }) => f);
  const roads = toRoads(net);
  const layers: Layers = { communities, facilities, streets, roads };
  const totals = summarise(layers);
  const kindergartens = totals.facilities.kindergarten_nursery ?? 0;
  const area: AreaInfo = {
    name: '西安市长安区（演示数据）',
    baselinePlaces: totals.places - NEW_PLACES * size,
    baselineYear: 2020,
    kindergartens: Math.round(kindergartens / NURSERY_SHARE),
    // 20 M + 10 M required by wy.budget; 15 M by ak.budget; lottery ≥ 55 % (wy) / 60 % (ak)
    budgetElderly: 18_000_000,
    budgetChildcare: 10_000_000,
    lotteryShare: 0.58,
  };
  const gaps = findGaps(layers, picks, GAP_STREETS);
  // the area-level gaps are designed; fail loudly if a change to the generator moved them
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`demo calibration: ${what} (see AREA_TARGETS in calibrate.ts)`);
  };
  check(Math.abs((totals.places / totals.population) * 1000 - AREA_TARGETS.placesPer1000) < 0.01, 'places per 1000 residents off target');
  check(Math.abs(totals.nursingBeds / totals.beds - AREA_TARGETS.nursingShare) < 0.005, 'nursing share off target');
  check(totals.publicBeds <= totals.elderly * AREA_TARGETS.maxPublicBedsShare, 'public beds above target');
  const populationNote =
    opts.population === undefined || opts.population === CENSUS_POPULATION
      ? CENSUS_SCOPE
      : `${opts.population} residents at size 1, chosen by the user (the 2020 census figure is ${CENSUS_POPULATION})`;
  return {
    seed,
    size,
    outline: frame.outline,
    area,
    gaps,
    roadNodes: net.nodes.length,
    populationNote: size > 1 ? `${populationNote}, × size ${size}` : populationNote,
    ...layers,
  };
}
