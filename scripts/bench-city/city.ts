// A realistic large SYNTHETIC city for benchmarks (the city-scale work, docs/performance.md): irregular blocks cut by a curved road
// network, detailed community outlines (50–2,000 vertices), street/town boundaries of 10k–50k
// vertices that follow the roads, facilities of every kind. Seeded (mulberry32), so the same
// options always give the same city; generated at bench/test time, never committed.
//
// How: sites on a jittered lattice, warped (denser centre, a twist so no street runs straight)
// → Voronoi cells are the blocks, cell edges the roads (shape points on a shared curve, so a road
// and both blocks beside it agree). A block's outline is its cell pulled towards its site (the
// setback from the road) and resampled; the cell is star-shaped around its site, so moving points
// along rays from the site keeps every outline simple. Streets are groups of cells around seeds;
// their boundaries are the roads between groups, densified like a surveyed line.
import { featureCollection, point, voronoi } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import type { AreaInfo, Community, Facility, FacilityKind, Project, Road, Street } from '../../src/core/model';
import { pointInRing } from '../../src/core/geo';
import { KIND_PREFIX } from '../demo/facility-kit';
import { createRng, type Rng } from '../demo/prng';

export interface BenchCityOptions {
  seed?: number;
  communities?: number;
  facilities?: number;
  /** distinct road nodes (junctions + shape points) */
  roadNodes?: number;
  streets?: number;
}

export interface BenchCityStats {
  roadNodes: number;
  communityVertices: { min: number; max: number; mean: number };
  streetVertices: { min: number; max: number };
}

export interface BenchCity extends Project {
  stats: BenchCityStats;
}

type XY = [number, number];

const M_LAT = 111_195; // metres per degree of latitude (sphere)
const LON0 = 108.4;
const LAT0 = 34.6; // north of the embedded demo, so the two never overlap
const M_LON = M_LAT * Math.cos((LAT0 * Math.PI) / 180);
/** mean distance between block sites before the warp, metres */
const PITCH = 210;
/** cells left without a community (parks, schools, works) */
const PARK_SHARE = 0.08;
/** the block outline sits this share of the way from its site to the road (setback) */
const SETBACK = 0.9;

const toLonLat = (p: XY): Position => [Math.round((LON0 + p[0] / M_LON) * 1e7) / 1e7, Math.round((LAT0 + p[1] / M_LAT) * 1e7) / 1e7];

