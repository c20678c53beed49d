import { describe, expect, it } from 'vitest';
import { coordsFromNames, fromWgs84, shiftHint, toWgs84 } from '../../src/io/webmap';
import type { SourceFeature } from '../../src/io';
import { mulberry32 } from '../../scripts/demo/prng';

// An independent implementation of the published GCJ-02 offset (the widely copied formula of
// eviltransform / coordtransform: Krasovsky ellipsoid a = 6378245, ee = 0.00669342162296594323)
// and of Baidu's BD-09 (x_pi = π·3000/180), written here from the formulas, not from gcoord.
const A = 6378245.0;
const EE = 0.006693421622965943;
function tLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}
function tLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}
function wgsToGcj(lon: number, lat: number): [number, number] {
  let dLat = tLat(lon - 105, lat - 35);
  let dLon = tLon(lon - 105, lat - 35);
  const rad = (lat / 180) * Math.PI;
  let magic = Math.sin(rad);
  magic = 1 - EE * magic * magic;
  const sq = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sq)) * Math.PI);
  dLon = (dLon * 180) / ((A / sq) * Math.cos(rad) * Math.PI);
  return [lon + dLon, lat + dLat];
}
function gcjToBd(lon: number, lat: number): [number, number] {
  const xPi = (Math.PI * 3000) / 180;
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * xPi);
  const th = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * xPi);
  return [z * Math.cos(th) + 0.0065, z * Math.sin(th) + 0.006];
}

const PLACES: [string, number, number][] = [
  ['长安区 韦曲', 108.9385, 34.1652],
  ['北京 天安门', 116.3975, 39.9087],
  ['广州 珠江新城', 113.3245, 23.1199],
  ['乌鲁木齐', 87.6168, 43.8256],
];

const M = 111_320; // metres per degree of latitude, for readable tolerances

describe('GCJ-02 and BD-09 to WGS84', () => {
  it.each(PLACES)('%s: a GCJ-02 point made by the independent formula comes back within 0.5 m', (_, lon, lat) => {
    const gcj = wgsToGcj(lon, lat);
    // the offset itself is hundreds of metres: the conversion has something to undo
    expect(Math.hypot(gcj[0] - lon, gcj[1] - lat) * M).toBeGreaterThan(100);
    const back = toWgs84(gcj, 'gcj02');
    expect(Math.abs(back[0] - lon) * M).toBeLessThan(0.5);
    expect(Math.abs(back[1] - lat) * M).toBeLessThan(0.5);
  });
  it.each(PLACES)('%s: a BD-09 point made by the independent formulas comes back within 0.5 m', (_, lon, lat) => {
    const bd = gcjToBd(...wgsToGcj(lon, lat));
    const back = toWgs84(bd, 'bd09');
    expect(Math.abs(back[0] - lon) * M).toBeLessThan(0.5);
    expect(Math.abs(back[1] - lat) * M).toBeLessThan(0.5);
  });
  it('the forward direction agrees with the independent formula to 1e-6°', () => {
    for (const [, lon, lat] of PLACES) {
      const mine = fromWgs84([lon, lat], 'gcj02');
      const theirs = wgsToGcj(lon, lat);
      expect(Math.abs(mine[0] - theirs[0])).toBeLessThan(1e-6);
      expect(Math.abs(mine[1] - theirs[1])).toBeLessThan(1e-6);
    }
  });
  it('wgs84 is left alone', () => {
    expect(toWgs84([108.9, 34.2], 'wgs84')).toEqual([108.9, 34.2]);
  });
});

describe('hints', () => {
  it('names in the file say where points were copied from', () => {
    expect(coordsFromNames(['养老机构_高德坐标.csv'])).toBe('gcj02');
    expect(coordsFromNames(['x', 'bd09_lat'])).toBe('bd09');
    expect(coordsFromNames(['经度', '纬度'])).toBeUndefined();
  });

  // reference: a 21×21 grid of road vertices every 0.001° (~100 m) around 韦曲, on the map in WGS84
  const ref: number[][] = [];
  for (let i = 0; i <= 20; i++) for (let j = 0; j <= 20; j++) ref.push([108.93 + i * 0.001, 34.155 + j * 0.001]);
  const onRoads = (conv: (p: [number, number]) => number[]): SourceFeature[] =>
    [5, 9, 13].flatMap((i, k) =>
      [3, 11, 17].map((j, m) => ({ number: k * 3 + m + 1, geometry: { type: 'Point' as const, coordinates: conv([108.93 + i * 0.001, 34.155 + j * 0.001]) }, properties: {} })),
    );

  it('points copied from 高德 sit ~0 m from the roads once read as GCJ-02, hundreds of metres off as WGS84', () => {
    const hint = shiftHint(
      onRoads((p) => wgsToGcj(p[0], p[1])),
      ref,
    );
    expect(hint?.best, JSON.stringify(hint)).toBe('gcj02');
    expect(hint!.medianMetres.gcj02).toBeLessThan(1);
    expect(hint!.medianMetres.wgs84).toBeGreaterThan(30);
  });
  it('points already in WGS84 get no conversion suggested', () => {
    expect(
      shiftHint(
        onRoads((p) => p),
        ref,
      )?.best,
    ).toBe('wgs84');
  });
});

describe('the shift hint’s distances', () => {
  it('are each point’s distance to its nearest reference position, as a scan of every position finds it', () => {
    const rnd = mulberry32(15);
    // reference: dense clusters (community corners, road vertices) and sparse outskirts
    const ref: number[][] = [];
    for (let c = 0; c < 40; c++) {
      const [x, y] = [108.8 + rnd() * 0.3, 34.0 + rnd() * 0.3];
      for (let k = 0; k < 100; k++) ref.push([x + (rnd() - 0.5) * 0.01, y + (rnd() - 0.5) * 0.01]);
    }
    for (let k = 0; k < 500; k++) ref.push([108.5 + rnd(), 33.7 + rnd()]);
    // points near the data, a few far away (more than 0.512° from everything: infinitely far)
    const features: SourceFeature[] = [];
    for (let k = 0; k < 1500; k++) {
      const far = k % 50 === 0;
      const p = far ? [100 + rnd(), 25 + rnd()] : [108.8 + rnd() * 0.3, 34.0 + rnd() * 0.3];
      features.push({ number: k + 1, geometry: { type: 'Point', coordinates: p }, properties: {} });
    }
    const hint = shiftHint(features, ref);
    const kx = Math.cos(((ref.reduce((s, p) => s + p[1], 0) / ref.length) * Math.PI) / 180);
    for (const from of ['wgs84', 'gcj02', 'bd09'] as const) {
      const d = features.map((f) => {
        const p = toWgs84((f.geometry as { coordinates: number[] }).coordinates, from);
        let best = Infinity;
        for (const r of ref) best = Math.min(best, Math.hypot((r[0] - p[0]) * kx, r[1] - p[1]));
        return best <= 0.512 ? best * 111_320 : Infinity;
      });
      d.sort((a, b) => a - b);
      const want = d[Math.floor(d.length / 2)];
      expect(want).toBeGreaterThan(1);
      expect(hint?.medianMetres[from]).toBeCloseTo(want, 6);
    }
    // the far ones count as infinitely far, so the median moves past them
    expect(
      shiftHint(
        features.filter((_, k) => k % 50 === 0),
        ref,
      )?.medianMetres.wgs84,
    ).toBe(Infinity);
  });
});