export function generateBenchCity(o: BenchCityOptions = {}): BenchCity {
  const seed = o.seed ?? 15;
  const nCom = o.communities ?? 15_000;
  const nFac = o.facilities ?? 10_000;
  const nodesWanted = o.roadNodes ?? 200_000;
  const nStreets = o.streets ?? 16;
  const rng = createRng(seed);

  // 1. sites: the city is the nCells lattice points nearest the centre (by a wobbly radius)
  const nCells = Math.ceil(nCom / (1 - PARK_SHARE));
  const side = Math.ceil(Math.sqrt(nCells * 1.6)) + 4;
  const srng = rng.fork('sites');
  const lobes = Array.from({ length: 5 }, () => [srng.uniform(0.04, 0.12), srng.uniform(0, 2 * Math.PI)] as const);
  const half = (side * PITCH) / 2;
  const raw: { p: XY; blob: number }[] = [];
  for (let i = 0; i < side; i++)
    for (let j = 0; j < side; j++) {
      const x = (i + 0.5 + srng.uniform(-0.3, 0.3)) * PITCH - half;
      const y = (j + 0.5 + srng.uniform(-0.3, 0.3)) * PITCH - half;
      const a = Math.atan2(y, x);
      const wobble = 1 + lobes.reduce((s, [amp, ph], k) => s + amp * Math.sin((k + 2) * a + ph), 0);
      raw.push({ p: [x, y], blob: Math.hypot(x, y) / wobble });
    }
  const order = raw.map((_, k) => k).sort((a, b) => raw[a].blob - raw[b].blob || a - b);
  const isCity = new Uint8Array(raw.length);
  for (let k = 0; k < nCells; k++) isCity[order[k]] = 1;
  const rMax = raw[order[nCells - 1]].blob;
  // warp: pull towards the centre (denser core) and twist with the radius (curved avenues)
  const sites: XY[] = raw.map(({ p: [x, y] }) => {
    const r = Math.hypot(x, y);
    const rho = r / rMax;
    const k = 0.6 + 0.4 * Math.min(rho, 1.5);
    const a = Math.atan2(y, x) + 0.35 * rho;
    return [r * k * Math.cos(a), r * k * Math.sin(a)];
  });

  // 2. blocks: Voronoi cells (exact shared vertices between neighbours)
  const ext = half * 1.6;
  const cellsFc = voronoi(featureCollection(sites.map((p) => point(p))), { bbox: [-ext, -ext, ext, ext] });
  const rings: XY[][] = cellsFc.features.map((f, k) => {
    if (!f) throw new Error(`bench city: Voronoi cell ${k} missing (duplicate site)`);
    const ring = (f.geometry as Polygon).coordinates[0].slice(0, -1) as XY[];
    return signedArea(ring) < 0 ? ring.reverse() : ring; // counter-clockwise
  });

  // 3. roads: every cell edge with a city cell on one side, each with shape points on a curve
  const vKey = (p: XY) => `${p[0]},${p[1]}`;
  interface Edge {
    a: XY;
    b: XY;
    cells: number[];
    curve?: XY[];
  }
  const edges = new Map<string, Edge>();
  const edgeKey = (a: XY, b: XY) => {
    const ka = vKey(a);
    const kb = vKey(b);
    return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
  };
  for (let c = 0; c < rings.length; c++) {
    if (!isCity[c]) continue;
    const ring = rings[c];
    for (let k = 0; k < ring.length; k++) {
      const a = ring[k];
      const b = ring[(k + 1) % ring.length];
      const key = edgeKey(a, b);
      const e = edges.get(key);
      if (e) e.cells.push(c);
      else edges.set(key, vKey(a) < vKey(b) ? { a, b, cells: [c] } : { a: b, b: a, cells: [c] });
    }
  }
  const edgeList = [...edges.values()];
  const junctions = new Set<string>();
  for (const e of edgeList) {
    junctions.add(vKey(e.a));
    junctions.add(vKey(e.b));
  }
  const shapeTotal = Math.max(0, nodesWanted - junctions.size);
  const perEdge = Math.floor(shapeTotal / edgeList.length);
  const extra = shapeTotal - perEdge * edgeList.length;
  const rrng = rng.fork('roads');
  const extraEdges = new Set(rrng.shuffled(edgeList.map((_, k) => k)).slice(0, extra));
  for (let k = 0; k < edgeList.length; k++) {
    const e = edgeList[k];
    const n = perEdge + (extraEdges.has(k) ? 1 : 0);
    const [dx, dy] = [e.b[0] - e.a[0], e.b[1] - e.a[1]];
    const len = Math.hypot(dx, dy);
    const amp = rrng.uniform(-0.025, 0.025) * len;
    const humps = rrng.chance(0.3) ? 2 : 1;
    const curve: XY[] = [e.a];
    for (let s = 1; s <= n; s++) {
      const f = s / (n + 1);
      const off = len > 0 ? (amp * Math.sin(Math.PI * f * humps)) / len : 0;
      curve.push([e.a[0] + f * dx - off * dy, e.a[1] + f * dy + off * dx]);
    }
    curve.push(e.b);
    e.curve = curve;
  }
  const along = (a: XY, b: XY): XY[] => {
    const e = edges.get(edgeKey(a, b)) as Edge;
    const c = e.curve as XY[];
    return vKey(e.a) === vKey(a) ? c : c.slice().reverse();
  };
  /** a cell's boundary along its roads, counter-clockwise, open */
  const cellOutline = (c: number): XY[] => {
    const ring = rings[c];
    const out: XY[] = [];
    for (let k = 0; k < ring.length; k++) out.push(...along(ring[k], ring[(k + 1) % ring.length]).slice(0, -1));
    return out;
  };

  // 4. streets: city cells grouped around seeds (additive weights: irregular, connected)
  const cityCells = order.slice(0, nCells).sort((a, b) => a - b);
  const strng = rng.fork('streets');
  // seeds spread out (each at least `gap` from the others) and weights below half of it, so every
  // seed keeps at least its own cell and no street comes out empty
  const shuffledCells = strng.shuffled(cityCells);
  const seeds: number[] = [];
  for (let gap = 0.6 * PITCH * Math.sqrt(nCells / nStreets); seeds.length < nStreets; gap *= 0.8) {
    seeds.length = 0;
    for (const c of shuffledCells) {
      if (seeds.length === nStreets) break;
      if (seeds.every((o) => Math.hypot(sites[c][0] - sites[o][0], sites[c][1] - sites[o][1]) >= gap)) seeds.push(c);
    }
  }
  const minGap = Math.min(...seeds.flatMap((a, i) => seeds.slice(i + 1).map((b) => Math.hypot(sites[a][0] - sites[b][0], sites[a][1] - sites[b][1]))));
  const weights = seeds.map(() => (Number.isFinite(minGap) ? strng.uniform(0, 0.45 * minGap) : 0));
  const streetOf = new Int32Array(rings.length).fill(-1);
  for (const c of cityCells) {
    let best = 0;
    let bestD = Infinity;
    for (let s = 0; s < seeds.length; s++) {
      const d = Math.hypot(sites[c][0] - sites[seeds[s]][0], sites[c][1] - sites[seeds[s]][1]) - weights[s];
      if (d < bestD) [best, bestD] = [s, d];
    }
    streetOf[c] = best;
  }
  const centreDist = seeds.map((s) => Math.hypot(...sites[s]));
  const townCut = centreDist.slice().sort((a, b) => a - b)[Math.floor(seeds.length * 0.6)];
  const names = nameMaker(rng.fork('names'));
  const streets: Street[] = seeds.map((_seed, si) => {
    const town = centreDist[si] >= townCut;
    const boundary = regionRings(
      cityCells.filter((c) => streetOf[c] === si),
      rings,
      along,
      vKey,
    );
    const target = Math.round(10_000 * 5 ** strng.next()); // 10k–50k vertices in all
    return {
      id: `S${String(si + 1).padStart(2, '0')}`,
      name: `${names.place()}${town ? '镇' : '街道'}`,
      type: town ? 'town' : 'street',
      geometry: densifyRegion(boundary, target, strng),
      extra: {},
    };
  });

  // 5. communities: one per city cell except parks
  const crng = rng.fork('communities');
  const parks = new Set(crng.shuffled(cityCells).slice(0, nCells - nCom));
  const blocks = cityCells.filter((c) => !parks.has(c));
  const communities: Community[] = [];
  const outlines: XY[][] = [];
  let vMin = Infinity;
  let vMax = 0;
  let vSum = 0;
  for (const c of blocks) {
    const site = sites[c];
    const n = Math.round(50 * 40 ** (crng.next() ** 5)); // 50–2,000, most near 50–150
    const ring = resampleRadial(cellOutline(c), site, n, crng);
    outlines.push(ring);
    vMin = Math.min(vMin, n);
    vMax = Math.max(vMax, n);
    vSum += n;
    const areaM2 = signedArea(ring);
    const rho = Math.hypot(...site) / rMax;
    const si = streetOf[c];
    const town = streets[si].type === 'town';
    const type = town && rho > 0.75 ? 'rural' : crng.chance(0.35) ? 'new' : 'built';
    const density = (town ? 0.02 : 0.06) * crng.uniform(0.6, 1.4); // residents per m²
    const population = Math.max(200, Math.round(areaM2 * density));
    const lonlat = ring.map(toLonLat);
    communities.push({
      id: `C${String(communities.length + 1).padStart(5, '0')}`,
      name: `${names.place()}${type === 'rural' ? '村' : '社区'}`,
      street: streets[si].id,
      type,
      ...(type !== 'rural' ? { builtYear: type === 'new' ? crng.int(2012, 2024) : crng.int(1975, 2011) } : {}),
      population,
      households: Math.round(population / crng.uniform(2.5, 3.1)),
      elderly: Math.round(population * crng.uniform(0.12, 0.26)),
      infants: Math.round(population * crng.uniform(0.008, 0.02)),
      geometry: { type: 'Polygon', coordinates: [[...lonlat, lonlat[0]]] },
      extra: {},
    });
  }

  // 6. facilities: in communities, weighted by residents
  const frng = rng.fork('facilities');
  const cum: number[] = [];
  let total = 0;
  for (const c of communities) cum.push((total += c.population ?? 0));
  const facilities: Facility[] = [];
  const counters = new Map<FacilityKind, number>();
  for (let k = 0; k < nFac; k++) {
    const u = frng.next() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    const at = lo;
    const rural = communities[at].type === 'rural';
    const kind = pickKind(frng, rural);
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const site = sites[blocks[at]];
    const v = frng.pick(outlines[at]);
    const t = frng.uniform(0.1, 0.75);
    const xy: XY = [site[0] + t * (v[0] - site[0]), site[1] + t * (v[1] - site[1])];
    facilities.push({
      id: `${KIND_PREFIX[kind]}${String(n).padStart(5, '0')}`,
      name: `${communities[at].name.replace(/(社区|村)$/, '')}${KIND_NAME[kind]}`,
      kind,
      ...capacity(kind, frng),
      geometry: { type: 'Point', coordinates: toLonLat(xy) },
      extra: { community: communities[at].id },
    });
  }

  const roads: Road[] = edgeList.map((e, k) => ({
    id: `R${k + 1}`,
    highway: e.cells.length === 1 ? 'secondary' : rrng.chance(0.12) ? 'tertiary' : 'residential',
    geometry: { type: 'LineString', coordinates: (e.curve as XY[]).map(toLonLat) },
  }));
  const roadNodes = new Set<string>();
  for (const r of roads) for (const p of r.geometry.coordinates as Position[]) roadNodes.add(`${p[0]},${p[1]}`);
  const streetVertices = streets.map((s) =>
    (s.geometry.type === 'Polygon' ? [s.geometry.coordinates] : s.geometry.coordinates).reduce((n, poly) => n + poly.reduce((m, r) => m + r.length - 1, 0), 0),
  );
  const area: AreaInfo = { name: '大城市（基准测试合成数据）', baselineYear: 2020, budgetElderly: 200_000_000, budgetChildcare: 100_000_000, lotteryShare: 0.6 };
  return {
    area,
    profile: 'combined',
    params: {},
    communities,
    facilities,
    streets,
    roads,
    stats: {
      roadNodes: roadNodes.size,
      communityVertices: { min: vMin, max: vMax, mean: vSum / Math.max(1, communities.length) },
      streetVertices: { min: Math.min(...streetVertices), max: Math.max(...streetVertices) },
    },
  };
}

function signedArea(ring: XY[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2;
}

/** n points at equal steps along the closed outline, each moved along its ray from the site to
 *  SETBACK of the way (± a little, like a digitised fence): angular order is kept, so it stays simple */
function resampleRadial(outline: XY[], site: XY, n: number, rng: Rng): XY[] {
  const cum = [0];
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i];
    const b = outline[(i + 1) % outline.length];
    cum.push(cum[i] + Math.hypot(b[0] - a[0], b[1] - a[1]));
  }
  const per = cum[outline.length];
  const out: XY[] = [];
  let seg = 0;
  let jitter = 0;
  for (let k = 0; k < n; k++) {
    const d = (k / n) * per;
    while (cum[seg + 1] < d) seg++;
    const a = outline[seg];
    const b = outline[(seg + 1) % outline.length];
    const f = cum[seg + 1] > cum[seg] ? (d - cum[seg]) / (cum[seg + 1] - cum[seg]) : 0;
    jitter = Math.max(-1, Math.min(1, jitter + rng.uniform(-0.3, 0.3)));
    const s = SETBACK + 0.015 * jitter;
    const p: XY = [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])];
    out.push([site[0] + s * (p[0] - site[0]), site[1] + s * (p[1] - site[1])]);
  }
  return out;
}

/** the outer rings of a group of cells, along the roads between it and its neighbours */
function regionRings(cells: number[], rings: XY[][], along: (a: XY, b: XY) => XY[], vKey: (p: XY) => string): XY[][] {
  const inside = new Set<string>();
  const directed = (a: XY, b: XY) => `${vKey(a)}>${vKey(b)}`;
  for (const c of cells) for (let k = 0; k < rings[c].length; k++) inside.add(directed(rings[c][k], rings[c][(k + 1) % rings[c].length]));
  // a boundary edge is one whose reverse is not inside the group; chain them head to tail
  const next = new Map<string, [XY, XY][]>();
  for (const c of cells)
    for (let k = 0; k < rings[c].length; k++) {
      const a = rings[c][k];
      const b = rings[c][(k + 1) % rings[c].length];
      if (inside.has(directed(b, a))) continue;
      const list = next.get(vKey(a)) ?? [];
      list.push([a, b]);
      next.set(vKey(a), list);
    }
  const out: XY[][] = [];
  for (const start of [...next.keys()].sort()) {
    for (;;) {
      const list = next.get(start);
      if (!list?.length) break;
      const ring: XY[] = [];
      let key = start;
      for (;;) {
        const l = next.get(key);
        const e = l?.pop();
        if (!e) break;
        ring.push(...along(e[0], e[1]).slice(0, -1));
        key = vKey(e[1]);
        if (key === start) break;
      }
      out.push(ring);
    }
  }
  return out;
}

/** densify rings to about `target` vertices in all (outer rings counter-clockwise, holes clockwise) */
function densifyRegion(rings: XY[][], target: number, rng: Rng): Street['geometry'] {
  const len = (r: XY[]) => r.reduce((s, p, i) => s + Math.hypot(r[(i + 1) % r.length][0] - p[0], r[(i + 1) % r.length][1] - p[1]), 0);
  const all = rings.reduce((s, r) => s + len(r), 0);
  const dense = rings.map((r) => {
    const want = Math.max(r.length, Math.round((target * len(r)) / all));
    const step = len(r) / want;
    const out: XY[] = [];
    for (let i = 0; i < r.length; i++) {
      const a = r[i];
      const b = r[(i + 1) % r.length];
      const l = Math.hypot(b[0] - a[0], b[1] - a[1]);
      const m = Math.max(1, Math.round(l / step));
      for (let k = 0; k < m; k++) {
        // a surveyed line: points along the road with centimetres of scatter across it
        const f = k / m;
        const off = k === 0 ? 0 : (rng.uniform(-0.1, 0.1) * step) / Math.max(l, 1e-9);
        out.push([a[0] + f * (b[0] - a[0]) - off * (b[1] - a[1]), a[1] + f * (b[1] - a[1]) + off * (b[0] - a[0])]);
      }
    }
    return out;
  });
  const close = (r: XY[]) => {
    const ll = r.map(toLonLat);
    return [...ll, ll[0]];
  };
  const outers = dense.filter((r) => signedArea(r) > 0);
  const holes = dense.filter((r) => signedArea(r) <= 0);
  const polys: Position[][][] = outers.map((r) => [close(r)]);
  for (const h of holes) {
    const k = outers.findIndex((o) => pointInRing(h[0][0], h[0][1], o));
    if (k >= 0) polys[k].push(close(h));
  }
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

const KIND_NAME: Record<FacilityKind, string> = {
  elderly_institution: '颐养院',
  elderly_township_centre: '区域性养老服务中心',
  elderly_complex: '社区养老服务综合体',
  elderly_daycare: '日间照料中心',
  elderly_rural_point: '互助幸福院',
  childcare_centre: '托育中心',
  kindergarten_nursery: '幼儿园（托班）',
  family_childcare: '家庭托育点',
  health_centre: '社区卫生服务站',
};

function pickKind(rng: Rng, rural: boolean): FacilityKind {
  const u = rng.next();
  if (rural) return u < 0.5 ? 'elderly_rural_point' : u < 0.6 ? 'elderly_township_centre' : u < 0.8 ? 'health_centre' : 'kindergarten_nursery';
  const urban: [FacilityKind, number][] = [
    ['elderly_daycare', 0.3],
    ['childcare_centre', 0.18],
    ['kindergarten_nursery', 0.14],
    ['family_childcare', 0.1],
    ['health_centre', 0.12],
    ['elderly_complex', 0.08],
    ['elderly_institution', 0.08],
  ];
  let s = 0;
  for (const [k, p] of urban) if (u < (s += p)) return k;
  return 'elderly_institution';
}

function capacity(kind: FacilityKind, r: Rng): Partial<Facility> {
  const own = () => (r.chance(0.4) ? 'public' : r.chance(0.5) ? 'public_private' : 'private');
  switch (kind) {
    case 'elderly_institution': {
      const beds = r.int(6, 45) * 10;
      return {
        beds,
        nursingBeds: Math.round(beds * r.uniform(0.3, 0.7)),
        floorArea: Math.round(beds * r.uniform(30, 42)),
        landArea: Math.round(beds * r.uniform(18, 28)),
        ownership: own(),
        socialWorkers: Math.max(1, Math.round(beds / 100)),
      };
    }
    case 'elderly_township_centre':
      return { beds: r.int(4, 12) * 10, floorArea: r.int(15, 40) * 100, landArea: r.int(12, 30) * 100, ownership: 'public', socialWorkers: r.int(1, 2) };
    case 'elderly_complex':
      return { beds: r.int(2, 4) * 10, floorArea: r.int(8, 20) * 100, landArea: r.int(6, 15) * 100, ownership: own(), socialWorkers: r.int(1, 3) };
    case 'elderly_daycare':
      return { beds: 0, nursingBeds: 0, floorArea: r.int(30, 80) * 10, ownership: own(), socialWorkers: r.int(0, 1) };
    case 'elderly_rural_point':
      return { beds: 0, nursingBeds: 0, floorArea: r.int(6, 20) * 10, landArea: r.int(10, 30) * 10, ownership: 'public', socialWorkers: 0 };
    case 'childcare_centre': {
      const places = r.int(2, 12) * 10;
      return { places, floorArea: Math.round(places * r.uniform(7, 10)), ownership: own(), inclusive: r.chance(0.5) };
    }
    case 'kindergarten_nursery':
      return { places: r.int(15, 40), floorArea: r.int(8, 16) * 10, ownership: r.chance(0.6) ? 'public' : 'private', inclusive: true };
    case 'family_childcare':
      return { places: r.int(5, 12), floorArea: r.int(6, 12) * 10, ownership: 'private', inclusive: r.chance(0.3) };
    case 'health_centre':
      return { floorArea: r.int(2, 30) * 100, ownership: 'public' };
  }
}

const SYLLABLES = '安宁和平福泰兴隆长乐康嘉永丰瑞祥华盛新明春秋景苑湖滨东西南北金玉清河柳林桂花松竹梅兰翠山川'.split('');

/** two- or three-character place names, each used once (a suffix number when the pool runs out) */
function nameMaker(rng: Rng): { place(): string } {
  const used = new Map<string, number>();
  return {
    place() {
      const n = rng.chance(0.7) ? 2 : 3;
      let s = '';
      for (let k = 0; k < n; k++) s += rng.pick(SYLLABLES);
      const seen = used.get(s) ?? 0;
      used.set(s, seen + 1);
      return seen === 0 ? s : `${s}${seen + 1}`;
    },
  };
}
